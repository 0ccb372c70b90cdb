package org.supervisionhub.api.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessPolicy;
import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.inspection.InspectionViews.PublishedResult;
import org.supervisionhub.api.inspection.ResultService.AmendableField;
import org.supervisionhub.api.inspection.ResultService.Proposal;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.inspection.EvidenceRepository.Evidence;
import org.supervisionhub.graph.inspection.NoticeRepository.Notice;
import org.supervisionhub.graph.inspection.RecordRepository.InspectionRecord;
import org.supervisionhub.graph.inspection.Results.Amendment;
import org.supervisionhub.graph.inspection.Results.FeedbackChannel;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.graph.inspection.Results.OverdueTask;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.inspection.Results.Withholding;
import org.supervisionhub.graph.inspection.VisitRepository;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.store.Page;

/**
 * Inspection notices, on-site records, evidence, results (proposal, approval chain, publication, amendments, the overdue list, the public view) and
 * joint visits. Thin: it calls services only; the write services and the domain decide, {@link InspectionViews} reads.
 */
@Controller
public class InspectionController {

    private final ResultService service;
    private final InspectionViews views;
    private final JointVisitService visits;
    private final NoticeService noticeService;
    private final EvidenceService evidenceService;
    private final RecordService recordService;
    private final ObjectionService objectionService;
    private final PageRequests pages;
    private final ObjectProvider<AccessPolicy> policy;

    public InspectionController(ResultService service, InspectionViews views, JointVisitService visits, NoticeService noticeService,
                                EvidenceService evidenceService, RecordService recordService, ObjectionService objectionService,
                                PageRequests pages, ObjectProvider<AccessPolicy> policy) {
        this.service = service;
        this.views = views;
        this.visits = visits;
        this.noticeService = noticeService;
        this.evidenceService = evidenceService;
        this.recordService = recordService;
        this.objectionService = objectionService;
        this.pages = pages;
        this.policy = policy;
    }

    @QueryMapping
    public Result inspectionResult(@Argument String inspectionId, @ContextValue Viewer viewer) {
        return views.result(inspectionId, viewer);
    }

    @QueryMapping
    public List<Result> overdueInspectionResults(@Argument String departmentId, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return service.overdue(views.departmentTree(departmentId));
    }

    @QueryMapping
    public InspectionRecord inspectionRecord(@Argument String inspectionId, @ContextValue Viewer viewer) {
        return views.record(inspectionId, viewer);
    }

    @MutationMapping
    public InspectionRecord recordInspection(@Argument RecordService.RecordInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> recordService.record(input, viewer));
    }

    @QueryMapping
    public List<Evidence> inspectionEvidence(@Argument String inspectionId, @ContextValue Viewer viewer) {
        return views.evidence(inspectionId, viewer);
    }

    @MutationMapping
    public Evidence recordEvidence(@Argument EvidenceService.EvidenceInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> evidenceService.record(input, viewer));
    }

    @QueryMapping
    public Notice inspectionNotice(@Argument String inspectionId) {
        return views.notice(inspectionId);
    }

    @MutationMapping
    public Notice issueInspectionNotice(@Argument NoticeService.NoticeInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> noticeService.issue(input, viewer));
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
        return service.overdueRectifications(views.departmentTree(departmentId));
    }

    @MutationMapping
    public Result recordRectification(@Argument String id, @Argument LocalDate rectifiedOn, @Argument String note, @ContextValue Viewer viewer) {
        return service.rectified(id, rectifiedOn, note, viewer);
    }

    @MutationMapping
    public Withholding withholdInspectionResult(@Argument String id, @Argument String reason,
                                                                                           @ContextValue Viewer viewer) {
        return service.withhold(id, reason, viewer);
    }

    @QueryMapping
    public List<PublishedResult> publishedInspectionResults(@Argument String uscc) {
        return views.published(uscc);
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
        return views.objectionsUnderReview(views.departmentTree(departmentId));
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, List<Objection>> objections(List<Result> list) {
        return Batches.grouped(list, Result::id, views.objections(Batches.keys(list, Result::id)));
    }

    @QueryMapping
    public OverdueWork overdueWork(@Argument String departmentId, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return new OverdueWork(departmentId, views.departmentTree(departmentId));
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
        return views.overdueTasks(work.departments());
    }

    @MutationMapping
    public Result proposeInspectionResult(@Argument Proposal input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.propose(input, viewer));
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
        return Batches.grouped(list, Result::id, views.listings(Batches.keys(list, Result::id)));
    }

    @SchemaMapping(typeName = "InspectionResult")
    public boolean overdue(Result r) {
        return views.overdue(r);
    }

    /** PUB-11: who withheld the result from the public, when and why. */
    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, Withholding> withholding(List<Result> list) {
        return Batches.byKey(list, Result::id, views.withholdings(Batches.keys(list, Result::id)));
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, Enterprise> enterprise(List<Result> list) {
        return Batches.byKey(list, Result::uscc, views.enterprises(Batches.keys(list, Result::uscc)));
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, List<Amendment>> amendments(List<Result> list) {
        return Batches.grouped(list, Result::id, views.amendments(Batches.keys(list, Result::id)));
    }
}
