package org.supervisionhub.api.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.beans.factory.ObjectProvider;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessPolicy;
import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.api.inspection.ResultService.Proposal;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.inspection.EvidenceRepository.Evidence;
import org.supervisionhub.graph.inspection.NoticeRepository;
import org.supervisionhub.graph.inspection.RecordRepository;
import org.supervisionhub.graph.inspection.RecordRepository.InspectionRecord;
import org.supervisionhub.graph.inspection.NoticeRepository.Notice;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.FeedbackChannel;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.graph.inspection.Results.ObjectionStatus;
import org.supervisionhub.graph.inspection.Results.OverdueTask;
import org.supervisionhub.graph.inspection.VisitRepository;
import org.supervisionhub.graph.inspection.Results.Amendment;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultStatus;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;

/**
 * Inspection notices, on-site records, evidence, results (proposal, approval chain, publication, amendments, the overdue list, the public view) and
 * joint visits. Thin: the services decide.
 */
@Controller
public class InspectionController {

    /** What the public sees of a published result. */
    public record PublishedResult(String uscc, String enterpriseName, String inspectingDepartment, ResultCategory category,
                                  LocalDate endedOn, OffsetDateTime publishedAt, OffsetDateTime correctedAt, boolean underReview,
                                  String jointInspectionId) {
    }

    private final ResultService service;
    private final ResultRepository results;
    private final DirectoryRepository directory;
    private final OrganisationRepository organisation;
    private final TriggerRepository triggers;
    private final JointVisitService visits;
    private final NoticeService noticeService;
    private final NoticeRepository notices;
    private final EvidenceService evidenceService;
    private final EvidenceRepository evidenceRepository;
    private final DrawRepository draws;
    private final RecordService recordService;
    private final RecordRepository recordRepository;
    private final ObjectionService objectionService;
    private final ObjectionRepository objections;
    private final PageRequests pages;
    private final ObjectProvider<AccessPolicy> policy;
    private final org.supervisionhub.graph.sampling.JointRepository jointRepository;
    private final JointInspections jointInspections;

    public InspectionController(ResultService service, ResultRepository results, DirectoryRepository directory,
                                OrganisationRepository organisation, TriggerRepository triggers, JointVisitService visits,
                                NoticeService noticeService, NoticeRepository notices, EvidenceService evidenceService,
                                EvidenceRepository evidenceRepository, DrawRepository draws, RecordService recordService,
                                RecordRepository recordRepository, ObjectionService objectionService, ObjectionRepository objections,
                                PageRequests pages,
                                ObjectProvider<AccessPolicy> policy, org.supervisionhub.graph.sampling.JointRepository jointRepository,
                                JointInspections jointInspections) {
        this.jointInspections = jointInspections;
        this.policy = policy;
        this.jointRepository = jointRepository;
        this.pages = pages;
        this.objectionService = objectionService;
        this.objections = objections;
        this.recordService = recordService;
        this.recordRepository = recordRepository;
        this.evidenceService = evidenceService;
        this.evidenceRepository = evidenceRepository;
        this.draws = draws;
        this.noticeService = noticeService;
        this.notices = notices;
        this.visits = visits;
        this.triggers = triggers;
        this.service = service;
        this.results = results;
        this.directory = directory;
        this.organisation = organisation;
    }

    @QueryMapping
    public Result inspectionResult(@Argument String inspectionId, @ContextValue Viewer viewer) {
        Result r = results.byId(List.of(ResultService.idOf(inspectionId))).get(ResultService.idOf(inspectionId));
        return r == null || !Inspections.mayRead(viewer, r.inspectingDepartment(), r.drawingDepartment()) ? null : r;
    }

    @QueryMapping
    public List<Result> overdueInspectionResults(@Argument String departmentId, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return service.overdue(Set.copyOf(organisation.departmentAndSubordinates(departmentId)));
    }

    @QueryMapping
    public InspectionRecord inspectionRecord(@Argument String inspectionId, @ContextValue Viewer viewer) {
        Inspection inspection = draws.inspections(List.of(inspectionId)).get(inspectionId);
        if (inspection == null) {
            return null;
        }
        // One on-site record covers a joint inspection's items (GEN-15), made on the lead's: every participant reads it.
        List<Inspection> visit = jointInspections.visit(inspection);
        if (!JointInspections.mayReadVisit(viewer, visit)) {
            return null;
        }
        String lead = visit.get(0).id();
        return recordRepository.ofInspections(List.of(lead)).get(lead);
    }

    @MutationMapping
    public InspectionRecord recordInspection(@Argument RecordService.RecordInput input, @ContextValue Viewer viewer) {
        return recordService.record(input, viewer);
    }

