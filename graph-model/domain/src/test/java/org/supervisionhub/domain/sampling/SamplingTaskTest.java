package org.supervisionhub.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.sampling.SamplingPlanTest.done;
import static org.supervisionhub.domain.sampling.SamplingPlanTest.refusals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.sampling.TaskData.ComplaintRule;
import org.supervisionhub.domain.sampling.TaskData.Criteria;
import org.supervisionhub.domain.sampling.TaskData.ItemCap;
import org.supervisionhub.domain.sampling.TaskData.RosterScope;
import org.supervisionhub.domain.sampling.TaskData.StratumRatio;

/** Every rule {@link SamplingTask} and {@link TaskData} guard, without a database: each test names the rule it checks. */
class SamplingTaskTest {

    static final PlanId PLAN = new PlanId("PLAN-HRSS-430102-2027");
    static final SamplingPlan PUBLISHED = new SamplingPlan(PLAN, "HRSS-430102", 2027, PlanStatus.PUBLISHED, "HRSS-430100");

    static TaskData data(List<String> items, String ratio, int batches, LocalDate start, LocalDate end) {
        return new TaskData("劳动合同", TaskKind.REGULAR, items, InspectionMethod.ON_SITE, DrawMode.UNDIRECTED, Criteria.NONE, "NONE",
                List.of(new StratumRatio("ALL", ratio)), null, null, start, end, batches, 2, List.of(), new RosterScope(List.of(), false),
                DrawOrigin.SELF, null, true);
    }

