package org.supervisionhub.api.explore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.explore.ExploreService.Subject;
import org.supervisionhub.api.explore.ExploreViews.BeneficialOwnership;
import org.supervisionhub.api.explore.ExploreViews.CommonController;
import org.supervisionhub.api.explore.ExploreViews.Dossier;
import org.supervisionhub.api.explore.ExploreViews.PathSearch;
import org.supervisionhub.api.explore.ExploreViews.RestrictionExposure;
import org.supervisionhub.api.explore.ExploreViews.SubjectGraph;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.restriction.SubjectInput;
import org.supervisionhub.graph.complaint.ComplaintRepository.Complaint;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.explore.Explore.Kind;

/** Exploration (explore.graphqls): validates the arguments; the services find the subjects (inside their first statement where they can) and walk. */
@Controller
public class ExploreController {

    static final int MAX_HOPS = 3;
    static final int MAX_PATH_HOPS = 6;
    static final int MAX_LIMIT = 500;
    static final int MAX_PER_NODE = 200;
    static final int MAX_PATHS = 50;
    static final int MIN_SUBJECTS = 2;
    static final int MAX_SUBJECTS = 20;

    private final ExploreService explore;
    private final DossierService dossiers;
    private final PageRequests pages;

    public ExploreController(ExploreService explore, DossierService dossiers, PageRequests pages) {
        this.explore = explore;
        this.dossiers = dossiers;
        this.pages = pages;
    }

    @QueryMapping
    public SubjectGraph subjectGraph(@Argument SubjectInput subject, @Argument int hops, @Argument List<LinkType> linkTypes,
                                     @Argument LocalDate asOf, @Argument int limit, @Argument int perNode) {
        Checks checks = new Checks();
        Subject s = subject(checks, "subject", subject);
        range(checks, "hops", hops, 1, MAX_HOPS);
        range(checks, "limit", limit, 1, MAX_LIMIT);
        range(checks, "perNode", perNode, 1, MAX_PER_NODE);
        checks.throwIfAny();
        return explore.subjectGraph(s, hops, types(linkTypes), day(asOf), limit, perNode);
    }

    @QueryMapping
    public Connection<ExploreViews.Neighbour> subjectNeighbours(@Argument SubjectInput subject, @Argument List<LinkType> linkTypes,
                                                                @Argument LocalDate asOf, @Argument Integer first, @Argument String after) {
        Checks checks = new Checks();
        Subject s = subject(checks, "subject", subject);
        checks.throwIfAny();
        int size = pages.size(first);
        pages.checkCursor(after);
        ExploreViews.Neighbours neighbours = explore.neighbours(s, types(linkTypes), day(asOf), size, after);
        return Connection.of(neighbours.page(), after != null, neighbours.degree());
    }

    @QueryMapping
    public PathSearch paths(@Argument SubjectInput from, @Argument SubjectInput to, @Argument int maxHops, @Argument List<LinkType> linkTypes,
                            @Argument LocalDate asOf, @Argument int first) {
        Checks checks = new Checks();
        Subject a = subject(checks, "from", from);
        Subject b = subject(checks, "to", to);
        checks.check(a == null || b == null || !a.id().equals(b.id()), "to", ErrorCode.INVALID_VALUE,
                "to: the same subject as from; ask for two different subjects", null);
        range(checks, "maxHops", maxHops, 1, MAX_PATH_HOPS);
        range(checks, "first", first, 1, MAX_PATHS);
        checks.throwIfAny();
        return explore.paths(a, b, maxHops, types(linkTypes), day(asOf), first);
    }

    @QueryMapping
    public BeneficialOwnership beneficialOwners(@Argument String uscc, @Argument LocalDate asOf, @Argument double threshold) {
        Checks checks = new Checks();
        String u = checks.uscc("uscc", uscc);
        threshold(checks, threshold);
        checks.throwIfAny();
        return explore.beneficialOwners(new Subject("uscc", Kind.ENTERPRISE, u), day(asOf), threshold);
    }

