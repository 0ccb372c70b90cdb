package org.supervisionhub.domain.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * One inspection's result, from the team's proposal to publication, guarding its own transitions: PROPOSED →
 * (REVIEWED, delegated only) → APPROVED → PUBLISHED, or RETURNED to the team to propose again; once approved it changes
 * only by amendment (APPR-04, ARCH-05). Each operation returns the result's next state or the violations that refuse it.
 * Who may act (a leader of which department) is answered here ({@link #approvingDepartment()}, ...) and enforced by
 * the access layer; dates against the rest of the inspection's lifecycle are checked by the lifecycle's date rules.
 *
 * <p>Violations name the subject {@code id} (the result as a whole) or a content field (see {@link ResultContent}).
 */
public record InspectionResult(ResultId id, DepartmentId inspecting, DepartmentId drawing, Delegation delegation, ResultContent content,
                               ResultStatus status, boolean withheld, boolean fedBack, LocalDate rectifiedOn) {

    public InspectionResult {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(inspecting, "inspecting");
        java.util.Objects.requireNonNull(status, "status");
    }

    /**
     * APPR-02: the delegation of a result the {@code inspecting} department proposes on an inspection {@code drawing} drew:
     * NONE when they are the same; otherwise DELEGATED or AUTHORISED, which the proposer must say ({@code requested}).
     */
    public static Outcome<Delegation> delegationFor(DepartmentId inspecting, DepartmentId drawing, Delegation requested) {
        boolean same = inspecting.equals(drawing);
        if (requested == null) {
            return same ? Outcome.done(Delegation.NONE) : Outcome.refused(new Violation(Kind.REQUIRED, "delegation",
                    inspecting + " inspects for " + drawing + ": DELEGATED or AUTHORISED", "APPR-02"));
        }
        if ((requested == Delegation.NONE) != same) {
            return Outcome.refused(new Violation(Kind.INVALID_VALUE, "delegation", same ? "the drawing department inspects itself: NONE"
                    : "another department inspects: DELEGATED or AUTHORISED", "APPR-02"));
        }
        return Outcome.done(requested);
    }

    /** APPR-01: the team proposes a result; its content must be complete (RESULT-01, FOLLOW-01, PUB-04). */
    public static Outcome<InspectionResult> propose(ResultId id, DepartmentId inspecting, DepartmentId drawing, Delegation requested,
                                                    ResultContent content) {
        Outcome<Delegation> delegation = delegationFor(inspecting, drawing, requested);
        List<Violation> all = new ArrayList<>(delegation.violations());
        all.addAll(content.violations());
        if (!(delegation instanceof Outcome.Done<Delegation> d) || !all.isEmpty()) {
            return new Outcome.Refused<>(all);
        }
        return Outcome.done(new InspectionResult(id, inspecting, drawing, d.value(), content, ResultStatus.PROPOSED, false, false, null));
    }

    /** APPR-04: proposed again (after a return, or before any decision) with new content; never once approved. */
    public Outcome<InspectionResult> proposeAgain(ResultContent next) {
        if (status.approved()) {
            return Outcome.refused(new Violation(Kind.IMMUTABLE, "id", "the result is approved: correct it with amendInspectionResult", "APPR-04"));
        }
        if (!next.violations().isEmpty()) {
            return new Outcome.Refused<>(next.violations());
        }
        return Outcome.done(with(next, ResultStatus.PROPOSED));
    }

    /** APPR-01: the department whose leader decides the step the result awaits (and may send it back). */
    public DepartmentId decidingDepartment() {
        return status == ResultStatus.REVIEWED ? drawing : inspecting;
    }

    /** APPR-01..03: back to the team, from a leader whose step it awaits. */
    public Outcome<InspectionResult> sendBack() {
        if (status != ResultStatus.PROPOSED && status != ResultStatus.REVIEWED) {
            return illegal("the result is " + status + ": only a result awaiting review or approval is returned", "APPR-01");
        }
        return Outcome.done(with(content, ResultStatus.RETURNED));
    }

    /** APPR-02: a delegated result is first reviewed by the inspecting (lower) department's leader. */
    public Outcome<InspectionResult> review() {
        if (delegation != Delegation.DELEGATED) {
            return illegal("only a DELEGATED result is reviewed before approval", "APPR-02");
        }
        if (status != ResultStatus.PROPOSED) {
            return illegal("the result is " + status + ", not PROPOSED", "APPR-02");
        }
        return Outcome.done(with(content, ResultStatus.REVIEWED));
    }

    /** APPR-01..03: the department whose leader approves: the drawing one for a delegated result, otherwise the inspecting one. */
    public DepartmentId approvingDepartment() {
        return delegation == Delegation.DELEGATED ? drawing : inspecting;
    }

    /** APPR-03: an authorised result is filed with the drawing department; otherwise none. */
    public DepartmentId filedWith() {
        return delegation == Delegation.AUTHORISED ? drawing : null;
    }

    /** APPR-01, APPR-02: approved when proposed, or (delegated) once reviewed. */
    public Outcome<InspectionResult> approve() {
        boolean delegated = delegation == Delegation.DELEGATED;
        ResultStatus ready = delegated ? ResultStatus.REVIEWED : ResultStatus.PROPOSED;
        if (status != ready) {
            return illegal("the result is " + status + "; it is approved when " + ready, delegated ? "APPR-02" : "APPR-01");
        }
        return Outcome.done(with(content, ResultStatus.APPROVED));
    }

    /**
     * APPR-04: only an approved result is published. FOLLOW-04, FOLLOW-05: a NO_PROBLEM_FOUND result is not published while
     * the enterprise is on the abnormal-operation or serious-violation list ({@code blockingListing}: that listing, or null).
     */
    public Outcome<InspectionResult> publish(String blockingListing) {
        if (status != ResultStatus.APPROVED) {
            return illegal("the result is " + status + ": only an approved result is published", "APPR-04");
        }
        if (blockingListing != null && content.category() == ResultCategory.NO_PROBLEM_FOUND) {
            return Outcome.refused(new Violation(Kind.CONFLICT, "id", "the enterprise is on the " + blockingListing
                    + ": a NO_PROBLEM_FOUND result cannot be published while it is listed", "FOLLOW-04"));
        }
        return Outcome.done(with(content, ResultStatus.PUBLISHED));
    }

    /** PUB-11: a published result is withheld from the public, once. */
    public Outcome<InspectionResult> withhold() {
        if (status != ResultStatus.PUBLISHED) {
            return illegal("the result is " + status + ": only a published result is withheld", "PUB-11");
        }
        if (withheld) {
            return Outcome.refused(new Violation(Kind.CONFLICT, "id", "the result is already withheld", "PUB-11"));
        }
        return Outcome.done(new InspectionResult(id, inspecting, drawing, delegation, content, status, true, fedBack, rectifiedOn));
    }

    /**
     * PUB-12: a published result found inaccurate is corrected (by amendments, ARCH-05) and published again, its public
     * period starting anew; only a published result is published again.
     */
    public Outcome<InspectionResult> republish() {
        if (status != ResultStatus.PUBLISHED) {
            return illegal("the result is " + status + ": only a published result is published again, corrected", "PUB-12");
        }
        return Outcome.done(this);
    }

    /** ARCH-05: only an approved result is amended (before approval it is proposed again). */
    public List<Violation> amendable() {
        return status.approved() ? List.of()
                : List.of(Violation.illegalTransition("id", "the result is " + status + ": before approval, propose it again instead", "ARCH-05"));
    }

    /** ARCH-05: an approved result changes only by an amendment; the amended content must itself be valid, and differ. */
    public Outcome<InspectionResult> amend(ResultContent next) {
        if (!amendable().isEmpty()) {
            return new Outcome.Refused<>(amendable());
        }
        if (!next.violations().isEmpty()) {
            return new Outcome.Refused<>(next.violations());
        }
        if (next.equals(content)) {
            return Outcome.refused(new Violation(Kind.INVALID_VALUE, "value", "the same as now", null));
        }
        return Outcome.done(with(next, status));
    }

    /**
     * PUB-09: feedback follows approval, once. PUB-08 ({@code publishFirst}: the jurisdiction publishes before feedback):
     * only once published and after the public period ending {@code publicUntil}; OBJ-01: not while an objection to the
     * publication is under review.
     */
    public Outcome<InspectionResult> giveFeedback(LocalDate givenOn, boolean publishFirst, LocalDate publicUntil, boolean objectionUnderReview) {
        if (!status.approved()) {
            return illegal("the result is " + status + ": feedback follows approval", "PUB-09");
        }
        if (fedBack) {
            return Outcome.refused(new Violation(Kind.IMMUTABLE, "id", "feedback was given already", "PUB-09"));
        }
        if (publishFirst) {
            if (status != ResultStatus.PUBLISHED) {
                return illegal("the result is published first, then fed back", "PUB-08");
            }
            List<Violation> all = new ArrayList<>();
            if (publicUntil != null && givenOn != null && !givenOn.isAfter(publicUntil)) {
                all.add(new Violation(Kind.CONFLICT, "givenOn", "after the public period, which ends on " + publicUntil, "PUB-08"));
            }
            if (objectionUnderReview) {
                all.add(new Violation(Kind.CONFLICT, "id", "an objection to the publication is under review", "OBJ-01"));
            }
            if (!all.isEmpty()) {
                return new Outcome.Refused<>(all);
            }
        }
        return Outcome.done(new InspectionResult(id, inspecting, drawing, delegation, content, status, withheld, true, rectifiedOn));
    }

    /** FOLLOW-01: the ordered correction was made, recorded once on an approved result that ordered one. */
    public Outcome<InspectionResult> recordRectification(LocalDate on) {
        if (!status.approved()) {
            return illegal("the result is " + status + ": a correction follows an approved result", "FOLLOW-01");
        }
        if (content.category() != ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED) {
            return illegal("the result is " + content.category() + ": no correction was ordered", "FOLLOW-01");
        }
        if (rectifiedOn != null) {
            return Outcome.refused(new Violation(Kind.IMMUTABLE, "id", "the correction was recorded on " + rectifiedOn, "FOLLOW-01"));
        }
        return Outcome.done(new InspectionResult(id, inspecting, drawing, delegation, content, status, withheld, fedBack, on));
    }

    /** FOLLOW-04: a listing follows an approved result that found something. */
    public List<Violation> listable() {
        if (!status.approved()) {
            return List.of(Violation.illegalTransition("id", "the result is " + status + ": listing follows an approved result", "APPR-04"));
        }
        if (content.category().foundNothing()) {
            return List.of(new Violation(Kind.CONFLICT, "id", "the result is " + content.category() + ": nothing to list for", "FOLLOW-04"));
        }
        return List.of();
    }

    private InspectionResult with(ResultContent c, ResultStatus s) {
        return new InspectionResult(id, inspecting, drawing, delegation, c, s, withheld, fedBack, rectifiedOn);
    }

    private static Outcome<InspectionResult> illegal(String message, String rule) {
        return Outcome.refused(Violation.illegalTransition("id", message, rule));
    }
}
