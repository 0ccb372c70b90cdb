package org.supervisionhub.domain.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A loan of an archived file (借阅), guarding its lifecycle: REQUESTED (the request is the registration, ARCH-08, ARCH-09),
 * LENT once the department head and the leader in charge, two people, have both consented (ARCH-09), or REFUSED;
 * RETURNED after the archivist's check, any damage noted (ARCH-11). Violations name the subjects {@code id} (the loan),
 * {@code consent}, {@code dueOn}, {@code returnedOn} and {@code notes}.
 */
public record Loan(BorrowingId id, BorrowingStatus status, LocalDate dueOn, String headConsentBy, String leaderConsentBy, LocalDate returnedOn,
                   ReturnCondition condition) {

    public Loan {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(status, "status");
    }

    /** ARCH-09: registered, due back after {@code today}. */
    public static Outcome<Loan> request(BorrowingId id, LocalDate dueOn, LocalDate today) {
        if (dueOn != null && !dueOn.isAfter(today)) {
            return Outcome.refused(new Violation(Kind.INVALID_VALUE, "dueOn", "after today", null));
        }
        return Outcome.done(new Loan(id, BorrowingStatus.REQUESTED, dueOn, null, null, null, null));
    }

    /** ARCH-09: consents and refusals are given to a loan still requested. */
    public List<Violation> awaitingConsent() {
        return status == BorrowingStatus.REQUESTED ? List.of()
                : List.of(Violation.illegalTransition("id", "the loan is " + status + ", not REQUESTED", "ARCH-09"));
    }

    /** ARCH-09: one consent, each once, the two by two people; the second lends the file. */
    public Outcome<Loan> consent(Consent which, String by) {
        if (!awaitingConsent().isEmpty()) {
            return new Outcome.Refused<>(awaitingConsent());
        }
        boolean head = which == Consent.DEPARTMENT_HEAD;
        String already = head ? headConsentBy : leaderConsentBy;
        String other = head ? leaderConsentBy : headConsentBy;
        List<Violation> all = new ArrayList<>();
        if (already != null) {
            all.add(Violation.illegalTransition("consent", which + " was given by " + already, "ARCH-09"));
        }
        if (by.equals(other)) {
            all.add(new Violation(Kind.SAME_PERSON, "consent", "the other consent is yours; ARCH-09 needs two people", "ARCH-09"));
        }
        if (!all.isEmpty()) {
            return new Outcome.Refused<>(all);
        }
        String nextHead = head ? by : headConsentBy;
        String nextLeader = head ? leaderConsentBy : by;
        BorrowingStatus next = nextHead != null && nextLeader != null ? BorrowingStatus.LENT : BorrowingStatus.REQUESTED;
        return Outcome.done(new Loan(id, next, dueOn, nextHead, nextLeader, returnedOn, condition));
    }

    /** ARCH-09: refused while requested. */
    public Outcome<Loan> refuse() {
        if (!awaitingConsent().isEmpty()) {
            return new Outcome.Refused<>(awaitingConsent());
        }
        return Outcome.done(new Loan(id, BorrowingStatus.REFUSED, dueOn, headConsentBy, leaderConsentBy, returnedOn, condition));
    }

    /** ARCH-11: only a lent file comes back. */
    public List<Violation> returnable() {
        return status == BorrowingStatus.LENT ? List.of()
                : List.of(Violation.illegalTransition("id", "the loan is " + status + ", not LENT", "ARCH-11"));
    }

    /** ARCH-11: back on {@code on} (not after {@code today}), checked; anything but INTACT has its details noted. */
    public Outcome<Loan> giveBack(LocalDate on, ReturnCondition checked, String notes, LocalDate today) {
        if (!returnable().isEmpty()) {
            return new Outcome.Refused<>(returnable());
        }
        List<Violation> all = new ArrayList<>();
        if (on != null && on.isAfter(today)) {
            all.add(new Violation(Kind.INVALID_VALUE, "returnedOn", "not in the future", null));
        }
        if (checked != null && checked != ReturnCondition.INTACT && (notes == null || notes.isBlank())) {
            all.add(new Violation(Kind.REQUIRED, "notes", "the details of a file returned " + checked, "ARCH-11"));
        }
        if (!all.isEmpty()) {
            return new Outcome.Refused<>(all);
        }
        return Outcome.done(new Loan(id, BorrowingStatus.RETURNED, dueOn, headConsentBy, leaderConsentBy, on, checked));
    }

    /** A lent file not back by its due day is overdue. */
    public boolean overdueOn(LocalDate today) {
        return status == BorrowingStatus.LENT && dueOn != null && dueOn.isBefore(today);
    }
}
