package org.supervisionhub.api.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.inspection.InspectionViews;
import org.supervisionhub.api.inspection.OverdueWork;
import org.supervisionhub.domain.followup.CaseOutcome;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.followup.FollowUps.NonCooperation;
import org.supervisionhub.graph.followup.FollowUps.PenaltyDecision;
import org.supervisionhub.graph.followup.FollowUps.Referral;
import org.supervisionhub.graph.inspection.Results.Result;

/** Cases, penalty decisions, referrals and non-cooperation, and the follow-up fields of a result. Thin: the service decides. */
@Controller
public class FollowUpController {

    /** What the public sees of a published penalty decision: no names of people. */
    public record PublishedPenaltyDecision(String uscc, String departmentId, String decisionNumber, LocalDate decidedOn, String content,
                                           OffsetDateTime publishedAt) {
    }

    private final FollowUpService service;
    private final InspectionViews views;

    public FollowUpController(FollowUpService service, InspectionViews views) {
        this.service = service;
        this.views = views;
    }

    @MutationMapping
    public EnforcementCase openCase(@Argument FollowUpService.CaseInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.openCase(input, viewer));
    }

    @MutationMapping
    public EnforcementCase closeCase(@Argument String id, @Argument LocalDate closedOn, @Argument CaseOutcome outcome, @Argument String note,
                                     @ContextValue Viewer viewer) {
        return service.closeCase(id, closedOn, outcome, note, viewer);
    }

    @MutationMapping
    public PenaltyDecision recordPenaltyDecision(@Argument FollowUpService.PenaltyInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.recordPenalty(input, viewer));
    }

    @MutationMapping
    public PenaltyDecision publishPenaltyDecision(@Argument String id, @ContextValue Viewer viewer) {
        return service.publishPenalty(id, viewer);
    }

    @MutationMapping
    public Referral referInspectionResult(@Argument FollowUpService.ReferralInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.refer(input, viewer));
    }

    @MutationMapping
    public NonCooperation recordNonCooperation(@Argument FollowUpService.NonCooperationInput input, @ContextValue Viewer viewer) {
        return InputPaths.under("input", () -> service.recordNonCooperation(input, viewer));
    }

    @QueryMapping
    public List<Referral> referralsReceived(@Argument String departmentId, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return service.referralsReceived(views.departmentTree(departmentId));
    }

    @QueryMapping
    public List<NonCooperation> inspectionNonCooperation(@Argument String inspectionId, @ContextValue Viewer viewer) {
        return service.nonCooperation(inspectionId, viewer);
    }

    @QueryMapping
    public List<PublishedPenaltyDecision> publishedPenaltyDecisions(@Argument String uscc) {
        return service.publishedPenalties(uscc).stream().map(d -> new PublishedPenaltyDecision(d.uscc(), d.departmentId(),
                d.decisionNumber(), d.decidedOn(), d.content(), d.publishedAt())).toList();
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, List<EnforcementCase>> cases(List<Result> list) {
        return Batches.grouped(list, Result::id, service.casesOf(Batches.keys(list, Result::id)));
    }

    @BatchMapping(typeName = "InspectionResult")
    public Map<Result, List<Referral>> referrals(List<Result> list) {
        return Batches.grouped(list, Result::id, service.referralsOf(Batches.keys(list, Result::id)));
    }

    @BatchMapping(typeName = "EnforcementCase")
    public Map<EnforcementCase, List<PenaltyDecision>> penaltyDecisions(List<EnforcementCase> list) {
        return Batches.grouped(list, EnforcementCase::id, service.penaltiesOf(Batches.keys(list, EnforcementCase::id)));
    }

    @SchemaMapping(typeName = "OverdueWork", field = "penaltyDecisions")
    public List<PenaltyDecision> overduePenaltyDecisions(OverdueWork work) {
        return service.overduePenalties(work.departments());
    }
}
