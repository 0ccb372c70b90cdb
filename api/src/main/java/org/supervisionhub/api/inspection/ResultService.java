package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.calendar.WorkingDayCalendar;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.restriction.TriggerService;
import org.supervisionhub.api.restriction.TriggerService.ListingInput;
import org.supervisionhub.connectors.credit.ResultDelivery;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.inspection.Delegation;
import org.supervisionhub.domain.inspection.DepartmentId;
import org.supervisionhub.domain.inspection.InspectionResult;
import org.supervisionhub.domain.inspection.LifecycleDates;
import org.supervisionhub.domain.inspection.Overdue;
import org.supervisionhub.domain.inspection.ResultObjection;
import org.supervisionhub.domain.followup.NonCooperation;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultContent;
import org.supervisionhub.domain.inspection.ResultId;
import org.supervisionhub.domain.inspection.ResultStatus;
import org.supervisionhub.graph.followup.FollowUpRepository;
import org.supervisionhub.graph.inspection.ObjectionRepository;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.Amendment;
import org.supervisionhub.graph.inspection.Results.Feedback;
import org.supervisionhub.graph.inspection.Results.ProposedResult;
import org.supervisionhub.graph.inspection.Results.FeedbackChannel;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.graph.sync.OutboxRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inspection's result from the team's proposal to publication. The result guards its own state: it moves
 * PROPOSED → (REVIEWED, delegated only) → APPROVED → PUBLISHED, each step by the department and role the rules name;
 * once approved it changes only by amendments that record when, what, why and who.
 */
@Service
public class ResultService {

    /** PUB-03, PUB-04: working days to publish, from the inspection's end or the rectification deadline (the domain's rule). */
    static final int PUBLISH_WITHIN_WORKING_DAYS = Overdue.PUBLISH_WITHIN_WORKING_DAYS;
    static final Set<TriggerType> BLOCKS_NO_PROBLEM = Set.of(TriggerType.ABNORMAL_OPERATION_LIST, TriggerType.SERIOUS_VIOLATION_LIST);

    public record Proposal(String inspectionId, ResultCategory category, String facts, LocalDate endedOn, LocalDate rectificationDeadline,
                           Delegation delegation) {
    }

    public enum AmendableField { CATEGORY, FACTS, RECTIFICATION_DEADLINE }

    private final ResultRepository results;
    private final Inspections inspections;
    private final TriggerRepository triggers;
    private final TriggerService listings;
    private final WorkingDayCalendar calendar;
    private final FollowUpRepository followUps;
    private final ObjectionRepository objections;
    private final Jurisdictions jurisdictions;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final InspectionTimelines timelines;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ResultService(ResultRepository results, Inspections inspections, TriggerRepository triggers, TriggerService listings,
                         WorkingDayCalendar calendar, FollowUpRepository followUps, ObjectionRepository objections,
                         Jurisdictions jurisdictions, OutboxRepository outbox, InspectionTimelines timelines, Clock clock) {
        this.timelines = timelines;
        this.outbox = outbox;
        this.followUps = followUps;
        this.objections = objections;
        this.jurisdictions = jurisdictions;
        this.results = results;
        this.inspections = inspections;
        this.triggers = triggers;
        this.listings = listings;
        this.calendar = calendar;
        this.clock = clock;
    }

    public static String idOf(String inspectionId) {
        return "RES-" + inspectionId;
    }