    @QueryMapping
    public List<Evidence> inspectionEvidence(@Argument String inspectionId, @ContextValue Viewer viewer) {
        Inspection inspection = draws.inspections(List.of(inspectionId)).get(inspectionId);
        if (inspection == null) {
            return List.of();
        }
        // PLAN-15: a joint inspection's evidence, on whichever part it was recorded, is the one visit's: every participant
        // reads all of it (each Evidence names its inspection); each still records evidence on its own part only (EVID-01).
        List<Inspection> visit = jointInspections.visit(inspection);
        if (!JointInspections.mayReadVisit(viewer, visit)) {
            return List.of();
        }
        Map<String, List<Evidence>> byInspection = evidenceRepository.ofInspections(visit.stream().map(Inspection::id).toList());
        List<Evidence> all = new ArrayList<>();
        visit.forEach(i -> all.addAll(byInspection.getOrDefault(i.id(), List.of())));
        return all;
    }

    @MutationMapping
    public Evidence recordEvidence(@Argument EvidenceService.EvidenceInput input, @ContextValue Viewer viewer) {
        return evidenceService.record(input, viewer);
    }

    @QueryMapping
    public Notice inspectionNotice(@Argument String inspectionId) {
        // One notice of a joint inspection (PLAN-15): a participant's part shows the lead's.
        Inspection inspection = draws.inspections(List.of(inspectionId)).get(inspectionId);
        String visit = inspection != null && inspection.jointOf() != null ? inspection.jointOf() : inspectionId;
        return notices.ofInspections(List.of(visit)).get(visit);
    }

    @MutationMapping
    public Notice issueInspectionNotice(@Argument NoticeService.NoticeInput input, @ContextValue Viewer viewer) {
        return noticeService.issue(input, viewer);
    }

    @QueryMapping
    public JointVisitService.RegionPlan jointVisits(@Argument String regionCode, @Argument LocalDate from, @Argument LocalDate to) {
        return visits.region(regionCode, from, to);
    }

    /** The region's visits a page at a time (the whole list ran to thousands of visits, megabytes, in one response). */
    @SchemaMapping(typeName = "JointVisitPlan", field = "items")
    public Connection<JointVisits.Visit> jointVisitItems(JointVisitService.RegionPlan plan, @Argument Integer first, @Argument String after) {
        int size = pages.size(first);
        pages.checkCursor(after);
        return Connection.of(Page.after(plan.items(), JointVisitService::sortKey, after, size), after != null, plan.visits());
    }

    @QueryMapping
    public List<JointVisits.Visit> enterpriseJointVisits(@Argument String uscc) {
        return visits.ofEnterprise(Uscc.normalise(uscc));
    }

    @SchemaMapping(typeName = "JointVisit")
    public List<String> inspectionIds(JointVisits.Visit visit) {
        return visit.inspections().stream().map(VisitRepository.Candidate::inspectionId).toList();
    }

    /**
     * The members the caller may see: those assigned to inspections of departments that {@code Inspection.inspectors}'
     * rule lets the caller reach (the same rule, read from the schema), in team order. A joint visit merges several
     * departments' teams; each department's part stays as visible as it is on its own inspections.
     */
    @SchemaMapping(typeName = "JointVisit", field = "team")
    public List<String> jointVisitTeam(JointVisits.Visit visit, @ContextValue Viewer viewer) {
        AccessRule rule = policy.getObject().field("Inspection", "inspectors")
                .orElseThrow(() -> new IllegalStateException("Inspection.inspectors declares no @access rule"));
        java.util.LinkedHashSet<String> team = new java.util.LinkedHashSet<>();
        visit.departments().stream().filter(d -> rule.reaches(viewer, AccessRule.Owner.department(d.departmentId())))
                .forEach(d -> team.addAll(d.inspectors()));
        return List.copyOf(team);
    }

    @QueryMapping
    public List<Result> overdueRectifications(@Argument String departmentId, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return service.overdueRectifications(Set.copyOf(organisation.departmentAndSubordinates(departmentId)));
    }

    @MutationMapping
    public Result recordRectification(@Argument String id, @Argument LocalDate rectifiedOn, @Argument String note, @ContextValue Viewer viewer) {
        return service.rectified(id, rectifiedOn, note, viewer);
    }

    @MutationMapping
    public org.supervisionhub.graph.inspection.Results.Withholding withholdInspectionResult(@Argument String id, @Argument String reason,
                                                                                           @ContextValue Viewer viewer) {
        return service.withhold(id, reason, viewer);
    }

    @QueryMapping
    public List<PublishedResult> publishedInspectionResults(@Argument String uscc) {
        String code = Uscc.normalise(uscc);
        List<Result> published = results.publishedOf(List.of(code)).getOrDefault(code, List.of());
        Enterprise e = published.isEmpty() ? null : directory.enterprises(List.of(code)).get(code);
        Map<String, List<Objection>> reviews = published.isEmpty() ? Map.of() : objections.ofResults(Batches.keys(published, Result::id));
        // PLAN-15: results of one joint inspection (one visit) name it, each department's result its own.
        Map<String, Inspection> inspected = published.isEmpty() ? Map.of() : draws.inspections(Batches.keys(published, Result::inspectionId));
        Set<String> jointLeads = published.isEmpty() ? Set.of() : jointRepository.partsOf(Batches.keys(published, Result::inspectionId)).keySet();
        return published.stream().map(r -> new PublishedResult(r.uscc(), e == null ? null : e.name(), r.inspectingDepartment(), r.category(),
                r.endedOn(), r.publishedAt(), r.correctedAt(), reviews.getOrDefault(r.id(), List.of()).stream()
                .anyMatch(o -> o.status() == ObjectionStatus.UNDER_REVIEW), jointOf(inspected.get(r.inspectionId()), jointLeads))).toList();
    }

