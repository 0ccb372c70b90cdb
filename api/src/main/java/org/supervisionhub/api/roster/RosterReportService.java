package org.supervisionhub.api.roster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.api.calendar.WorkingDayCalendar;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.graph.roster.Roster.Change;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * Measures roster changes against the update deadline: ROS-03 (targets: N working days from
 * discovery) and ROS-11 (inspectors: N working days from occurrence); N is configurable (QD: 5).
 */
@Service
public class RosterReportService {

    public record RosterUpdate(String roster, String kind, String subjectKey, LocalDate occurredOn, LocalDate discoveredOn,
                               java.time.OffsetDateTime recordedAt, LocalDate startDate, LocalDate deadline,
                               int workingDaysTaken, boolean late, DeadlineBasis deadlineBasis) {
    }

    public record Report(String roster, int deadlineWorkingDays, List<RosterUpdate> all, List<RosterUpdate> shown) {
        public int total() {
            return all.size();
        }

        public int late() {
            return (int) all.stream().filter(RosterUpdate::late).count();
        }
    }

    static final int MAX_PERIOD_DAYS = 366;

    private final RosterRepository roster;
    private final WorkingDayCalendar calendar;
    private final int deadlineDays;
    private final ZoneId zone;

    public RosterReportService(RosterRepository roster, WorkingDayCalendar calendar, HubProperties properties,
                               java.time.Clock clock) {
        this.roster = roster;
        this.calendar = calendar;
        this.deadlineDays = properties.roster().updateDeadlineWorkingDays();
        this.zone = clock.getZone();
    }

    /** @param visible which recorded changes the caller may count and see (its department tree); the rest are left out of totals too */
    public Report report(String rosterKind, LocalDate from, LocalDate to, boolean lateOnly, java.util.function.Predicate<Change> visible) {
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", ErrorCode.INVALID_VALUE, "to must not be before from", null);
        }
        if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            throw InvalidInputException.of("to", ErrorCode.INVALID_VALUE, "the period may span at most " + MAX_PERIOD_DAYS + " days", null);
        }
        List<RosterUpdate> all = roster.changesRecorded(rosterKind, from.atStartOfDay(zone).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()).stream()
                .filter(visible).map(this::measure).toList();
        return new Report(rosterKind, deadlineDays, all, lateOnly ? all.stream().filter(RosterUpdate::late).toList() : all);
    }

    private RosterUpdate measure(Change c) {
        // ROS-03 counts from discovery for targets; ROS-11 from occurrence for inspectors.
        LocalDate start = "TARGET".equals(c.roster()) && c.discoveredOn() != null ? c.discoveredOn() : c.occurredOn();
        LocalDate recorded = c.recordedAt().atZoneSameInstant(zone).toLocalDate();
        // Computed on each report from the current calendar (not stored): provisional while a year it spans is not covered.
        WorkingDayCalendar.Deadline deadline = calendar.deadline(start, deadlineDays);
        return new RosterUpdate(c.roster(), c.kind(), c.subjectKey(), c.occurredOn(), c.discoveredOn(), c.recordedAt(),
                start, deadline.due(), calendar.workingDaysBetween(start, recorded), recorded.isAfter(deadline.due()), deadline.basis());
    }
}
