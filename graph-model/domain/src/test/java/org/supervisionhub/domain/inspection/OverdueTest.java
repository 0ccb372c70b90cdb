package org.supervisionhub.domain.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** When a result's publication or ordered correction is overdue, without a database. */
class OverdueTest {

    static final LocalDate TODAY = LocalDate.of(2027, 6, 1);

    @Test
    void aResultNotPublishedByItsDeadlineIsOverdueTheDayAfterPUB03_PUB04() {
        assertThat(Overdue.publication(ResultStatus.APPROVED, TODAY.minusDays(1), TODAY)).isTrue();
        assertThat(Overdue.publication(ResultStatus.APPROVED, TODAY, TODAY)).as("due today is not yet overdue").isFalse();
        assertThat(Overdue.publication(ResultStatus.PUBLISHED, TODAY.minusDays(1), TODAY)).isFalse();
        assertThat(Overdue.publication(ResultStatus.PROPOSED, null, TODAY)).as("no deadline before approval").isFalse();
        assertThat(Overdue.PUBLISH_WITHIN_WORKING_DAYS).isEqualTo(20);
    }

    @Test
    void anOrderedCorrectionPastItsDeadlineWithNoneRecordedIsOverdueFOLLOW02() {
        assertThat(Overdue.rectification(ResultStatus.APPROVED, TODAY.minusDays(1), null, TODAY)).isTrue();
        assertThat(Overdue.rectification(ResultStatus.PUBLISHED, TODAY.minusDays(1), null, TODAY)).isTrue();
        assertThat(Overdue.rectification(ResultStatus.PUBLISHED, TODAY.minusDays(1), TODAY.minusDays(2), TODAY)).isFalse();
        assertThat(Overdue.rectification(ResultStatus.APPROVED, TODAY, null, TODAY)).isFalse();
        assertThat(Overdue.rectification(ResultStatus.PROPOSED, TODAY.minusDays(1), null, TODAY)).as("not yet ordered").isFalse();
        assertThat(Overdue.rectification(ResultStatus.APPROVED, null, null, TODAY)).isFalse();
    }

    @Test
    void anActiveTaskPastItsWindowWithActiveInspectionsNotConcludedIsOverduePLAN06() {
        java.util.List<Overdue.TaskInspection> inspections = java.util.List.of(new Overdue.TaskInspection(true, null),
                new Overdue.TaskInspection(true, ResultStatus.PROPOSED), new Overdue.TaskInspection(true, ResultStatus.APPROVED),
                new Overdue.TaskInspection(true, ResultStatus.PUBLISHED), new Overdue.TaskInspection(false, null));
        assertThat(Overdue.openInspections(true, TODAY.minusDays(1), inspections, TODAY)).isEqualTo(2);
        assertThat(Overdue.openInspections(true, TODAY, inspections, TODAY)).as("the window ends today").isZero();
        assertThat(Overdue.openInspections(false, TODAY.minusDays(1), inspections, TODAY)).as("not active").isZero();
        assertThat(Overdue.openInspections(true, null, inspections, TODAY)).isZero();
        assertThat(Overdue.openInspections(true, TODAY.minusDays(1), inspections.subList(2, 5), TODAY)).as("all concluded").isZero();
    }
}
