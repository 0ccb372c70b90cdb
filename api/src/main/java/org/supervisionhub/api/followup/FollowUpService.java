package org.supervisionhub.api.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.calendar.WorkingDayCalendar;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.inspection.InspectionTimelines;
import org.supervisionhub.api.inspection.Inspections;
import org.supervisionhub.domain.inspection.LifecycleDates;
import org.supervisionhub.api.inspection.Jurisdictions;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.followup.FollowUpRepository;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.domain.followup.Case;
import org.supervisionhub.domain.followup.CaseOutcome;
import org.supervisionhub.domain.followup.CaseId;
import org.supervisionhub.domain.followup.FollowUp;
import org.supervisionhub.domain.followup.Penalty;
import org.supervisionhub.domain.followup.PenaltyProcedure;
import org.supervisionhub.domain.followup.ReferralDestination;
import org.supervisionhub.domain.followup.Referrals;
import org.supervisionhub.domain.inspection.DepartmentId;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.followup.FollowUps.NonCooperation;
import org.supervisionhub.domain.followup.NonCooperationCircumstance;
import org.supervisionhub.graph.followup.FollowUps.PenaltyDecision;
import org.supervisionhub.graph.followup.FollowUps.Referral;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.inspection.EvidenceRepository.Evidence;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * What follows a result that found a problem, under "whoever has jurisdiction is responsible" (JUR-08, FOLLOW-03):
 * cases opened and closed, their penalty decisions and publication, referrals inside and outside the HR&SS system, and
 * serious non-cooperation recorded with its evidence.
 */
@Service
public class FollowUpService {

    static final String HRSS = "HR_SOCIAL_SECURITY";

    public record CaseInput(String resultId, String caseNumber, LocalDate openedOn, String summary) {
    }

    public record PenaltyInput(String caseId, String decisionNumber, LocalDate decidedOn, PenaltyProcedure procedure, String content) {
    }

    public record ReferralInput(String resultId, ReferralDestination destination, String recipientDepartmentId, String recipient, String reason,
                                Boolean suspectedCrime, LocalDate referredOn) {
    }

    public record NonCooperationInput(String inspectionId, List<NonCooperationCircumstance> circumstances, String description,
                                      LocalDate occurredOn, List<String> evidenceIds) {
    }

    private final FollowUpRepository followUps;
    private final ResultRepository results;
    private final Inspections inspections;
    private final EvidenceRepository evidence;
    private final OrganisationRepository organisation;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final InspectionTimelines timelines;

