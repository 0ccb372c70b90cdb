package org.supervisionhub.domain.inspection;

import java.time.LocalDate;
import java.util.Collection;

/**
 * When work on an inspection's result is overdue, as of a day. Pure: the lists of overdue work are queries in the graph
 * ({@code ResultRepository.OVERDUE}, {@code OVERDUE_RECTIFICATIONS}, {@code OVERDUE_TASKS}) that select by the same rules.
 */
public final class Overdue {

    /** PUB-03, PUB-04: working days to publish, from the inspection's end or the rectification deadline. */
    public static final int PUBLISH_WITHIN_WORKING_DAYS = 20;

    private Overdue() {
    }

    /**
     * PUB-03, PUB-04: a result is overdue for publication when it is not published and the day to publish by (set at
     * approval, {@link ResultContent#publishFrom()} plus {@value #PUBLISH_WITHIN_WORKING_DAYS} working days) has passed.
     */
    public static boolean publication(ResultStatus status, LocalDate publishBy, LocalDate today) {
        return status != ResultStatus.PUBLISHED && publishBy != null && publishBy.isBefore(today);
    }

    /** FOLLOW-02: an ordered correction is overdue when its result is approved, its deadline has passed and none is recorded. */
    public static boolean rectification(ResultStatus status, LocalDate deadline, LocalDate rectifiedOn, LocalDate today) {
        return status.approved() && deadline != null && deadline.isBefore(today) && rectifiedOn == null;
    }

    /** An inspection of a task as the overdue tasks read it: whether it is active, and its result's status (null: none yet). */
    public record TaskInspection(boolean active, ResultStatus result) {
    }

    /**
     * PLAN-06 (the task's scheme sets its time): an active task whose window ended before today is overdue while any of its
     * active inspections is not concluded by an approved result; how many are still open (0: the task is not overdue).
     */
    public static int openInspections(boolean taskActive, LocalDate windowEnd, Collection<TaskInspection> inspections, LocalDate today) {
        if (!taskActive || windowEnd == null || !windowEnd.isBefore(today)) {
            return 0;
        }
        return (int) inspections.stream().filter(i -> i.active() && (i.result() == null || !i.result().approved())).count();
    }
}