    private static String jointOf(Inspection inspection, Set<String> jointLeads) {
        if (inspection == null) {
            return null;
        }
        return inspection.jointOf() != null ? inspection.jointOf() : jointLeads.contains(inspection.id()) ? inspection.id() : null;
    }

    @MutationMapping
    public Result recordResultFeedback(@Argument String id, @Argument FeedbackChannel channel, @Argument LocalDate givenOn, @Argument String note,
                                       @ContextValue Viewer viewer) {
        return service.feedback(id, channel, givenOn, note, viewer);
    }

    @MutationMapping
    public Objection lodgeResultObjection(@Argument String resultId, @Argument String objector, @Argument String grounds,
                                          @Argument LocalDate receivedOn, @ContextValue Viewer viewer) {
        return objectionService.lodge(resultId, objector, grounds, receivedOn, viewer);
    }

    @MutationMapping
    public Objection openSuperiorReview(@Argument String resultId, @Argument String grounds, @ContextValue Viewer viewer) {
        return objectionService.superiorReview(resultId, grounds, viewer);
    }

    @MutationMapping
    public Objection decideResultObjection(@Argument String id, @Argument ObjectionService.Outcome outcome, @Argument String decision,
                                           @Argument List<ObjectionService.Correction> corrections, @ContextValue Viewer viewer) {
        return objectionService.decide(id, outcome, decision, corrections, viewer);
    }

    @QueryMapping
    public List<Objection> objectionsUnderReview(@Argument String departmentId, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return objections.underReview(organisation.departmentAndSubordinates(departmentId));
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, List<Objection>> objections(List<Result> list) {
        return Batches.grouped(list, Result::id, objections.ofResults(Batches.keys(list, Result::id)));
    }

    @QueryMapping
    public OverdueWork overdueWork(@Argument String departmentId, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return new OverdueWork(departmentId, Set.copyOf(organisation.departmentAndSubordinates(departmentId)));
    }

    // The overdue penalty decisions and loans are mapped by the follow-up and archive controllers, which depend on this one.
    @SchemaMapping(typeName = "OverdueWork")
    public List<Result> publications(OverdueWork work) {
        return service.overdue(work.departments());
    }

    @SchemaMapping(typeName = "OverdueWork")
    public List<Result> rectifications(OverdueWork work) {
        return service.overdueRectifications(work.departments());
    }

    @SchemaMapping(typeName = "OverdueWork")
    public List<OverdueTask> tasks(OverdueWork work) {
        return results.overdueTasks(work.departments(), service.today());
    }

    @MutationMapping
    public Result proposeInspectionResult(@Argument Proposal input, @ContextValue Viewer viewer) {
        return service.propose(input, viewer);
    }

    @MutationMapping
    public Result reviewInspectionResult(@Argument String id, @ContextValue Viewer viewer) {
        return service.review(id, viewer);
    }

    @MutationMapping
    public Result returnInspectionResult(@Argument String id, @Argument String reason, @ContextValue Viewer viewer) {
        return service.sendBack(id, reason, viewer);
    }

    @MutationMapping
    public Result approveInspectionResult(@Argument String id, @ContextValue Viewer viewer) {
        return service.approve(id, viewer);
    }

    @MutationMapping
    public Result publishInspectionResult(@Argument String id, @ContextValue Viewer viewer) {
        return service.publish(id, viewer);
    }

    @MutationMapping
    public Result amendInspectionResult(@Argument String id, @Argument AmendableField field, @Argument String value, @Argument String reason,
                                        @ContextValue Viewer viewer) {
        return service.amend(id, field, value, reason, viewer);
    }

    @MutationMapping
    public Trigger listFromInspectionResult(@Argument String id, @Argument TriggerType type, @Argument String legalBasis, @Argument String reason,
                                            @ContextValue Viewer viewer) {
        return service.list(id, type, legalBasis, reason, viewer);
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, List<Trigger>> listings(List<Result> list) {
        return Batches.grouped(list, Result::id, triggers.bySourceRef(Batches.keys(list, Result::id)));
    }

    @SchemaMapping(typeName = "InspectionResult")
    public boolean overdue(Result r) {
        return r.status() != ResultStatus.PUBLISHED && r.publishBy() != null && r.publishBy().isBefore(service.today());
    }

    /** PUB-11: who withheld the result from the public, when and why. */
    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, org.supervisionhub.graph.inspection.Results.Withholding> withholding(List<Result> list) {
        return Batches.byKey(list, Result::id, results.withholdings(Batches.keys(list, Result::id)));
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, Enterprise> enterprise(List<Result> list) {
        return Batches.byKey(list, Result::uscc, directory.enterprises(Batches.keys(list, Result::uscc)));
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, List<Amendment>> amendments(List<Result> list) {
        return Batches.grouped(list, Result::id, results.amendments(Batches.keys(list, Result::id)));
    }
}
