package org.supervisionhub.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;

/** The holiday data's format, validation, coverage and merging, and deadlines' basis (PUB-03, PUB-04, PUB-06, ROS-03). */
class CalendarDataTest {

    static final CalendarData BUNDLED = CalendarData.read(new ClassPathResource("calendar/cn-public-holidays.csv"), "bundled");

    @Test
    void theBundledDataIsValidAndCovers2024To2026Only() {
        assertThat(BUNDLED.years()).containsExactly(2024, 2025, 2026);
    }

    @Test
    void aFileCoversTheYearsItHasLinesForAndTheYearsItDeclares() {
        CalendarData d = CalendarData.parse("extra.csv", """
                # covers: 2028, 2029
                date,kind,name
                2027-01-01,HOLIDAY,元旦
                """);
        assertThat(d.years()).containsExactly(2027, 2028, 2029);
        // A declared year with no line: every weekday works, and a deadline over it is not provisional.
        WorkingDayCalendar calendar = new WorkingDayCalendar(d);
        assertThat(calendar.deadline(LocalDate.of(2028, 12, 29), 3))
                .isEqualTo(new WorkingDayCalendar.Deadline(LocalDate.of(2029, 1, 3), DeadlineBasis.CALENDAR));
    }

    @Test
    void badDatesKindsHeadersAndRepeatedDaysAreRefusedNamingTheFileAndLine() {
        assertThatThrownBy(() -> CalendarData.parse("notice-2027.csv", """
                # comment
                date,kind,name
                2027-02-30,HOLIDAY,x
                2027-03-01,HOLYDAY,y
                2027-03-02,HOLIDAY,z
                2027-03-02,WORKDAY,z
                2027-03-03
                # covers: twenty-seven
                """)).isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("notice-2027.csv line 3: '2027-02-30' is not a date")
                .hasMessageContaining("notice-2027.csv line 4: kind 'HOLYDAY' is neither HOLIDAY nor WORKDAY")
                .hasMessageContaining("notice-2027.csv line 6: 2027-03-02 is already on line 5")
                .hasMessageContaining("notice-2027.csv line 7: expected date,kind,name")
                .hasMessageContaining("notice-2027.csv line 8: '# covers:' takes years");
        assertThatThrownBy(() -> CalendarData.parse("x.csv", "2027-01-01,HOLIDAY,元旦\n"))
                .hasMessageContaining("x.csv line 1: the header must be 'date,kind,name'");
        assertThatThrownBy(() -> CalendarData.parse("empty.csv", "# nothing\n")).hasMessageContaining("empty.csv: no header line");
    }

    @Test
    void theConfiguredFileWinsOverTheBundledOneForTheSameDayAndTheReplacementIsReported() {
        CalendarData merged = BUNDLED.merge(CalendarData.parse("operator.csv", "date,kind,name\n2026-10-10,HOLIDAY,corrected\n"));
        WorkingDayCalendar calendar = new WorkingDayCalendar(merged);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isFalse();
        assertThat(merged.replaced()).singleElement().asString().contains("2026-10-10", "WORKDAY (bundled line", "HOLIDAY (operator.csv line 2)");
        assertThat(merged.sources()).containsExactly("bundled", "operator.csv");
    }

    @Test
    void aDeadlineNeedingAnUncoveredYearIsProvisionalAndCountedOnWeekdays_PUB03() {
        WorkingDayCalendar calendar = new WorkingDayCalendar(BUNDLED);
        // The issue: ended 2026-12-05 (Saturday); 20 weekdays land on 2027-01-01, New Year's Day, unknown to the data.
        assertThat(calendar.deadline(LocalDate.of(2026, 12, 5), 20))
                .isEqualTo(new WorkingDayCalendar.Deadline(LocalDate.of(2027, 1, 1), DeadlineBasis.PROVISIONAL_CALENDAR));
        assertThat(calendar.deadline(LocalDate.of(2026, 11, 2), 20).basis()).isEqualTo(DeadlineBasis.CALENDAR);
        // Once 2027 is declared, the same inputs give a calendar deadline (here no 2027 line, so the same day).
        WorkingDayCalendar with2027 = new WorkingDayCalendar(BUNDLED.merge(CalendarData.parse("n.csv", "# covers: 2027\ndate,kind,name\n")));
        assertThat(with2027.deadline(LocalDate.of(2026, 12, 5), 20).basis()).isEqualTo(DeadlineBasis.CALENDAR);
    }

    @Test
    void theFirstUncoveredDayOfAHorizonAndTheDaysTwoDataSetsDifferOn() {
        WorkingDayCalendar calendar = new WorkingDayCalendar(BUNDLED);
        assertThat(calendar.firstUncoveredDay(LocalDate.of(2026, 12, 4), 90)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(calendar.firstUncoveredDay(LocalDate.of(2026, 6, 1), 90)).isNull();
        assertThat(calendar.firstUncoveredDay(LocalDate.of(2027, 2, 1), 90)).isEqualTo(LocalDate.of(2027, 2, 1));
        CalendarData changed = BUNDLED.merge(CalendarData.parse("n.csv", "date,kind,name\n2027-03-26,HOLIDAY,x\n2026-10-10,HOLIDAY,y\n"));
        assertThat(BUNDLED.differenceFrom(BUNDLED)).isNull();
        // A changed line, and the whole of a year covered on one side only.
        assertThat(changed.differenceFrom(BUNDLED)).containsExactly(LocalDate.of(2026, 10, 10), LocalDate.of(2027, 12, 31));
        assertThat(BUNDLED.differenceFrom(changed)).containsExactly(LocalDate.of(2026, 10, 10), LocalDate.of(2027, 12, 31));
    }
}
