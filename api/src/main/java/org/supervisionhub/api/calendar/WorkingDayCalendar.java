package org.supervisionhub.api.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Working days (工作日) as the State Council's holiday notices define them: Monday to Friday, minus
 * public holidays, plus weekend days declared working days. The data is a file kept in the
 * repository because the adjusted days are announced year by year; no library tracks them.
 */
@Component
public class WorkingDayCalendar {

    private final Map<LocalDate, Boolean> overrides;
    private final TreeSet<Integer> years = new TreeSet<>();

    public WorkingDayCalendar() {
        this(load("calendar/cn-public-holidays.csv"));
    }

    WorkingDayCalendar(Map<LocalDate, Boolean> overrides) {
        this.overrides = Map.copyOf(overrides);
        overrides.keySet().forEach(d -> years.add(d.getYear()));
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean override = overrides.get(day);
        if (override != null) {
            return override;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}th working day after {@code start} (start itself not counted): the last day of an n-working-day period. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days in (start, end]; zero when end is not after start. */
    public int workingDaysBetween(LocalDate start, LocalDate end) {
        int n = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** True when the holiday data covers the year; outside it only weekends are known. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    private static Map<LocalDate, Boolean> load(String resource) {
        Map<LocalDate, Boolean> out = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(reader)) {
                out.put(LocalDate.parse(r.get("date")), "WORKDAY".equals(r.get("kind")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