    public FollowUpService(FollowUpRepository followUps, ResultRepository results, Inspections inspections, EvidenceRepository evidence,
                           OrganisationRepository organisation, Jurisdictions jurisdictions, WorkingDayCalendar calendar,
                           InspectionTimelines timelines, Clock clock) {
        this.timelines = timelines;
        this.followUps = followUps;
        this.results = results;
        this.inspections = inspections;
        this.evidence = evidence;
        this.organisation = organisation;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * FOLLOW-06: a case on an approved result's suspected violation, opened by the inspecting department or by the one
     * it passed the lead to inside the system (FOLLOW-08, as a case source).
     */
    @Transactional
    public EnforcementCase openCase(CaseInput in, Viewer viewer) {
        Result r = approvedWithProblem(in.resultId(), "resultId", "FOLLOW-06");
        boolean receiving = viewer.departmentId() != null && followUps.referralsOfResults(List.of(r.id())).getOrDefault(r.id(), List.of())
                .stream().anyMatch(f -> viewer.departmentId().equals(f.recipientDepartment()));
        String department = receiving ? viewer.departmentId() : r.inspectingDepartment();
        Inspections.requireDepartment(viewer, department, "resultId", "FOLLOW-06: opened by the inspecting department "
                + r.inspectingDepartment() + " or one it referred the result to", Role.OFFICER, Role.LEADER);
        Checks checks = new Checks();
        checks.require("caseNumber", in.caseNumber());
        checks.require("summary", in.summary());
        checks.require("openedOn", in.openedOn());
        checks.addAll(LifecycleDates.followUp(timelines.of(r), "openedOn", in.openedOn(), "FOLLOW-06", now()));
        checks.check(in.caseNumber() == null || in.caseNumber().isBlank() || !followUps.caseNumberTaken(department, in.caseNumber().strip()),
                "caseNumber", ErrorCode.DUPLICATE, "caseNumber: " + department + " already has case " + in.caseNumber(), null);
        checks.throwIfAny();
        Case opened = Case.open(new CaseId("CASE-" + UUID.randomUUID()), new DepartmentId(department), in.openedOn());
        EnforcementCase c = new EnforcementCase(opened.id().value(), r.id(), r.uscc(), department, in.caseNumber().strip(), in.openedOn(),
                in.summary().strip(), opened.status(), null, null, null, viewer.actor(), now());
        followUps.create(c);
        return c;
    }

    /** FOLLOW-10: a case closes once, with a penalty (a decision recorded), none, or a transfer (a referral of its result made). */
    @Transactional
    public EnforcementCase closeCase(String id, LocalDate closedOn, CaseOutcome outcome, String note, Viewer viewer) {
        EnforcementCase c = lockedCase(id, "id");
        Inspections.requireDepartment(viewer, c.departmentId(), "id", "FOLLOW-06: closed by " + c.departmentId(), Role.OFFICER, Role.LEADER);
        Case open = c.lifecycle();
        throwIfAny(open.closable(), s -> s);
        Checks checks = new Checks();
        checks.require("outcome", outcome);
        checks.require("note", note);
        checks.require("closedOn", closedOn);
        List<PenaltyDecision> penalties = followUps.penaltiesOfCases(List.of(id)).getOrDefault(id, List.of());
        LocalDate lastPenalty = penalties.stream().map(PenaltyDecision::decidedOn).max(LocalDate::compareTo).orElse(null);
        checks.addAll(LifecycleDates.caseClosed(clock.getZone(), "closedOn", closedOn, c.openedOn(), lastPenalty, now()));
        // FOLLOW-10: the case decides whether the facts recorded bear out the outcome.
        boolean referred = !followUps.referralsOfResults(List.of(c.resultId())).getOrDefault(c.resultId(), List.of()).isEmpty();
        if (outcome != null) {
            checks.addAll(open.close(closedOn, outcome, !penalties.isEmpty(), referred).violations());
        }
        checks.throwIfAny();
        followUps.closeCase(c.status(), open.close(closedOn, outcome, !penalties.isEmpty(), referred).orElseThrow(DomainRefusals.asArguments()),
                note.strip());
        return lockedCase(id, "id");
    }

    /** A penalty decision in an open case; PUB-06: a general-procedure one gets its publication deadline where the jurisdiction sets one. */
    @Transactional
    public PenaltyDecision recordPenalty(PenaltyInput in, Viewer viewer) {
        EnforcementCase c = lockedCase(in.caseId(), "caseId");
        Inspections.requireDepartment(viewer, c.departmentId(), "caseId", "FOLLOW-10: decided in " + c.departmentId(), Role.OFFICER, Role.LEADER);
        throwIfAny(c.lifecycle().acceptsPenalty(), s -> s.equals("id") ? "caseId" : s);
        Checks checks = new Checks();
        checks.require("decisionNumber", in.decisionNumber());
        checks.require("procedure", in.procedure());
        checks.require("content", in.content());
        checks.require("decidedOn", in.decidedOn());
        checks.addAll(LifecycleDates.penalty(clock.getZone(), "decidedOn", in.decidedOn(), c.openedOn(), now()));
        checks.throwIfAny();
        int days = jurisdictions.of(c.departmentId()).penaltyDecisionWorkingDays();
        // PUB-06: stored with its inputs and basis (provisional where the holiday data does not cover a year it spans).
        WorkingDayCalendar.Deadline publishBy = Penalty.hasDeadline(in.procedure(), days) ? calendar.deadline(in.decidedOn(), days) : null;
        PenaltyDecision d = new PenaltyDecision("PEN-" + UUID.randomUUID(), c.id(), c.uscc(), c.departmentId(), in.decisionNumber().strip(),
                in.decidedOn(), in.procedure(), in.content().strip(), publishBy == null ? null : publishBy.due(), null, null, viewer.actor(),
                now(), publishBy == null ? null : publishBy.basis(), publishBy == null ? null : days);
        followUps.create(d);
        return d;
    }

    /** PUB-06, PUB-07: publishes a penalty decision, once. */
    @Transactional
    public PenaltyDecision publishPenalty(String id, Viewer viewer) {
        PenaltyDecision d = followUps.lockPenalty(id).orElseThrow(() -> new NotFoundException("id", "no penalty decision " + id));
        Inspections.requireDepartment(viewer, d.departmentId(), "id", "PUB-06: published by " + d.departmentId(), Role.OFFICER, Role.LEADER);
        OffsetDateTime now = now();
        d.lifecycle().publish(now).orElseThrow(DomainRefusals.asArguments());
        followUps.publishPenalty(id, viewer.actor(), now);
        return followUps.lockPenalty(id).orElseThrow();
    }

    /**
     * FOLLOW-07..09: passes a result's lead on: inside the HR&SS system to another department's enforcement body as a case
     * source, or to another regulator, a judicial organ or public security; a suspected crime only to the last two.
     */
    @Transactional
    public Referral refer(ReferralInput in, Viewer viewer) {
        Result r = approvedWithProblem(in.resultId(), "resultId", "FOLLOW-07");
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "resultId", "FOLLOW-07: referred by the inspecting department "
                + r.inspectingDepartment(), Role.OFFICER, Role.LEADER);
        Checks checks = new Checks();
        checks.require("destination", in.destination());
        checks.require("reason", in.reason());
        checks.require("referredOn", in.referredOn());
        checks.addAll(LifecycleDates.followUp(timelines.of(r), "referredOn", in.referredOn(), "FOLLOW-07", now()));
        boolean crime = Boolean.TRUE.equals(in.suspectedCrime());
        if (in.destination() == ReferralDestination.HRSS_INTERNAL) {
            checks.require("recipientDepartmentId", in.recipientDepartmentId());
        } else if (in.destination() != null) {
            checks.require("recipient", in.recipient());
        }
        // FOLLOW-07..09: where the lead may go is the domain's rule; whether the recipient is an HR&SS department of the hub, the graph's fact.
        String recipient = in.recipientDepartmentId() == null || in.recipientDepartmentId().isBlank() ? null : in.recipientDepartmentId();
        Department d = recipient == null ? null : organisation.department(recipient).orElse(null);
        checks.addAll(Referrals.violations(new DepartmentId(r.inspectingDepartment()), in.destination(), crime,
                DepartmentId.of(recipient), d != null && HRSS.equals(d.sector())));
        checks.throwIfAny();
        Referral f = new Referral("REF-" + UUID.randomUUID(), r.id(), r.uscc(), r.inspectingDepartment(), in.destination(),
                in.recipientDepartmentId(), in.recipient() == null || in.recipient().isBlank() ? null : in.recipient().strip(), in.reason().strip(),
                crime, in.referredOn(), viewer.actor(), now());
        followUps.create(f);
        return f;
    }

