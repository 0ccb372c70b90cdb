package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.domain.inspection.Overdue;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.inspection.EvidenceRepository.Evidence;
import org.supervisionhub.graph.inspection.NoticeRepository;
import org.supervisionhub.graph.inspection.NoticeRepository.Notice;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.RecordRepository;
import org.supervisionhub.graph.inspection.RecordRepository.InspectionRecord;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.Amendment;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.domain.inspection.ResultObjection;
import org.supervisionhub.graph.inspection.Results.OverdueTask;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.inspection.Results.Withholding;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.JointRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;

/**
 * What the inspection schema reads: an inspection's notice, record, evidence and result as the caller may see them, the
 * public view of published results, the fields batched onto results, and overdue work. Reads only; the write side is
 * {@link ResultService}, {@link NoticeService}, {@link RecordService}, {@link EvidenceService} and {@link ObjectionService}.
 */
@Service
@Transactional(readOnly = true)
public class InspectionViews {

    /** What the public sees of a published result. */
    public record PublishedResult(String uscc, String enterpriseName, String inspectingDepartment, ResultCategory category,
                                  LocalDate endedOn, OffsetDateTime publishedAt, OffsetDateTime correctedAt, boolean underReview,
                                  String jointInspectionId) {
    }

    private final ResultRepository results;
    private final NoticeRepository notices;
    private final RecordRepository records;
    private final EvidenceRepository evidence;
    private final ObjectionRepository objections;
    private final DrawRepository draws;
    private final JointRepository joint;
    private final JointInspections jointInspections;
    private final DirectoryRepository directory;
    private final TriggerRepository triggers;
    private final OrganisationRepository organisation;
    private final Clock clock;

