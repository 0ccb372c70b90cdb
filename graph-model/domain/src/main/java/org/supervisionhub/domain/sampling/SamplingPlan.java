package org.supervisionhub.domain.sampling;

import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A department's annual sampling plan, guarding its own transitions: DRAFT → FILED with the next-higher department →
 * PUBLISHED (PLAN-02, PLAN-05); a department without a superior publishes its draft directly (PLAN-04). Once filed, every
 * change is an adjustment recorded with who and why (PLAN-09, PLAN-13). A plan with a joint task is filed or published only
 * when every invited department has answered (PLAN-15): the caller says which participations still wait.
 *
 * <p>Violations name the subject {@code id} (the plan), {@code year} or {@code reason}.
 */
public record SamplingPlan(PlanId id, String departmentId, int year, PlanStatus status, String superiorId) {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    public SamplingPlan {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(status, "status");
    }

    /** PLAN-01: a department drafts one plan a year; another change to that year's plan is an adjustment. */
    public static Outcome<SamplingPlan> draft(String departmentId, String departmentName, String superiorId, int year, boolean planned) {
        PlanId id = PlanId.of(departmentId, year);
        if (!validYear(year).isEmpty()) {
            return new Outcome.Refused<>(validYear(year));
        }
        if (planned) {
            return Outcome.refused(new Violation(Kind.CONFLICT, "year", departmentName + " already has a plan for " + year + " (" + id
                    + "); change it with adjustments", "PLAN-01"));
        }
        return Outcome.done(new SamplingPlan(id, departmentId, year, PlanStatus.DRAFT, superiorId));
    }

    /** A plan's year, checked before anything is looked up. */
    public static List<Violation> validYear(Integer year) {
        return year == null || (year >= MIN_YEAR && year <= MAX_YEAR) ? List.of()
                : List.of(new Violation(Kind.INVALID_VALUE, "year", "year must be between " + MIN_YEAR + " and " + MAX_YEAR, null));
    }

    /** PLAN-02, PLAN-05: a draft goes to the next-higher department (PLAN-04: the top publishes instead), joint tasks answered (PLAN-15). */
    public Outcome<SamplingPlan> file(List<String> jointWaiting) {
        if (superiorId == null) {
            return illegal("the department has no superior to file with; publish the plan", "PLAN-04");
        }
        List<Violation> waiting = jointReady(jointWaiting, "id");
        if (!waiting.isEmpty()) {
            return new Outcome.Refused<>(waiting);
        }
        if (status != PlanStatus.DRAFT) {
            return illegal("plan " + id + " is " + status + "; only a draft can be filed", "PLAN-02");
        }
        return Outcome.done(new SamplingPlan(id, departmentId, year, PlanStatus.FILED, superiorId));
    }

    /** PLAN-02, GEN-08: a filed plan (at the top, a draft too) is published, joint tasks answered (PLAN-15). */
    public Outcome<SamplingPlan> publish(List<String> jointWaiting) {
        List<Violation> waiting = jointReady(jointWaiting, "id");
        if (!waiting.isEmpty()) {
            return new Outcome.Refused<>(waiting);
        }
        boolean ready = status == PlanStatus.FILED || status == PlanStatus.DRAFT && superiorId == null;
        if (!ready) {
            return illegal("plan " + id + " is " + status + "; " + (status == PlanStatus.DRAFT ? "file it with " + superiorId + " first"
                    : "it is already published"), "PLAN-02");
        }
        return Outcome.done(new SamplingPlan(id, departmentId, year, PlanStatus.PUBLISHED, superiorId));
    }

    /** PLAN-06: targets are drawn only under a published plan. */
    public List<Violation> drawable(String subject) {
        return status == PlanStatus.PUBLISHED ? List.of() : List.of(Violation.illegalTransition(subject, "plan " + id + " is " + status
                + "; targets are drawn under a published plan", "PLAN-06"));
    }

    /**
     * PLAN-09, PLAN-13: a change to the plan by {@code actor}. A draft changes freely; after filing the change is an
     * adjustment and needs a reason, recorded with who made it.
     */
    public Outcome<Change> change(String actor, String reason) {
        if (status == PlanStatus.DRAFT) {
            return Outcome.done(new Change(id, actor, null));
        }
        if (reason == null || reason.isBlank()) {
            return Outcome.refused(new Violation(Kind.REQUIRED, "reason", "plan " + id + " is " + status
                    + ": a change is an adjustment and needs a reason", "PLAN-09"));
        }
        return Outcome.done(new Change(id, actor, reason.strip()));
    }

    /** A change the plan accepted; {@link #adjustment()} when it is recorded as an adjustment (after filing), with who and why. */
    public record Change(PlanId plan, String actor, String reason) {
        public boolean adjustment() {
            return reason != null;
        }
    }

    /**
     * PLAN-15: a plan is filed or published, and a joint task drawn, only when every invited department has answered and
     * every confirmed one has items; {@code waiting} are the participations that have not.
     */
    public static List<Violation> jointReady(List<String> waiting, String subject) {
        return waiting.isEmpty() ? List.of() : List.of(Violation.illegalTransition(subject, "joint participation(s) " + String.join(", ", waiting)
                + " not answered yet (or confirmed without items): every invited department answers first", "PLAN-15"));
    }

    private static Outcome<SamplingPlan> illegal(String message, String rule) {
        return Outcome.refused(Violation.illegalTransition("id", message, rule));
    }
}