    /**
     * APPR-01 "whoever inspects submits": the inspecting department's inspectors or officers propose (or propose again before
     * approval). Refusals name the fields of {@code in}.
     */
    @Transactional
    public Result propose(Proposal in, Viewer viewer) {
        Inspection inspection = inspections.actingOn(in.inspectionId(), "inspectionId", viewer, "APPR-01", Role.INSPECTOR, Role.OFFICER);
        String inspecting = Inspections.inspecting(inspection);
        Checks checks = new Checks();
        checks.check(inspection.status() == InspectionStatus.ACTIVE, "inspectionId", ErrorCode.ILLEGAL_TRANSITION,
                "inspectionId: the inspection is " + inspection.status() + ", not active", null);
        String id = idOf(inspection.id());
        Result existing = results.lock(id).orElse(null);
        ResultContent content = new ResultContent(in.category(), in.facts(), in.endedOn(), in.rectificationDeadline());
        // The result decides (APPR-02, APPR-04, RESULT-01, FOLLOW-01, PUB-04); its subjects are the input's fields.
        Outcome<InspectionResult> proposal = existing == null
                ? InspectionResult.propose(new ResultId(id), new DepartmentId(inspecting), DepartmentId.of(inspection.drawnBy()), in.delegation(), content)
                : existing.lifecycle(false).proposeAgain(content);
        DomainRefusals.violations(proposal.violations(), s -> s.equals("id") ? "inspectionId" : s).forEach(checks::add);
        // In the window, after the draw, the notified visit and the record's start, not in the future (LifecycleDates).
        checks.addAll(LifecycleDates.result(timelines.of(inspection), "", in.endedOn(), in.rectificationDeadline(), now()));
        // NONCOOP-02: a result names serious non-cooperation only once it is recorded.
        boolean recorded = in.category() == ResultCategory.SERIOUS_NON_COOPERATION
                && !followUps.nonCooperationOf(List.of(inspection.id())).getOrDefault(inspection.id(), List.of()).isEmpty();
        checks.addAll(NonCooperation.namedByResult(in.category(), recorded));
        checks.throwIfAny();
        InspectionResult proposed = proposal.orElseThrow(DomainRefusals.asArguments());
        OffsetDateTime now = now();
        ResultContent c = proposed.content();
        if (existing == null) {
            results.create(new ProposedResult(id, inspection.id(), inspection.uscc(), inspecting, inspection.drawnBy(), proposed.delegation(), c,
                    viewer.actor(), now));
        } else {
            results.repropose(id, existing.status(), c.category(), c.facts(), c.endedOn(), c.rectificationDeadline(), viewer.actor(), now);
        }
        return reload(id);
    }

    /**
     * Sends a result back to the team (to propose again) instead of reviewing or approving it: by the leader whose step
     * it awaits, with the reason recorded.
     */
    @Transactional
    public Result sendBack(String id, String reason, Viewer viewer) {
        Result r = locked(id);
        InspectionResult result = r.lifecycle(false);
        result.sendBack().orElseThrow(DomainRefusals.asArguments());
        String deciding = result.decidingDepartment().value();
        Inspections.requireDepartment(viewer, deciding, "id", "APPR-01..03: returned by a leader of " + deciding + ", whose step it awaits", Role.LEADER);
        Checks checks = new Checks();
        checks.require("reason", reason);
        checks.throwIfAny();
        results.sendBack(id, r.status(), reason.strip(), viewer.actor(), now());
        return reload(id);
    }

