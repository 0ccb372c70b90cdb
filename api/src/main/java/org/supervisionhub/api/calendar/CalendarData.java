package org.supervisionhub.api.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * Holiday data as read from one or more files, validated and merged.
 *
 * <p>File format (UTF-8 CSV): {@code #} starts a comment line; the first other line is the header {@code date,kind,name};
 * then one line per day: an ISO date, {@code HOLIDAY} (a day off even if a weekday) or {@code WORKDAY} (a working day
 * even on a weekend, 调休), and a name (may contain commas). Every other Monday–Friday is a working day.
 *
 * <p>Coverage: a file covers every year it has a line for, and every year it declares on a comment line
 * {@code # covers: 2027} (several: {@code # covers: 2027, 2028}) — so a year whose notice moves no day can still be
 * declared. Working-day deadlines that need a year no file covers are provisional.
 *
 * <p>Merging: files are read in order (the bundled one first, then {@code hub.calendar.location}); a later file's line
 * for a day an earlier one already has replaces it (so an operator corrects bundled data without a rebuild), and the
 * replacement is reported in {@link #replaced()}. Within one file a day may appear only once.
 */
public final class CalendarData {

    /** A day's line: HOLIDAY (false: not a working day) or WORKDAY, with where it was read. */
    public record Line(LocalDate date, boolean working, String name, String source, int line) {
        String kind() {
            return working ? "WORKDAY" : "HOLIDAY";
        }
    }

    static final String HEADER = "date,kind,name";
    private static final Pattern COVERS = Pattern.compile("^#\\s*covers\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final Map<LocalDate, Line> lines;
    private final SortedSet<Integer> years;
    private final List<String> sources;
    private final List<String> replaced;

    private CalendarData(Map<LocalDate, Line> lines, SortedSet<Integer> years, List<String> sources, List<String> replaced) {
        this.lines = Map.copyOf(lines);
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        this.sources = List.copyOf(sources);
        this.replaced = List.copyOf(replaced);
    }

    /** The data of one file's text, {@code source} naming it in errors. */
    public static CalendarData parse(String source, String text) {
        Map<LocalDate, Line> out = new LinkedHashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        boolean header = false;
        String[] rows = text.split("\\R", -1);
        for (int i = 0; i < rows.length; i++) {
            int n = i + 1;
            String row = i == 0 && rows[i].startsWith("\uFEFF") ? rows[i].substring(1) : rows[i];
            String trimmed = row.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                Matcher m = COVERS.matcher(trimmed);
                if (m.matches()) {
                    for (String y : m.group(1).split("[,\\s]+")) {
                        if (y.isEmpty()) {
                            continue;
                        }
                        if (YEAR.matcher(y).matches()) {
                            years.add(Integer.parseInt(y));
                        } else {
                            problems.add(source + " line " + n + ": '# covers:' takes years (2027, 2028), not '" + y + "'");
                        }
                    }
                }
                continue;
            }
            if (!header) {
                if (!HEADER.equals(trimmed.replace(" ", ""))) {
                    problems.add(source + " line " + n + ": the header must be '" + HEADER + "', not '" + trimmed + "'");
                    break;
                }
                header = true;
                continue;
            }
            String[] cells = trimmed.split(",", 3);
            if (cells.length < 2) {
                problems.add(source + " line " + n + ": expected date,kind,name, got '" + trimmed + "'");
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[0].strip());
            } catch (DateTimeParseException e) {
                problems.add(source + " line " + n + ": '" + cells[0].strip() + "' is not a date (yyyy-MM-dd)");
                continue;
            }
            String kind = cells[1].strip();
            if (!"HOLIDAY".equals(kind) && !"WORKDAY".equals(kind)) {
                problems.add(source + " line " + n + ": kind '" + kind + "' is neither HOLIDAY nor WORKDAY");
                continue;
            }
            Line line = new Line(date, "WORKDAY".equals(kind), cells.length > 2 ? cells[2].strip() : "", source, n);
            Line before = out.putIfAbsent(date, line);
            if (before != null) {
                problems.add(source + " line " + n + ": " + date + " is already on line " + before.line());
                continue;
            }
            years.add(date.getYear());
        }
        if (!header && problems.isEmpty()) {
            problems.add(source + ": no header line '" + HEADER + "'");
        }
        if (!problems.isEmpty()) {
            throw new CalendarDataException("Holiday data not loaded: " + String.join("; ", problems));
        }
        return new CalendarData(out, years, List.of(source), List.of());
    }

    /** Reads a resource (UTF-8), named by {@code description} in errors. */
    public static CalendarData read(Resource resource, String description) {
        String text;
        try {
            text = resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CalendarDataException("Holiday data not loaded: cannot read " + description + " (" + e.getMessage() + ")", e);
        }
        return parse(description, text);
    }

    /** This data with {@code later}'s merged over it: later lines replace earlier ones for the same day; coverage is the union. */
    public CalendarData merge(CalendarData later) {
        Map<LocalDate, Line> out = new HashMap<>(lines);
        List<String> replacedNow = new ArrayList<>(replaced);
        for (Line l : later.lines.values()) {
            Line before = out.put(l.date(), l);
            if (before != null && before.working() != l.working()) {
                replacedNow.add(l.date() + ": " + before.kind() + " (" + before.source() + " line " + before.line() + ") replaced by "
                        + l.kind() + " (" + l.source() + " line " + l.line() + ")");
            }
        }
        SortedSet<Integer> y = new TreeSet<>(years);
        y.addAll(later.years);
        List<String> s = new ArrayList<>(sources);
        s.addAll(later.sources);
        return new CalendarData(out, y, s, replacedNow);
    }

    /** The day's line, or null for an ordinary day. */
    Line line(LocalDate day) {
        return lines.get(day);
    }

    public SortedSet<Integer> years() {
        return years;
    }

    public List<String> sources() {
        return sources;
    }

    /** Days whose line a later file replaced with the other kind. */
    public List<String> replaced() {
        return replaced;
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    /**
     * The days where this data and {@code other} differ: a line added, removed or of the other kind, and every day of a
     * year one covers and the other does not; as the first and last such day, or null when none.
     */
    public LocalDate[] differenceFrom(CalendarData other) {
        LocalDate first = null;
        LocalDate last = null;
        Set<LocalDate> days = new java.util.HashSet<>(lines.keySet());
        days.addAll(other.lines.keySet());
        for (LocalDate d : days) {
            Line a = lines.get(d);
            Line b = other.lines.get(d);
            if (a == null || b == null || a.working() != b.working()) {
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        Set<Integer> allYears = new TreeSet<>(years);
        allYears.addAll(other.years);
        for (int year : allYears) {
            if (years.contains(year) != other.years.contains(year)) {
                LocalDate a = LocalDate.of(year, 1, 1);
                LocalDate b = LocalDate.of(year, 12, 31);
                first = first == null || a.isBefore(first) ? a : first;
                last = last == null || b.isAfter(last) ? b : last;
            }
        }
        return first == null ? null : new LocalDate[] {first, last};
    }
}
