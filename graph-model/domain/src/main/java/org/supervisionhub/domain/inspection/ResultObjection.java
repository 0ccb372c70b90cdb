package org.supervisionhub.domain.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A re-examination (复查复核) of a result, guarding its rules: the target objects to a publication (OBJ-01), where the
 * result is published before feedback only during its public period (PUB-08); a superior re-examines an approved result
 * of its own motion (OBJ-02); one of each kind is under review at a time; it is decided once, an upheld one correcting the
 * result and publishing it again (PUB-12), a dismissed one changing nothing. Who may lodge, open and decide is the access
 * layer's. Violations name the subjects {@code resultId}, {@code receivedOn}, {@code id} (the objection) and {@code corrections}.
 */
public record ResultObjection(ObjectionId id, ResultId resultId, ObjectionKind kind, ObjectionStatus status) {

    public ResultObjection {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(resultId, "resultId");
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(status, "status");
    }

    /** OBJ-01: the target objects to a publication, so only to a published result. */
    public static List<Violation> objectable(InspectionResult result) {
        return result.status() == ResultStatus.PUBLISHED ? List.of() : List.of(Violation.illegalTransition("resultId",
                "the result is " + result.status() + ": an objection is to a publication", "OBJ-01"));
    }

    /** OBJ-02: a superior re-examines an approved (perhaps published) result. */
    public static List<Violation> reviewable(InspectionResult result) {
        return result.status().approved() ? List.of() : List.of(Violation.illegalTransition("resultId",
                "the result is " + result.status() + ": a review is of an approved result", "OBJ-02"));
    }

    /**
     * PUB-08: where the result is published before feedback ({@code publishFirst}), an objection is received during its public
     * period, which ends on {@code publicUntil}.
     */
    public static List<Violation> inPublicPeriod(boolean publishFirst, LocalDate receivedOn, LocalDate publicUntil) {
        if (!publishFirst || receivedOn == null || publicUntil == null || !receivedOn.isAfter(publicUntil)) {
            return List.of();
        }
        return List.of(new Violation(Kind.CONFLICT, "receivedOn", "objections are received during the public period, which ended on "
                + publicUntil, "PUB-08"));
    }

    /** OBJ-01, OBJ-02: opened under review, unless one of its kind is under review already among the result's {@code existing} ones. */
    public static Outcome<ResultObjection> open(ObjectionId id, ResultId resultId, ObjectionKind kind, Collection<ResultObjection> existing) {
        boolean underReview = existing.stream().anyMatch(o -> o.status == ObjectionStatus.UNDER_REVIEW && o.kind == kind);
        if (underReview) {
            return Outcome.refused(new Violation(Kind.CONFLICT, "resultId", "a " + kind + " of " + resultId + " is already under review", "OBJ-01"));
        }
        return Outcome.done(new ResultObjection(id, resultId, kind, ObjectionStatus.UNDER_REVIEW));
    }

    /** OBJ-01: decided once. */
    public List<Violation> decidable() {
        return status == ObjectionStatus.UNDER_REVIEW ? List.of()
                : List.of(Violation.illegalTransition("id", "the objection was already decided: " + status, "OBJ-01"));
    }

    /** OBJ-01, PUB-12: upheld, with the corrections it makes to the result (at least one), or dismissed, with none. */
    public Outcome<ResultObjection> decide(boolean upheld, int corrections) {
        if (!decidable().isEmpty()) {
            return new Outcome.Refused<>(decidable());
        }
        if (upheld && corrections == 0) {
            return Outcome.refused(new Violation(Kind.REQUIRED, "corrections", "an upheld objection corrects the result", "PUB-12"));
        }
        if (!upheld && corrections > 0) {
            return Outcome.refused(new Violation(Kind.INVALID_VALUE, "corrections", "a dismissed objection changes nothing", "OBJ-01"));
        }
        return Outcome.done(new ResultObjection(id, resultId, kind, upheld ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED));
    }

    /** PUB-12: an upheld objection to a published result publishes the corrected result again. */
    public boolean republishes(InspectionResult corrected) {
        return status == ObjectionStatus.UPHELD && corrected.status() == ResultStatus.PUBLISHED;
    }

    /** OBJ-01: whether any of a result's re-examinations is under review (feedback waits for it where the result is published first). */
    public static boolean anyUnderReview(Collection<ResultObjection> objections) {
        return objections.stream().anyMatch(o -> o.status == ObjectionStatus.UNDER_REVIEW);
    }
}