    /** APPR-02: a delegated result is first reviewed by the inspecting (lower) department's leader. */
    @Transactional
    public Result review(String id, Viewer viewer) {
        Result r = locked(id);
        r.lifecycle(false).review().orElseThrow(DomainRefusals.asArguments());
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "id", "APPR-02: reviewed by a leader of " + r.inspectingDepartment(), Role.LEADER);
        results.review(id, r.status(), viewer.actor(), now());
        return reload(id);
    }

    /**
     * APPR-01..03: approved by the leader of the inspecting department, or of the drawing one for a delegated result
     * after its review; an authorised result is filed with the drawing department. Sets the publication deadline.
     */
    @Transactional
    public Result approve(String id, Viewer viewer) {
        Result r = locked(id);
        InspectionResult result = r.lifecycle(false);
        result.approve().orElseThrow(DomainRefusals.asArguments());
        String approving = result.approvingDepartment().value();
        Inspections.requireDepartment(viewer, approving, "id", (r.delegation() == Delegation.DELEGATED ? "APPR-02" : "APPR-01")
                + ": approved by a leader of " + approving, Role.LEADER);
        throwIfAny(LifecycleDates.approval(timelines.of(r), "id", now()));
        // PUB-03, PUB-04: stored with its inputs and basis (provisional where the holiday data does not cover a year it spans).
        LocalDate from = result.content().publishFrom();
        WorkingDayCalendar.Deadline publishBy = calendar.deadline(from, PUBLISH_WITHIN_WORKING_DAYS);
        results.approve(id, r.status(), viewer.actor(), now(), approving, result.filedWith() == null ? null : result.filedWith().value(),
                publishBy.due(), publishBy.basis(), from, PUBLISH_WITHIN_WORKING_DAYS);
        return reload(id);
    }

    /**
     * PUB-01 "whoever inspects enters the result", only once approved (APPR-04); a "no problem found" result is not
     * published while the enterprise is on the abnormal-operation or serious-violation list (FOLLOW-04, FOLLOW-05).
     */
    @Transactional
    public Result publish(String id, Viewer viewer) {
        Result r = locked(id);
        InspectionResult result = r.lifecycle(false);
        result.publish(null).orElseThrow(DomainRefusals.asArguments());
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "id", "PUB-01: published by the inspecting department " + r.inspectingDepartment(),
                Role.OFFICER, Role.LEADER);
        OffsetDateTime now = now();
        throwIfAny(LifecycleDates.publication(timelines.of(r), "id", now));
        // FOLLOW-04, FOLLOW-05: the listing that would block a NO_PROBLEM_FOUND publication; the result decides.
        String blocking = triggers.ofEnterprises(List.of(r.uscc()), "CREDIT_LISTING", now).getOrDefault(r.uscc(), List.of()).stream()
                .filter(t -> BLOCKS_NO_PROBLEM.contains(t.type())).findFirst().map(t -> t.type() + " (" + t.id() + ")").orElse(null);
        result.publish(blocking).orElseThrow(DomainRefusals.asArguments());
        results.publish(id, r.status(), viewer.actor(), now, publicUntil(r, now));
        Result published = reload(id);
        announce(published);
        return published;
    }

    /**
     * PUB-11: a matter that laws and regulations make unsuitable for disclosure is not published. A leader of the inspecting
     * department withholds a published result from the public, naming the legal ground; who and when are recorded and the
     * public lists (the site, its open data, publishedInspectionResults) no longer show it.
     */
    @Transactional
    public org.supervisionhub.graph.inspection.Results.Withholding withhold(String id, String reason, Viewer viewer) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", ErrorCode.INVALID_VALUE, "reason: the legal ground for withholding is required", "PUB-11");
        }
        Result r = locked(id);
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "id", "PUB-11: withheld by a leader of the inspecting department "
                + r.inspectingDepartment(), Role.LEADER);
        InspectionResult withheld = r.lifecycle(results.withholdings(List.of(id)).containsKey(id)).withhold().orElseThrow(DomainRefusals.asArguments());
        results.withhold(r.status(), withheld, reason.strip(), viewer.actor(), viewer.departmentId(), now());
        return results.withholdings(List.of(id)).get(id);
    }

    /** ARCH-05: an approved result changes only by an amendment, made by a leader of the approving department. */
    @Transactional
    public Result amend(String id, AmendableField field, String value, String reason, Viewer viewer) {
        Result r = locked(id);
        Inspections.requireDepartment(viewer, r.approvingDepartment(), "id", "ARCH-05: amended by a leader of the approving department "
                + r.approvingDepartment(), Role.LEADER);
        inspections.requireNotArchived(r.inspectionId(), "id");
        applyAmendment(r, field, value, reason, viewer.actor(), viewer.actor(), "");
        return reload(id);
    }

    /**
     * Validates and records one amendment of an approved result ({@code prefix} names the input in errors), handled and
     * approved by the given people (ARCH-05), and applies what follows from it. The caller has locked the result and checked who acts.
     */
    void applyAmendment(Result r, AmendableField field, String value, String reason, String handler, String approver, String prefix) {
        InspectionResult result = r.lifecycle(false);
        // ARCH-05 before the inputs: only an approved result is amended.
        if (!result.amendable().isEmpty()) {
            throw DomainRefusals.asArguments().apply(result.amendable());
        }
        Checks checks = new Checks();
        checks.require(prefix + "field", field);
        checks.require("reason", reason);
        if (field != AmendableField.RECTIFICATION_DEADLINE) {
            checks.require(prefix + "value", value);
        }
        checks.throwIfAny();
        ResultContent now = result.content();
        String before;
        String after = value == null ? null : value.strip();
        ResultContent next;
        Outcome<InspectionResult> amended = null;
        switch (field) {
            case CATEGORY -> {
                before = now.category().name();
                ResultCategory category = parse(checks, value, prefix + "value");
                next = category == null ? null : new ResultContent(category, now.facts(), now.endedOn(), now.rectificationDeadline());
            }
            case FACTS -> {
                before = now.facts();
                next = new ResultContent(now.category(), after, now.endedOn(), now.rectificationDeadline());
            }
            default -> {
                before = now.rectificationDeadline() == null ? null : now.rectificationDeadline().toString();
                LocalDate deadline = date(checks, value, prefix + "value");
                next = checks.ok() ? new ResultContent(now.category(), now.facts(), now.endedOn(), deadline) : null;
            }
        }
        if (next != null) {
            // ARCH-05: the amended content must itself be valid (RESULT-01, FOLLOW-01, PUB-04) and differ from the current one.
            amended = result.amend(next);
            DomainRefusals.violations(amended.violations(), s -> s.equals("value") ? prefix + "value"
                    : s.equals("facts") ? prefix + "value" : s).forEach(checks::add);
            checks.addAll(LifecycleDates.rectificationDeadline(null, "", next.endedOn(), next.rectificationDeadline()));
        }
        checks.throwIfAny();
        next = amended.orElseThrow(DomainRefusals.asArguments()).content();
        Map<String, Object> changes = new HashMap<>();
        switch (field) {
            case CATEGORY -> changes.put("category", next.category().name());
            case FACTS -> changes.put("facts", next.facts());
            default -> {
                changes.put("rectificationDeadline", next.rectificationDeadline());
                // PUB-04: the deadline to publish follows the rectification deadline, until published.
                if (r.status() == ResultStatus.APPROVED) {
                    LocalDate from = next.publishFrom();
                    WorkingDayCalendar.Deadline publishBy = calendar.deadline(from, PUBLISH_WITHIN_WORKING_DAYS);
                    changes.put("publishBy", publishBy.due());
                    changes.put("publishByBasis", publishBy.basis().name());
                    changes.put("publishByFrom", from);
                    changes.put("publishByWorkingDays", PUBLISH_WITHIN_WORKING_DAYS);
                }
            }
        }
        results.amend(r.status(), new Amendment(r.id(), r.amendments() + 1, now(), field.name(), before, after, reason.strip(), handler, approver),
                changes);
    }

    /**
     * PUB-09 "who inspects gives the feedback", once, in writing or in person; where the result is published first
     * (PUB-08, TJ), only after its public period, and not while an objection to it is under review (OBJ-01).
     */
    @Transactional
    public Result feedback(String id, FeedbackChannel channel, LocalDate givenOn, String note, Viewer viewer) {
        Result r = locked(id);
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "id", "PUB-09: fed back by the inspecting department "
                + r.inspectingDepartment(), Role.INSPECTOR, Role.OFFICER, Role.LEADER);
        // ONSITE-02, ASSIGN-03, ASSIGN-04: an inspector gives it only as a member of the current team.
        inspections.requireTeam(r.inspectionId(), "id", viewer, "PUB-09", Role.INSPECTOR, Role.OFFICER, Role.LEADER);
        InspectionResult result = r.lifecycle(false);
        // PUB-09 first: approved, not yet fed back; then the inputs and dates; then PUB-08 and OBJ-01 where it publishes first.
        InspectionResult fed = result.giveFeedback(givenOn, false, null, false).orElseThrow(DomainRefusals.asArguments());
        Checks checks = new Checks();
        checks.require("channel", channel);
        checks.require("givenOn", givenOn);
        checks.addAll(LifecycleDates.feedback(timelines.of(r), "givenOn", givenOn, now()));
        checks.throwIfAny();
        if (jurisdictions.of(r.inspectingDepartment()).publishBeforeFeedback()) {
            boolean underReview = ResultObjection.anyUnderReview(objections.ofResults(List.of(id)).getOrDefault(id, List.of()).stream()
                    .map(Objection::lifecycle).toList());
            fed = result.giveFeedback(givenOn, true, r.publicUntil(), underReview).orElseThrow(DomainRefusals.asArguments());
        }
        results.feedback(r.status(), fed, new Feedback(channel, givenOn, note == null || note.isBlank() ? null : note.strip(), viewer.actor(), now()));
        return reload(id);
    }

    /** PUB-08: the last day of the public period of a publication made at {@code at}, where the jurisdiction has one. */
    LocalDate publicUntil(Result r, OffsetDateTime at) {
        int days = jurisdictions.of(r.inspectingDepartment()).publicPeriodDays();
        return days == 0 ? null : day(at).plusDays(days);
    }

    /** The regulators' calendar day of an instant. */
    LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    /** ARCH-05: an approved archive amendment's correction of the result, recorded with its handler and approver. */
    public void applyArchivedAmendment(Result r, AmendableField field, String value, String reason, String handler, String approver) {
        applyAmendment(r, field, value, reason, handler, approver, "result.");
    }

    void requireNotArchivedFor(Result r) {
        inspections.requireNotArchived(r.inspectionId(), "id");
    }

    /** PUB-12: publishes the corrected result again (the result decides it is published); a new public period runs where the jurisdiction has one. */
    void republish(Result r) {
        InspectionResult again = r.lifecycle(false).republish().orElseThrow(DomainRefusals.asArguments());
        OffsetDateTime now = now();
        results.republish(r.status(), again, now, publicUntil(r, now));
        announce(reload(r.id()));
    }

    /**
     * PUB-02: a publication goes to the credit platform through the outbox, written in the publication's transaction;
     * each publication (the first, and each corrected one) has its own idempotency key.
     */
    private void announce(Result r) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("resultId", r.id());
        payload.put("uscc", r.uscc());
        payload.put("inspectingDepartment", r.inspectingDepartment());
        payload.put("category", r.category().name());
        payload.put("endedOn", r.endedOn().toString());
        payload.put("publishedAt", r.publishedAt().toString());
        if (r.correctedAt() != null) {
            payload.put("correctedAt", r.correctedAt().toString());
        }
        String key = r.id() + (r.correctedAt() == null ? ":published" : ":corrected:" + r.correctedAt().toInstant());
        outbox.enqueue("OUT-" + java.util.UUID.randomUUID(), ResultDelivery.DESTINATION, "INSPECTION_RESULT", key, JSON.writeValueAsString(payload),
                now());
    }

    /**
     * FOLLOW-04, FOLLOW-05: an enterprise an approved result found abnormal, or in serious violation, is listed by the
     * inspecting department, in the form restriction checks consume; the listing names the result as its source.
     */
    @Transactional
    public Trigger list(String id, TriggerType type, String legalBasis, String reason, Viewer viewer) {
        Result r = locked(id);
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "id", "FOLLOW-04: listed by the inspecting department " + r.inspectingDepartment(),
                Role.OFFICER, Role.LEADER);
        Checks checks = new Checks();
        // APPR-04, FOLLOW-04: the result decides whether it can lead to a listing.
        checks.addAll(r.lifecycle(false).listable());
        checks.check(BLOCKS_NO_PROBLEM.contains(type), "type", ErrorCode.INVALID_VALUE,
                "type: a result leads to the ABNORMAL_OPERATION_LIST or the SERIOUS_VIOLATION_LIST", "FOLLOW-04");
        checks.require("legalBasis", legalBasis);
        checks.require("reason", reason);
        checks.throwIfAny();
        return listings.recordListing(new ListingInput(r.uscc(), type, r.inspectingDepartment(), legalBasis, reason, null, null,
                SourceSystem.HUB, r.id()), viewer.actor());
    }

    /**
     * FOLLOW-01, FOLLOW-02: records that an ordered correction was made (once; by the inspecting department), which
     * takes the result off the overdue corrections; an uncorrected one past its deadline is dealt with under the law.
     */
    @Transactional
    public Result rectified(String id, LocalDate rectifiedOn, String note, Viewer viewer) {
        Result r = locked(id);
        // FOLLOW-01 first: an approved result that ordered a correction, none recorded; then the inputs.
        InspectionResult rectified = r.lifecycle(false).recordRectification(rectifiedOn).orElseThrow(DomainRefusals.asArguments());
        Inspections.requireDepartment(viewer, r.inspectingDepartment(), "id", "FOLLOW-01: recorded by the inspecting department "
                + r.inspectingDepartment(), Role.OFFICER, Role.LEADER);
        Checks checks = new Checks();
        checks.require("rectifiedOn", rectifiedOn);
        checks.addAll(LifecycleDates.rectified(timelines.of(r), "rectifiedOn", rectifiedOn, now()));
        checks.require("note", note);
        checks.throwIfAny();
        results.rectified(r.status(), rectified, note.strip(), viewer.actor(), now());
        return reload(id);
    }

    /** Ordered corrections of the given departments past their deadline with none recorded (FOLLOW-02). */
    public List<Result> overdueRectifications(Set<String> departments) {
        return results.overdueRectifications(departments, today());
    }

    /** Results not published by their deadline, of the given departments. */
    public List<Result> overdue(Set<String> departments) {
        return results.overdue(departments, today());
    }

    /** The regulators' calendar day. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static ResultCategory parse(Checks checks, String value, String field) {
        try {
            return value == null ? null : ResultCategory.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            checks.check(false, field, ErrorCode.INVALID_VALUE, field + ": one of the eight result categories " + List.of(ResultCategory.values()), "RESULT-01");
            return null;
        }
    }

    private static LocalDate date(Checks checks, String value, String field) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            checks.check(false, field, ErrorCode.INVALID_VALUE, field + ": a date (2026-03-31)", null);
            return null;
        }
    }

    Result locked(String id) {
        return results.lock(id).orElseThrow(() -> new NotFoundException("id", "no result " + id));
    }

    Result reload(String id) {
        return results.byId(List.of(id)).get(id);
    }

    /** Refuses with every violation the domain found (a date check of LifecycleDates, a transition), each at its subject as the path. */
    static void throwIfAny(List<org.supervisionhub.domain.Violation> violations) {
        if (!violations.isEmpty()) {
            throw DomainRefusals.asArguments().apply(violations);
        }
    }

    /** What is known of the dates of a result's inspection. */
    LifecycleDates.Timeline timeline(Result r) {
        return timelines.of(r);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