    @QueryMapping
    public List<CommonController> commonControllers(@Argument List<SubjectInput> subjects, @Argument LocalDate asOf, @Argument double threshold) {
        Checks checks = new Checks();
        checks.check(subjects.size() >= MIN_SUBJECTS && subjects.size() <= MAX_SUBJECTS, "subjects", ErrorCode.INVALID_VALUE,
                "subjects: give " + MIN_SUBJECTS + " to " + MAX_SUBJECTS + " subjects, got " + subjects.size(), null);
        threshold(checks, threshold);
        List<Subject> refs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < subjects.size() && i < MAX_SUBJECTS; i++) {
            Subject s = subject(checks, "subjects[" + i + "]", subjects.get(i));
            if (s != null) {
                Integer earlier = seen.putIfAbsent(s.id(), i);
                checks.check(earlier == null, "subjects[" + i + "]", ErrorCode.DUPLICATE, "subjects[" + i + "]: the same subject as subjects["
                        + earlier + "]", null);
                refs.add(s);
            }
        }
        checks.throwIfAny();
        return explore.commonControllers(explore.find(refs), day(asOf), threshold);
    }

    @QueryMapping
    public RestrictionExposure restrictionExposure(@Argument SubjectInput subject, @Argument int hops, @Argument LocalDate asOf) {
        Checks checks = new Checks();
        Subject s = subject(checks, "subject", subject);
        range(checks, "hops", hops, 1, MAX_HOPS);
        checks.throwIfAny();
        return explore.exposure(s, hops, day(asOf));
    }

    @QueryMapping
    public Dossier preInspectionDossier(@Argument String uscc, @ContextValue Viewer viewer) {
        Checks checks = new Checks();
        String u = checks.uscc("uscc", uscc);
        checks.throwIfAny();
        return dossiers.dossier(u, viewer);
    }

    @QueryMapping
    public List<org.supervisionhub.graph.sampling.Sampling.Inspection> subjectInspections(@Argument String uscc) {
        Checks checks = new Checks();
        String u = checks.uscc("uscc", uscc);
        checks.throwIfAny();
        return dossiers.inspections(u);
    }

    /** Only when asked, and only for the roles the field's own rule admits. */
    @SchemaMapping(typeName = "PreInspectionDossier")
    public List<Complaint> complaints(Dossier dossier) {
        return dossiers.complaints(dossier);
    }

    // ---- arguments

    /** Exactly one of uscc and personId, valid, as a subject of the kind its field says; null after recording the violation. */
    static Subject subject(Checks checks, String field, SubjectInput s) {
        if (s == null || (s.uscc() == null) == (s.personId() == null)) {
            checks.check(false, field, ErrorCode.INVALID_VALUE, field + ": give exactly one of uscc and personId", null);
            return null;
        }
        String id = s.uscc() != null ? checks.uscc(field + ".uscc", s.uscc()) : checks.personId(field + ".personId", s.personId());
        return id == null ? null : new Subject(field, s.uscc() != null ? Kind.ENTERPRISE : Kind.PERSON, id);
    }

    static void range(Checks checks, String field, int value, int min, int max) {
        checks.check(value >= min && value <= max, field, ErrorCode.INVALID_VALUE, field + ": between " + min + " and " + max + ", got " + value, null);
    }

    static void threshold(Checks checks, double t) {
        checks.check(t > 0 && t <= 1, "threshold", ErrorCode.INVALID_VALUE, "threshold: a share above 0 and at most 1 (0.25 is 25%), got " + t, null);
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : explore.today();
    }

    private static List<LinkType> types(List<LinkType> linkTypes) {
        return linkTypes == null || linkTypes.isEmpty() ? ExploreService.ALL_TYPES : List.copyOf(new LinkedHashSet<>(linkTypes));
    }
}
