package org.supervisionhub.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @Test
    void holidaysAreOffAndAdjustedWeekendsAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();   // National Day, Thursday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // adjusted Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();  // ordinary Sunday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12))).isTrue();   // ordinary Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();    // Spring Festival adjusted Sunday
    }

    @Test
    void fiveWorkingDaysAcrossNationalDayEndOnTheThirteenth_ROS11() {
        // Sep 30 (Wed) + 5 working days: Oct 1-7 off, Oct 8, 9, 10 (adjusted Saturday), 12, 13.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 13))).isEqualTo(5);
    }

    @Test
    void anOrdinaryWeekSkipsTheWeekend() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 19), 5)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20))).isZero();
    }

    @Test
    void knowsWhichYearsItsDataCovers() {
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2031)).isFalse();
    }
}