    public InspectionViews(ResultRepository results, NoticeRepository notices, RecordRepository records, EvidenceRepository evidence,
                           ObjectionRepository objections, DrawRepository draws, JointRepository joint, JointInspections jointInspections,
                           DirectoryRepository directory, TriggerRepository triggers, OrganisationRepository organisation, Clock clock) {
        this.results = results;
        this.notices = notices;
        this.records = records;
        this.evidence = evidence;
        this.objections = objections;
        this.draws = draws;
        this.joint = joint;
        this.jointInspections = jointInspections;
        this.directory = directory;
        this.triggers = triggers;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** The department and those below it: the scope of a department's lists. */
    public Set<String> departmentTree(String departmentId) {
        return Set.copyOf(organisation.departmentAndSubordinates(departmentId));
    }

    /** The inspection's result, to the inspecting and drawing departments, oversight above them and administrators. */
    public Result result(String inspectionId, Viewer viewer) {
        if (inspectionId == null || inspectionId.isBlank()) {
            return null; // no inspection has a blank id: nothing to read, as for any unknown id
        }
        String id = new InspectionId(inspectionId).result().value();
        Result r = results.byId(List.of(id)).get(id);
        return r == null || !Inspections.mayRead(viewer, r.inspectingDepartment(), r.drawingDepartment()) ? null : r;
    }

    /** One on-site record covers a joint inspection's items (GEN-15), made on the lead's: every participant reads it. */
    public InspectionRecord record(String inspectionId, Viewer viewer) {
        List<Inspection> visit = readableVisit(inspectionId, viewer);
        if (visit.isEmpty()) {
            return null;
        }
        String lead = visit.get(0).id();
        return records.ofInspections(List.of(lead)).get(lead);
    }

    /**
     * PLAN-15: a joint inspection's evidence, on whichever part it was recorded, is the one visit's: every participant reads
     * all of it (each Evidence names its inspection); each still records evidence on its own part only (EVID-01).
     */
    public List<Evidence> evidence(String inspectionId, Viewer viewer) {
        List<Inspection> visit = readableVisit(inspectionId, viewer);
        if (visit.isEmpty()) {
            return List.of();
        }
        Map<String, List<Evidence>> byInspection = evidence.ofInspections(visit.stream().map(Inspection::id).toList());
        List<Evidence> all = new ArrayList<>();
        visit.forEach(i -> all.addAll(byInspection.getOrDefault(i.id(), List.of())));
        return all;
    }

    /** The inspections of the visit {@code inspectionId} belongs to, when the viewer may read it; otherwise none. */
    private List<Inspection> readableVisit(String inspectionId, Viewer viewer) {
        Inspection inspection = draws.inspections(List.of(inspectionId)).get(inspectionId);
        if (inspection == null) {
            return List.of();
        }
        List<Inspection> visit = jointInspections.visit(inspection);
        return JointInspections.mayReadVisit(viewer, visit) ? visit : List.of();
    }

    /** One notice of a joint inspection (PLAN-15): a participant's part shows the lead's. */
    public Notice notice(String inspectionId) {
        Inspection inspection = draws.inspections(List.of(inspectionId)).get(inspectionId);
        String visit = inspection != null && inspection.jointOf() != null ? inspection.jointOf() : inspectionId;
        return notices.ofInspections(List.of(visit)).get(visit);
    }

    /** The enterprise's published results as the public sees them (PUB-11: none withheld). */
    public List<PublishedResult> published(String uscc) {
        String code = Uscc.normalise(uscc);
        List<Result> published = results.publishedOf(List.of(code)).getOrDefault(code, List.of());
        if (published.isEmpty()) {
            return List.of();
        }
        Enterprise e = directory.enterprises(List.of(code)).get(code);
        List<String> ids = Batches.keys(published, Result::id);
        List<String> inspectionIds = Batches.keys(published, Result::inspectionId);
        Map<String, List<Objection>> reviews = objections.ofResults(ids);
        // PLAN-15: results of one joint inspection (one visit) name it, each department's result its own.
        Map<String, Inspection> inspected = draws.inspections(inspectionIds);
        Set<String> jointLeads = joint.partsOf(inspectionIds).keySet();
        return published.stream().map(r -> new PublishedResult(r.uscc(), e == null ? null : e.name(), r.inspectingDepartment(), r.category(),
                r.endedOn(), r.publishedAt(), r.correctedAt(), ResultObjection.anyUnderReview(reviews.getOrDefault(r.id(), List.of()).stream()
                .map(Objection::lifecycle).toList()), jointOf(inspected.get(r.inspectionId()), jointLeads))).toList();
    }

    private static String jointOf(Inspection inspection, Set<String> jointLeads) {
        if (inspection == null) {
            return null;
        }
        return inspection.jointOf() != null ? inspection.jointOf() : jointLeads.contains(inspection.id()) ? inspection.id() : null;
    }

    /** PUB-03, PUB-04: the result is past its deadline to publish (the domain's {@link Overdue} rule). */
    public boolean overdue(Result r) {
        return Overdue.publication(r.status(), r.publishBy(), LocalDate.now(clock));
    }

    /** Active tasks of the departments whose window ended with inspections still lacking an approved result. */
    public List<OverdueTask> overdueTasks(Set<String> departments) {
        return results.overdueTasks(departments, LocalDate.now(clock));
    }

    public List<Objection> objectionsUnderReview(Collection<String> departments) {
        return objections.underReview(departments);
    }

    public Map<String, List<Objection>> objections(List<String> resultIds) {
        return objections.ofResults(resultIds);
    }

    public Map<String, List<Trigger>> listings(List<String> resultIds) {
        return triggers.bySourceRef(resultIds);
    }

    /** PUB-11: who withheld each result from the public, when and why. */
    public Map<String, Withholding> withholdings(List<String> resultIds) {
        return results.withholdings(resultIds);
    }

    public Map<String, Enterprise> enterprises(List<String> usccs) {
        return directory.enterprises(usccs);
    }

    public Map<String, List<Amendment>> amendments(List<String> resultIds) {
        return results.amendments(resultIds);
    }
}
