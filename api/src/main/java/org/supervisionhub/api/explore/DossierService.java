package org.supervisionhub.api.explore;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.explore.ExploreViews.Dossier;
import org.supervisionhub.api.explore.ExploreViews.ExposedSubject;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.inspection.Inspections;
import org.supervisionhub.api.restriction.RestrictionChecker;
import org.supervisionhub.graph.complaint.ComplaintRepository;
import org.supervisionhub.graph.complaint.ComplaintRepository.Complaint;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.explore.Explore.Node;
import org.supervisionhub.graph.explore.ExploreRepository;
import org.supervisionhub.graph.followup.FollowUpRepository;
import org.supervisionhub.domain.followup.CaseStatus;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;

/**
 * METH-07 预查比对: what an inspection team checks before a visit, in one answer. Who may ask: administrators; an
 * inspector on the team of an active inspection of the enterprise (the same assignment that lets them record it);
 * officers, leaders and oversight when the enterprise lies in their jurisdiction or their department inspects or drew one
 * of its inspections (oversight: its department tree), as {@code Inspections.mayRead} decides for inspections.
 */
@Service
public class DossierService {

    static final int LINKED_HOPS = 2;

    private final ExploreService explore;
    private final ExploreRepository repository;
    private final DirectoryRepository directory;
    private final TriggerRepository triggers;
    private final DrawRepository draws;
    private final ResultRepository results;
    private final FollowUpRepository followUps;
    private final ComplaintRepository complaints;

    public DossierService(ExploreService explore, ExploreRepository repository, DirectoryRepository directory, TriggerRepository triggers,
                          DrawRepository draws, ResultRepository results, FollowUpRepository followUps, ComplaintRepository complaints) {
        this.explore = explore;
        this.repository = repository;
        this.directory = directory;
        this.triggers = triggers;
        this.draws = draws;
        this.results = results;
        this.followUps = followUps;
        this.complaints = complaints;
    }

    public Dossier dossier(String uscc, Viewer viewer) {
        Enterprise e = directory.enterprise(uscc).orElseThrow(() -> new NotFoundException("uscc", "no enterprise " + uscc));
        List<Inspection> inspections = draws.inspectionsOfEnterprises(List.of(uscc)).getOrDefault(uscc, List.of());
        if (!mayRead(viewer, e, inspections) && !assigned(viewer, uscc)) {
            throw new ForbiddenException("uscc", "preInspectionDossier: " + uscc + " is neither in the caller's jurisdiction nor inspected"
                    + " by its department" + (viewer.has(Role.INSPECTOR) ? ", nor assigned to the caller" : ""), !viewer.authenticated(), "METH-07");
        }
        List<String> resultIds = repository.resultIds(uscc);
        var byId = results.byId(resultIds);
        List<Result> rs = resultIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        List<EnforcementCase> open = new ArrayList<>();
        followUps.casesOfResults(resultIds).values().forEach(cs -> cs.stream().filter(c -> c.status() != CaseStatus.CLOSED).forEach(open::add));
        open.sort(java.util.Comparator.comparing(EnforcementCase::openedOn).reversed().thenComparing(EnforcementCase::id));
        Node node = new Node(org.supervisionhub.graph.explore.Explore.Kind.ENTERPRISE, e.uscc(), e.name(), e.status());
        List<ExposedSubject> linked = explore.exposure(node, LINKED_HOPS, explore.today()).exposed().stream()
                .filter(x -> x.node().hops() > 0).toList();
        var now = explore.now();
        return new Dossier(e, now, triggers.ofEnterprises(List.of(uscc), null, null).getOrDefault(uscc, List.of()), visits(inspections), rs, open,
                linked, RestrictionChecker.freshness(repository.freshness(), now));
    }

    /** The enterprise's drawn inspections as visits, newest first (subjectInspections). */
    public List<Inspection> inspections(String uscc) {
        directory.enterprise(uscc).orElseThrow(() -> new NotFoundException("uscc", "no enterprise " + uscc));
        return visits(draws.inspectionsOfEnterprises(List.of(uscc)).getOrDefault(uscc, List.of()));
    }

    /** PLAN-15: a joint inspection is one visit, shown once as its lead's inspection; its parts hang below it (jointParts). */
    static List<Inspection> visits(List<Inspection> inspections) {
        return inspections.stream().filter(i -> !i.part()).toList();
    }

    public List<Complaint> complaints(Dossier d) {
        return complaints.ofEnterprises(List.of(d.enterprise().uscc())).getOrDefault(d.enterprise().uscc(), List.of());
    }

    static boolean mayRead(Viewer viewer, Enterprise e, List<Inspection> inspections) {
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        if (viewer.hasAny(List.of(Role.OFFICER, Role.LEADER, Role.OVERSIGHT))) {
            if (e.regionCode() != null && viewer.jurisdiction().get().contains(e.regionCode())) {
                return true;
            }
            if (inspections.stream().anyMatch(i -> Inspections.mayRead(viewer, Inspections.inspecting(i), i.drawnBy()))) {
                return true;
            }
        }
        return false;
    }

    /** An inspector only for an enterprise they are assigned to inspect. */
    boolean assigned(Viewer viewer, String uscc) {
        return viewer.has(Role.INSPECTOR) && viewer.inspectorId() != null && repository.assignedInspectors(uscc).contains(viewer.inspectorId());
    }
}
