package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.supervisionhub.api.ClockTravel;
import org.supervisionhub.api.calendar.WorkingDayCalendar;

/**
 * The demo's calendar: it replays its province's year through the services, each step at the date and hour it would have
 * happened (so commitments precede executions, notices precede visits, records precede results and so on), on working
 * days of the hub's holiday calendar. The hub's one clock is run at those instants ({@link ClockTravel}).
 */
@Component
class DemoTime {

    private final Clock clock;
    private final WorkingDayCalendar calendar;

    DemoTime(Clock clock, WorkingDayCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    OffsetDateTime instant(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(clock.getZone()).toOffsetDateTime();
    }

    /** Runs {@code body} with the hub's clock at {@code time} on {@code day}, and answers what it answers. */
    <T> T at(LocalDate day, LocalTime time, Supplier<T> body) {
        if (!(clock instanceof ClockTravel travel)) {
            throw new IllegalStateException("the demo replays its year on a clock it can set (ClockTravel), not " + clock.getClass().getName());
        }
        AtomicReference<T> out = new AtomicReference<>();
        travel.runAt(instant(day, time), () -> out.set(body.get()));
        return out.get();
    }

    void at(LocalDate day, LocalTime time, Runnable body) {
        at(day, time, () -> {
            body.run();
            return null;
        });
    }

    /** {@code day} if it is a working day, else the next one. */
    LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code day} if it is a working day, else the one before. */
    LocalDate onOrBefore(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The {@code n}th working day after {@code day} ({@code n > 0}) or before it ({@code n < 0}). */
    LocalDate workingDays(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = Math.abs(n); left > 0; ) {
            d = n > 0 ? d.plusDays(1) : d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
