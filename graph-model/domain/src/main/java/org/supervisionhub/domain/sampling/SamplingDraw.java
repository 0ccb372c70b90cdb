package org.supervisionhub.domain.sampling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A draw of one batch of a task (vdraw-1), guarding its own transitions: committed (its pool frozen, its commitment
 * published at once, DRAW-18) and executed once with the public entropy (DRAW-01); after execution selected targets are
 * replaced from their stratum's reserve (DRAW-02) and inspectors matched (ASSIGN-01). The kernel (pool order, quotas,
 * ranks, seed) is vdraw-1's; the draw asks it and decides.
 *
 * <p>Violations name the subject {@code id} (the draw; for a commit, its task), {@code entropy}, {@code uscc} or {@code departmentId}.
 */
public record SamplingDraw(DrawId id, TaskId task, DrawStatus status, List<Stratum> strata, String entropy) {

    public static final int MAX_ENTROPY = 1024;

    public SamplingDraw {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(status, "status");
        strata = List.copyOf(strata);
    }

    /** One stratum as committed: its size in the pool, its ratio and how many it selects (vdraw-1 step 4). */
    public record Stratum(String label, int size, BigDecimal ratio, int quota) {
    }

    /**
     * Steps 1 to 6: batch {@code batchNo} of {@code task} commits to its frozen pool, given as the size of each stratum in
     * canonical order. DRAW-01: a draw needs an eligible enterprise; DRAW-08: every stratum of the pool has a ratio
     * ({@code ratios}). {@code quota}: the kernel's quota of a stratum of that size at that ratio.
     */
    public static Outcome<SamplingDraw> commit(TaskId task, int batchNo, Map<String, Integer> sizes, Map<String, BigDecimal> ratios,
                                               ToIntBiFunction<Integer, BigDecimal> quota) {
        if (sizes.isEmpty()) {
            return Outcome.refused(new Violation(Kind.INVALID_VALUE, "id", "no enterprise is eligible for task " + task
                    + " (criteria, yearly cap, earlier batches, triggers)", "DRAW-01"));
        }
        List<Stratum> strata = new ArrayList<>();
        for (var e : sizes.entrySet()) {
            BigDecimal r = ratios.get(e.getKey());
            if (r == null) {
                return Outcome.refused(new Violation(Kind.INVALID_VALUE, "id", e.getValue() + " candidates are in stratum " + e.getKey()
                        + ", which has no ratio in task " + task, "DRAW-08"));
            }
            strata.add(new Stratum(e.getKey(), e.getValue(), r, quota.applyAsInt(e.getValue(), r)));
        }
        return Outcome.done(new SamplingDraw(DrawId.of(task, batchNo), task, DrawStatus.COMMITTED, strata, null));
    }

    /** Step 7: the public entropy, at most {@link #MAX_ENTROPY} characters; none is the empty string. */
    public static Outcome<String> entropyOf(String entropy) {
        String e = entropy == null ? "" : entropy;
        return e.length() > MAX_ENTROPY ? Outcome.refused(new Violation(Kind.INVALID_VALUE, "entropy",
                "entropy is at most " + MAX_ENTROPY + " characters", null)) : Outcome.done(e);
    }

    /** Steps 7 to 11, DRAW-01: a draw is executed once, with the entropy then published. */
    public Outcome<SamplingDraw> execute(String entropy) {
        Outcome<String> e = entropyOf(entropy);
        if (!e.violations().isEmpty()) {
            return new Outcome.Refused<>(e.violations());
        }
        if (status == DrawStatus.EXECUTED) {
            return Outcome.refused(Violation.illegalTransition("id", "draw " + id + " has already been executed; a draw is executed once", "DRAW-01"));
        }
        return Outcome.done(new SamplingDraw(id, task, DrawStatus.EXECUTED, strata, ((Outcome.Done<String>) e).value()));
    }

    /** The draw's secret is revealed (so anyone can verify the selection) only once it is executed (vdraw-1 step 8). */
    public boolean revealsSecret() {
        return status == DrawStatus.EXECUTED;
    }

    /**
     * DRAW-02: only a selected target is replaced, so only after execution, and only while it is an active target of this
     * draw ({@code known}: {@code uscc} was selected by it; {@code active}: it is still a target, not replaced or deferred).
     */
    public List<Violation> replaceable(String uscc, boolean known, boolean active) {
        if (status != DrawStatus.EXECUTED) {
            return List.of(Violation.illegalTransition("id", "draw " + id + " is not executed yet; only a selected target can be replaced", "DRAW-02"));
        }
        if (!known || !active) {
            return List.of(new Violation(Kind.NOT_FOUND, "uscc", !known ? uscc + " is not a target selected by draw " + id
                    : uscc + " in draw " + id + " is no longer an active target", "DRAW-02"));
        }
        return List.of();
    }

    /**
     * Step 12, DRAW-02: a replacement is the first of the stratum's {@code reserve} (in rank order) not {@code used} yet: its
     * position in the reserve (0-based), or RESERVE_EXHAUSTED.
     */
    public Outcome<Integer> replacement(String stratum, List<String> reserve, Set<String> used) {
        for (int i = 0; i < reserve.size(); i++) {
            if (!used.contains(reserve.get(i))) {
                return Outcome.done(i);
            }
        }
        return Outcome.refused(new Violation(Kind.RESERVE_EXHAUSTED, "uscc", "the reserve of stratum " + stratum + " of draw " + id
                + " is used up; no replacement is left", "DRAW-02"));
    }

    /** ASSIGN-01: inspectors are matched to selected targets, so after execution. */
    public List<Violation> assignable() {
        return status == DrawStatus.EXECUTED ? List.of() : List.of(Violation.illegalTransition("id", "draw " + id
                + " is not executed yet; inspectors are matched to selected targets", "ASSIGN-01"));
    }

    /**
     * ASSIGN-14: each department matches inspectors to the inspections it carries out; a run for {@code departmentId} needs
     * at least one of them ({@code waiting}) not matched yet. Subject {@code departmentId}.
     */
    public List<Violation> waitingFor(String departmentId, int waiting) {
        return waiting > 0 ? List.of() : List.of(Violation.illegalTransition("departmentId", "draw " + id + " has no inspection for "
                + departmentId + " waiting for inspectors", "ASSIGN-14"));
    }
}
