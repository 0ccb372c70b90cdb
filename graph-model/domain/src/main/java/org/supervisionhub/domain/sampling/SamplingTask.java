package org.supervisionhub.domain.sampling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * One task of a plan: it changes (or is merged) while it is active and no draw has frozen its pool (PLAN-03, DRAW-01), and
 * it is drawn batch by batch under a published plan (PLAN-06, DRAW-03). {@code drawn}: a draw of it is committed.
 *
 * <p>Violations name the subject {@code id} (the task), or {@code taskIds[i]} for the i-th task of a merge.
 */
public record SamplingTask(TaskId id, PlanId plan, TaskData data, boolean active, String mergedInto, boolean drawn) {

    public SamplingTask {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(plan, "plan");
    }

    /** PLAN-03, DRAW-01: merged away, or frozen by a committed draw, a task no longer changes. */
    public List<Violation> editable(String subject) {
        if (!active) {
            return List.of(new Violation(Kind.IMMUTABLE, subject, "task " + id + " was merged into " + mergedInto, "PLAN-03"));
        }
        if (drawn) {
            return List.of(new Violation(Kind.IMMUTABLE, subject, "task " + id
                    + " has a committed draw: its pool (and its participants) are frozen and the task cannot change", "DRAW-01"));
        }
        return List.of();
    }

    /** PLAN-03: a merge names at least two different tasks. */
    public static List<Violation> twoToMerge(List<String> taskIds) {
        return taskIds != null && new LinkedHashSet<>(taskIds).size() >= 2 ? List.of()
                : List.of(new Violation(Kind.INVALID_VALUE, "taskIds", "name at least two different tasks to merge", "PLAN-03"));
    }

    /**
     * PLAN-03: tasks of one plan with the same targets and method merge into the first, which takes the others' items,
     * the highest ratio per stratum and the union of the windows. A task that no longer changes refuses the merge on
     * its own; a joint task ({@code joint}: other departments take part) is not merged into or away (PLAN-15).
     */
    public static Outcome<TaskData> merge(List<SamplingTask> tasks, java.util.function.Predicate<TaskId> joint) {
        for (int i = 0; i < tasks.size(); i++) {
            List<Violation> frozen = tasks.get(i).editable("taskIds[" + i + "]");
            if (!frozen.isEmpty()) {
                return new Outcome.Refused<>(frozen);
            }
        }
        List<Violation> all = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (joint.test(tasks.get(i).id)) {
                all.add(new Violation(Kind.INVALID_VALUE, "taskIds[" + i + "]", "task " + tasks.get(i).id + " is a joint task; it is not merged", "PLAN-15"));
            }
        }
        SamplingTask first = tasks.get(0);
        for (int i = 1; i < tasks.size(); i++) {
            SamplingTask t = tasks.get(i);
            if (!t.plan.equals(first.plan)) {
                all.add(new Violation(Kind.INVALID_VALUE, "taskIds[" + i + "]", "tasks of different plans cannot merge", "PLAN-03"));
            }
            if (!first.data.sameTargetsAndMethod(t.data)) {
                all.add(new Violation(Kind.INVALID_VALUE, "taskIds[" + i + "]", "task " + t.id + " differs from " + first.id
                        + " in targets or method; only tasks with the same targets and method merge", "PLAN-03"));
            }
        }
        if (!all.isEmpty()) {
            return new Outcome.Refused<>(all);
        }
        return Outcome.done(TaskData.merged(tasks.stream().map(SamplingTask::data).toList()));
    }

    /** PLAN-03: groups of active tasks with the same targets and method, which should be merged. */
    public static <T> List<List<T>> mergeable(List<T> tasks, java.util.function.Function<T, TaskData> data,
                                              java.util.function.Predicate<T> active) {
        List<List<T>> groups = new ArrayList<>();
        for (T t : tasks) {
            if (!active.test(t)) {
                continue;
            }
            groups.stream().filter(g -> data.apply(g.get(0)).sameTargetsAndMethod(data.apply(t))).findFirst()
                    .ifPresentOrElse(g -> g.add(t), () -> groups.add(new ArrayList<>(List.of(t))));
        }
        return groups.stream().filter(g -> g.size() > 1).toList();
    }

    /**
     * The next batch drawn: PLAN-03 (a merged task is drawn as the task it went into), PLAN-06 (under a published plan),
     * PLAN-15 (every participant answered, {@code jointWaiting}), DRAW-03 (batch by batch: the previous one executed, no more
     * than the task plans). {@code nextBatch}: the number after the last committed; {@code pending}: committed, not executed.
     */
    public Outcome<Integer> nextBatch(SamplingPlan plan, List<String> jointWaiting, int nextBatch, int pending) {
        if (!active) {
            return illegal("task " + id + " was merged into " + mergedInto + "; draw that task", "PLAN-03");
        }
        List<Violation> refused = new ArrayList<>(plan.drawable("id"));
        if (refused.isEmpty()) {
            refused.addAll(SamplingPlan.jointReady(jointWaiting, "id"));
        }
        if (!refused.isEmpty()) {
            return new Outcome.Refused<>(refused);
        }
        if (pending > 0) {
            return illegal("batch " + (nextBatch - 1) + " of task " + id + " is committed but not executed;"
                    + " execute it before committing the next batch", "DRAW-03");
        }
        if (nextBatch > data.batches()) {
            return illegal("task " + id + " plans " + data.batches() + " batch(es), all drawn", "DRAW-03");
        }
        return Outcome.done(nextBatch);
    }

    private static <T> Outcome<T> illegal(String message, String rule) {
        return Outcome.refused(Violation.illegalTransition("id", message, rule));
    }
}
