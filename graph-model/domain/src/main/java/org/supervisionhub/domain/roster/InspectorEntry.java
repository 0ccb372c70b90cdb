package org.supervisionhub.domain.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * An inspector's entry on the inspector roster: enforcement staff hold a certificate to work (ROS-13, 持证上岗) with a
 * validity period, and are on the roster over a period; an entry may name the person it is. At least two certified
 * inspectors inspect (ASSIGN-02): an entry is eligible on a day when its certificate is valid and it is on the roster.
 *
 * <p>Subjects of violations: {@code certificateNo}, {@code certificateValidFrom}, {@code certificateValidTo},
 * {@code onRosterTo}, {@code birthYear}.
 */
public record InspectorEntry(String inspectorId, String certificateNo, LocalDate certificateValidFrom, LocalDate certificateValidTo,
                             LocalDate onRosterFrom, LocalDate onRosterTo, Integer birthYear) {

    /** Youngest age at which a person is entered. */
    public static final int MIN_AGE = 16;

    /** What is wrong with this entry on {@code today}; empty when it may be recorded. */
    public List<Violation> violations(LocalDate today) {
        List<Violation> out = new ArrayList<>();
        // ROS-13, ASSIGN-02: an inspector holds an enforcement certificate with a validity period.
        if (certificateNo == null || certificateNo.isBlank()) {
            out.add(required("certificateNo"));
        }
        if (certificateValidFrom == null) {
            out.add(required("certificateValidFrom"));
        }
        if (certificateValidTo == null) {
            out.add(required("certificateValidTo"));
        }
        if (certificateValidFrom != null && certificateValidTo != null && certificateValidTo.isBefore(certificateValidFrom)) {
            out.add(new Violation(Kind.INVALID_VALUE, "certificateValidTo", "not before certificateValidFrom", "ROS-13"));
        }
        if (onRosterFrom != null && onRosterTo != null && onRosterTo.isBefore(onRosterFrom)) {
            out.add(new Violation(Kind.INVALID_VALUE, "onRosterTo", "not before onRosterFrom", null));
        }
        if (birthYear != null && (birthYear <= 1930 || birthYear > today.getYear() - MIN_AGE)) {
            out.add(new Violation(Kind.INVALID_VALUE, "birthYear", "not plausible", null));
        }
        return List.copyOf(out);
    }

    /** ROS-13: a certificate is one inspector's; {@code holder} is the inspector who holds it now (or null). */
    public List<Violation> certificateFree(String holder) {
        return holder == null || holder.equals(inspectorId) ? List.of()
                : List.of(new Violation(Kind.CONFLICT, "certificateNo", "certificate " + certificateNo + " already belongs to inspector " + holder, "ROS-13"));
    }

    /**
     * ROS-13, ASSIGN-02: may inspect on {@code day}: certified then (both ends inclusive) and on the roster then
     * ({@code onRosterTo} exclusive). Matching inspectors to a draw applies the same rule inside its Cypher
     * ({@code AssignmentRepository}), over the whole roster at once.
     */
    public boolean eligibleOn(LocalDate day) {
        return certificateValidFrom != null && certificateValidTo != null && !day.isBefore(certificateValidFrom) && !day.isAfter(certificateValidTo)
                && (onRosterFrom == null || !day.isBefore(onRosterFrom)) && (onRosterTo == null || day.isBefore(onRosterTo));
    }

    private static Violation required(String subject) {
        return new Violation(Kind.REQUIRED, subject, "required (an inspector holds an enforcement certificate)", "ROS-13");
    }
}
