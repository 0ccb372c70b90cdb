package org.supervisionhub.domain.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;
import org.supervisionhub.domain.inspection.DepartmentId;

/**
 * An enforcement case (立案, FOLLOW-06) on a result's suspected violation, guarding its own lifecycle: OPEN, it takes
 * penalty decisions; it is CLOSED once, with an outcome the facts recorded bear out (FOLLOW-10). Violations name the subject
 * {@code id} (the case) or {@code outcome}; the dates against each other are the lifecycle's date rules.
 */
public record Case(CaseId id, DepartmentId department, LocalDate openedOn, CaseStatus status, LocalDate closedOn, CaseOutcome outcome) {

    public Case {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(department, "department");
        java.util.Objects.requireNonNull(status, "status");
    }

    /** FOLLOW-06: a case is opened by the department with jurisdiction (JUR-08), open until closed. */
    public static Case open(CaseId id, DepartmentId department, LocalDate openedOn) {
        return new Case(id, department, openedOn, CaseStatus.OPEN, null, null);
    }

    /** FOLLOW-06: only an open case is closed, once. */
    public List<Violation> closable() {
        return status == CaseStatus.OPEN ? List.of()
                : List.of(Violation.illegalTransition("id", "the case was closed on " + closedOn, "FOLLOW-06"));
    }

    /**
     * FOLLOW-10: closed with a penalty ({@code penaltyDecided}: a decision of the case is recorded), none, or a transfer
     * ({@code referred}: a referral of its result is recorded).
     */
    public Outcome<Case> close(LocalDate on, CaseOutcome with, boolean penaltyDecided, boolean referred) {
        if (!closable().isEmpty()) {
            return new Outcome.Refused<>(closable());
        }
        List<Violation> all = new ArrayList<>();
        if (with == CaseOutcome.PENALTY_IMPOSED && !penaltyDecided) {
            all.add(new Violation(Kind.CONFLICT, "outcome", "PENALTY_IMPOSED needs the penalty decision recorded first", "FOLLOW-10"));
        }
        if (with == CaseOutcome.TRANSFERRED && !referred) {
            all.add(new Violation(Kind.CONFLICT, "outcome", "TRANSFERRED needs the referral recorded first (referInspectionResult)", "FOLLOW-10"));
        }
        if (with == null) {
            all.add(new Violation(Kind.REQUIRED, "outcome", "how the case ends", "FOLLOW-10"));
        }
        if (!all.isEmpty()) {
            return new Outcome.Refused<>(all);
        }
        return Outcome.done(new Case(id, department, openedOn, CaseStatus.CLOSED, on, with));
    }

    /** FOLLOW-10: penalty decisions are made in an open case. */
    public List<Violation> acceptsPenalty() {
        return status == CaseStatus.OPEN ? List.of() : List.of(Violation.illegalTransition("id", "the case is closed", "FOLLOW-10"));
    }
}
