package org.supervisionhub.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SortedSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;

/**
 * Working days (工作日) as the State Council's holiday notices define them: Monday to Friday, minus
 * public holidays, plus weekend days declared working days. The data is the bundled file
 * {@code classpath:calendar/cn-public-holidays.csv} plus, when set, {@code hub.calendar.location} (format and
 * coverage: {@link CalendarData}); the adjusted days are announced year by year, so an operator adds next year's
 * notice there and reloads ({@code reloadCalendar}) without a rebuild.
 *
 * <p>For a year the data does not cover only weekends are known: a deadline that needs such a year is computed on
 * weekdays and is {@link DeadlineBasis#PROVISIONAL_CALENDAR provisional} ({@link #deadline}).
 */
@Component
public class WorkingDayCalendar {

    public static final String BUNDLED = "classpath:calendar/cn-public-holidays.csv";
    static final String OPTIONAL = "optional:";

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    /** A working-day deadline: its last day, and whether the holiday data covered every year it spans. */
    public record Deadline(LocalDate due, DeadlineBasis basis) {
    }

    private final String location;
    private final ResourceLoader resources;
    private volatile CalendarData data;

    /** The bundled data only. */
    public WorkingDayCalendar() {
        this(new CalendarProperties(null, null), new DefaultResourceLoader());
    }

    /** The bundled data and {@code hub.calendar.location}; invalid data stops the start. */
    @Autowired
    public WorkingDayCalendar(CalendarProperties properties, ResourceLoader resources) {
        this.location = properties == null || properties.location() == null || properties.location().isBlank() ? null
                : properties.location().strip();
        this.resources = resources;
        this.data = load();
        log.info("Working-day calendar from {} covers {}", data.sources(), data.years());
    }

    WorkingDayCalendar(CalendarData data) {
        this.location = null;
        this.resources = new DefaultResourceLoader();
        this.data = data;
    }

    /** Reads the bundled file and the configured location again, validated; the current data stays until {@link #use}. */
    public CalendarData load() {
        CalendarData bundled = CalendarData.read(new ClassPathResource("calendar/cn-public-holidays.csv"), BUNDLED);
        if (location == null) {
            return bundled;
        }
        boolean optional = location.startsWith(OPTIONAL);
        String path = optional ? location.substring(OPTIONAL.length()) : location;
        Resource resource = resources.getResource(path);
        if (!resource.exists()) {
            if (optional) {
                log.info("Holiday data {} (hub.calendar.location) does not exist; using the bundled data only", path);
                return bundled;
            }
            throw new CalendarDataException("Holiday data not loaded: hub.calendar.location " + path
                    + " does not exist (prefix it with 'optional:' if it may be absent)");
        }
        CalendarData merged = bundled.merge(CalendarData.read(resource, path));
        merged.replaced().forEach(r -> log.warn("Holiday data: {}", r));
        return merged;
    }

    /** Switches to {@code next} (from {@link #load}); returns the data used until now. */
    public CalendarData use(CalendarData next) {
        CalendarData before = data;
        data = next;
        log.info("Working-day calendar from {} covers {}", next.sources(), next.years());
        return before;
    }

    public CalendarData data() {
        return data;
    }

    /** Where the data beyond the bundled file is read from ({@code hub.calendar.location}), or null. */
    public String location() {
        return location;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(data, day);
    }

    static boolean isWorkingDay(CalendarData data, LocalDate day) {
        CalendarData.Line line = data.line(day);
        if (line != null) {
            return line.working();
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}th working day after {@code start} (start itself not counted): the last day of an n-working-day period. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return deadline(start, n).due();
    }

    /**
     * The last day of an n-working-day period after {@code start} (ROS-03, ROS-11, PUB-03, PUB-04, PUB-06), and its basis:
     * {@code PROVISIONAL_CALENDAR} when a year of the period (start, due] is not covered by the data, so it was counted on
     * weekdays only there.
     */
    public Deadline deadline(LocalDate start, int n) {
        CalendarData d = data;
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(d, day)) {
                counted++;
            }
        }
        boolean covered = true;
        for (int y = start.plusDays(1).getYear(); y <= day.getYear() && covered; y++) {
            covered = d.covers(y);
        }
        return new Deadline(day, covered ? DeadlineBasis.CALENDAR : DeadlineBasis.PROVISIONAL_CALENDAR);
    }

    /** Working days in (start, end]; zero when end is not after start. */
    public int workingDaysBetween(LocalDate start, LocalDate end) {
        CalendarData d = data;
        int n = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (isWorkingDay(d, day)) {
                n++;
            }
        }
        return n;
    }

    /** True when the holiday data covers the year; outside it only weekends are known. */
    public boolean covers(int year) {
        return data.covers(year);
    }

    public SortedSet<Integer> coveredYears() {
        return data.years();
    }

    /** The first day in [from, from + days) of a year the data does not cover, or null when it covers them all. */
    public LocalDate firstUncoveredDay(LocalDate from, int days) {
        CalendarData d = data;
        LocalDate last = from.plusDays(days - 1L);
        for (int y = from.getYear(); y <= last.getYear(); y++) {
            if (!d.covers(y)) {
                return y == from.getYear() ? from : LocalDate.of(y, 1, 1);
            }
        }
        return null;
    }
}