    /** NONCOOP-01..03: the inspecting department records serious non-cooperation during an active inspection, with the evidence kept of it. */
    @Transactional
    public NonCooperation recordNonCooperation(NonCooperationInput in, Viewer viewer) {
        Inspection inspection = inspections.actingOn(in.inspectionId(), "inspectionId", viewer, "NONCOOP-02", Role.INSPECTOR, Role.OFFICER);
        inspections.requireNotArchived(inspection.id(), "inspectionId");
        Checks checks = new Checks();
        checks.check(inspection.status() == InspectionStatus.ACTIVE, "inspectionId", ErrorCode.ILLEGAL_TRANSITION,
                "inspectionId: the inspection is " + inspection.status() + ", not active", null);
        InspectionId inspected = new InspectionId(inspection.id());
        // NONCOOP-01, then the inputs and dates, then NONCOOP-02: the evidence kept of it, of this inspection.
        checks.addAll(org.supervisionhub.domain.followup.NonCooperation.circumstancesNamed(in.circumstances()));
        checks.require("description", in.description());
        checks.require("occurredOn", in.occurredOn());
        checks.addAll(LifecycleDates.nonCooperation(timelines.of(inspection), "occurredOn", in.occurredOn(), now()));
        Set<String> ofInspection = Set.copyOf(evidence.ofInspections(List.of(inspection.id())).getOrDefault(inspection.id(), List.of()).stream()
                .map(Evidence::id).toList());
        checks.addAll(org.supervisionhub.domain.followup.NonCooperation.evidenceKept(inspected, in.evidenceIds(), ofInspection));
        checks.throwIfAny();
        org.supervisionhub.domain.followup.NonCooperation recorded = org.supervisionhub.domain.followup.NonCooperation.record(inspected,
                in.circumstances(), in.evidenceIds(), ofInspection).orElseThrow(DomainRefusals.asArguments());
        NonCooperation n = new NonCooperation("NONCOOP-" + UUID.randomUUID(), inspection.id(), inspection.uscc(), Inspections.inspecting(inspection),
                recorded.circumstances(), in.description().strip(), in.occurredOn(), recorded.evidenceIds(), viewer.actor(), now());
        followUps.create(n);
        return n;
    }