    static final TaskData DATA = data(List.of("I1"), "0.05", 1, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30));

    static SamplingTask task(String n, TaskData d) {
        return new SamplingTask(new TaskId(PLAN + "-T" + n), PLAN, d, true, null, false);
    }

    @Test
    void aMergedOrDrawnTaskNoLongerChangesPLAN03_DRAW01() {
        assertThat(task("1", DATA).editable("id")).isEmpty();
        SamplingTask merged = new SamplingTask(new TaskId("T2"), PLAN, DATA, false, "T1", false);
        assertThat(merged.editable("id")).extracting(v -> v.kind() + " " + v.subject() + " " + v.rule()).containsExactly("IMMUTABLE id PLAN-03");
        SamplingTask drawn = new SamplingTask(new TaskId("T3"), PLAN, DATA, true, null, true);
        assertThat(drawn.editable("taskId")).extracting(v -> v.kind() + " " + v.subject() + " " + v.rule()).containsExactly("IMMUTABLE taskId DRAW-01");
    }

    @Test
    void tasksWithTheSameTargetsAndMethodMergeIntoTheFirstPLAN03() {
        assertThat(SamplingTask.twoToMerge(List.of("T1", "T1"))).extracting(v -> v.subject() + " " + v.rule()).containsExactly("taskIds PLAN-03");
        assertThat(SamplingTask.twoToMerge(List.of("T1", "T2"))).isEmpty();
        TaskData other = data(List.of("I2", "I1"), "0.08", 2, LocalDate.of(2027, 1, 10), LocalDate.of(2027, 5, 1));
        TaskData merged = done(SamplingTask.merge(List.of(task("1", DATA), task("2", other)), t -> false));
        assertThat(merged.itemIds()).containsExactly("I1", "I2");
        assertThat(merged.strata()).containsExactly(new StratumRatio("ALL", "0.08"));
        assertThat(merged.windowStart()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(merged.windowEnd()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(merged.batches()).isEqualTo(2);

        TaskData written = new TaskData(DATA.title(), DATA.kind(), DATA.itemIds(), InspectionMethod.WRITTEN, DATA.mode(), DATA.criteria(),
                DATA.strataBy(), DATA.strata(), null, null, DATA.windowStart(), DATA.windowEnd(), 1, 2, List.of(), DATA.rosterScope(),
                DrawOrigin.SELF, null, true);
        SamplingTask elsewhere = new SamplingTask(new TaskId("T9"), new PlanId("PLAN-X-2027"), DATA, true, null, false);
        assertThat(refusals(SamplingTask.merge(List.of(task("1", DATA), task("2", written), elsewhere), t -> false)))
                .containsExactly("INVALID_VALUE taskIds[1] PLAN-03", "INVALID_VALUE taskIds[2] PLAN-03");
        assertThat(SamplingTask.mergeable(List.of(task("1", DATA), task("2", other), task("3", written)), SamplingTask::data, SamplingTask::active))
                .extracting(g -> g.size()).containsExactly(2);
    }

    @Test
    void aMergeOfATaskThatNoLongerChangesIsRefusedForThatTaskAloneAndAJointTaskIsNotMergedPLAN03_PLAN15() {
        SamplingTask joint = new SamplingTask(new TaskId("T1"), PLAN, DATA, true, null, false);
        SamplingTask drawn = new SamplingTask(new TaskId("T2"), PLAN, DATA, true, null, true);
        assertThat(refusals(SamplingTask.merge(List.of(joint, drawn), joint.id()::equals))).containsExactly("IMMUTABLE taskIds[1] DRAW-01");
        assertThat(refusals(SamplingTask.merge(List.of(joint, task("2", DATA)), joint.id()::equals))).containsExactly("INVALID_VALUE taskIds[0] PLAN-15");
    }

    @Test
    void aGeneralItemCapsTheRatioTimesTheBatchesAndKeyItemsAreNotCappedDRAW07() {
        TaskData twoBatches = data(List.of("I1"), "0.05", 2, DATA.windowStart(), DATA.windowEnd());
        assertThat(twoBatches.capViolations(List.of(new ItemCap("K1", false, "0.01")), "strata")).as("key items").isEmpty();
        assertThat(twoBatches.capViolations(List.of(new ItemCap("G1", true, "0.1")), "strata")).isEmpty();
        assertThat(twoBatches.capViolations(List.of(new ItemCap("G1", true, "0.2"), new ItemCap("G2", true, "0.09")), "strata"))
                .extracting(v -> v.subject() + " " + v.rule()).containsExactly("strata DRAW-07");
        TaskData complaints = new TaskData(DATA.title(), DATA.kind(), DATA.itemIds(), DATA.method(), DATA.mode(), DATA.criteria(), DATA.strataBy(),
                DATA.strata(), new ComplaintRule(3, 365, "0.5"), null, DATA.windowStart(), DATA.windowEnd(), 1, 2, List.of(),
                DATA.rosterScope(), DrawOrigin.SELF, null, true);
        assertThat(complaints.capViolations(List.of(new ItemCap("G1", true, "0.1")), "strata")).as("the complaint ratio too").hasSize(1);
    }

    @Test
    void aTaskIsDrawnBatchByBatchUnderAPublishedPlanPLAN06_DRAW03() {
        TaskData twoBatches = data(List.of("I1"), "0.05", 2, DATA.windowStart(), DATA.windowEnd());
        SamplingTask t = task("1", twoBatches);
        assertThat(done(t.nextBatch(PUBLISHED, List.of(), 1, 0))).isEqualTo(1);
        SamplingPlan draft = new SamplingPlan(PLAN, "HRSS-430102", 2027, PlanStatus.DRAFT, "HRSS-430100");
        assertThat(refusals(t.nextBatch(draft, List.of(), 1, 0))).containsExactly("ILLEGAL_TRANSITION id PLAN-06");
        assertThat(refusals(t.nextBatch(PUBLISHED, List.of(), 2, 1))).as("the previous batch executed first")
                .containsExactly("ILLEGAL_TRANSITION id DRAW-03");
        assertThat(refusals(t.nextBatch(PUBLISHED, List.of(), 3, 0))).as("no more than planned").containsExactly("ILLEGAL_TRANSITION id DRAW-03");
        SamplingTask merged = new SamplingTask(new TaskId("T2"), PLAN, DATA, false, "T1", false);
        assertThat(refusals(merged.nextBatch(PUBLISHED, List.of(), 1, 0))).containsExactly("ILLEGAL_TRANSITION id PLAN-03");
    }

    @Test
    void aJointTaskIsDrawnOnlyWhenEveryParticipantAnsweredPLAN15() {
        assertThat(refusals(task("1", DATA).nextBatch(PUBLISHED, List.of("PART-1"), 1, 0))).containsExactly("ILLEGAL_TRANSITION id PLAN-15");
    }

    @Test
    void anInspectionDayLiesInTheTasksWindowPLAN17() {
        assertThat(DATA.within(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(DATA.within(LocalDate.of(2027, 6, 30))).isTrue();
        assertThat(DATA.within(LocalDate.of(2027, 7, 1))).isFalse();
        assertThat(DATA.visitDay(LocalDate.of(2027, 2, 28), "plannedOn")).extracting(v -> v.kind() + " " + v.subject() + " " + v.rule())
                .containsExactly("INVALID_VALUE plannedOn PLAN-17");
    }

    @Test
    void aUnifiedTaskDispatchesItsInspectionsDRAW14() {
        assertThat(DATA.dispatched()).isFalse();
    }
}
