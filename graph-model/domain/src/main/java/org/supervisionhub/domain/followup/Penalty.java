package org.supervisionhub.domain.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;

/**
 * An administrative penalty decision of a case, published once (PUB-06, PUB-07); a general-procedure one gets a
 * publication deadline where the jurisdiction sets one.
 */
public record Penalty(PenaltyId id, CaseId caseId, PenaltyProcedure procedure, OffsetDateTime publishedAt) {

    public Penalty {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(procedure, "procedure");
    }

    /** PUB-06: whether a decision made under {@code procedure} is published by a deadline, where the jurisdiction sets {@code workingDays}. */
    public static boolean hasDeadline(PenaltyProcedure procedure, int workingDays) {
        return procedure == PenaltyProcedure.GENERAL && workingDays > 0;
    }

    /** PUB-06: a decision with a publication deadline ({@code publishBy}) not published by it is overdue from the day after. */
    public boolean overdueOn(LocalDate publishBy, LocalDate today) {
        return publishedAt == null && publishBy != null && publishBy.isBefore(today);
    }

    /** PUB-06: published once. */
    public Outcome<Penalty> publish(OffsetDateTime at) {
        if (publishedAt != null) {
            return Outcome.refused(Violation.illegalTransition("id", "published at " + publishedAt, "PUB-06"));
        }
        return Outcome.done(new Penalty(id, caseId, procedure, at));
    }
}