    /** NONCOOP-02: the non-cooperation recorded on an inspection, to those who may read the inspection. */
    public List<NonCooperation> nonCooperation(String inspectionId, Viewer viewer) {
        Inspection inspection = inspections.find(inspectionId);
        if (inspection == null || !Inspections.mayRead(viewer, Inspections.inspecting(inspection), inspection.drawnBy())) {
            return List.of();
        }
        return followUps.nonCooperationOf(List.of(inspectionId)).getOrDefault(inspectionId, List.of());
    }

    /** PUB-06: the enterprise's published penalty decisions, newest first. */
    public List<PenaltyDecision> publishedPenalties(String uscc) {
        return followUps.publishedPenalties(Uscc.normalise(uscc));
    }

    public Map<String, List<Referral>> referralsOf(List<String> resultIds) {
        return followUps.referralsOfResults(resultIds);
    }

    public Map<String, List<PenaltyDecision>> penaltiesOf(List<String> caseIds) {
        return followUps.penaltiesOfCases(caseIds);
    }

    /** Case sources and leads referred to the departments (FOLLOW-08). */
    public List<Referral> referralsReceived(Set<String> departments) {
        return followUps.referralsReceived(departments);
    }

    /** PUB-06: penalty decisions of the departments past their publication deadline. */
    public List<PenaltyDecision> overduePenalties(Set<String> departments) {
        return followUps.overduePenalties(departments, today());
    }

    public Map<String, List<EnforcementCase>> casesOf(List<String> resultIds) {
        return followUps.casesOfResults(resultIds);
    }

    private Result approvedWithProblem(String id, String field, String rule) {
        Result r = id == null ? null : results.lock(id).orElse(null);
        if (r == null) {
            throw new NotFoundException(field, "no result " + id);
        }
        // FOLLOW-03: the result decides whether anything follows it.
        throwIfAny(FollowUp.startsFrom(r.lifecycle(false), rule), s -> field);
        return r;
    }

    private static void throwIfAny(List<org.supervisionhub.domain.Violation> refusals, java.util.function.UnaryOperator<String> path) {
        if (!refusals.isEmpty()) {
            throw DomainRefusals.at(path).apply(refusals);
        }
    }

    private EnforcementCase lockedCase(String id, String field) {
        return followUps.lockCase(id).orElseThrow(() -> new NotFoundException(field, "no case " + id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
