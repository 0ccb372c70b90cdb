package org.supervisionhub.domain.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A change to a roster entry, dated for the update deadline: a target's (the enterprise roster) counts from the day it
 * was discovered (ROS-03), an inspector's from the day it occurred (ROS-11). Subjects of violations: {@code occurredOn},
 * {@code discoveredOn}.
 */
public record RosterChange(Roster roster, LocalDate occurredOn, LocalDate discoveredOn) {

    /** The two rosters. */
    public enum Roster { TARGET, INSPECTOR }

    /** ROS-03: a target change occurred and was discovered (both default to today), discovered not before it occurred nor in the future. */
    public static Outcome<RosterChange> target(LocalDate occurredOn, LocalDate discoveredOn, LocalDate today) {
        LocalDate occurred = occurredOn != null ? occurredOn : today;
        LocalDate discovered = discoveredOn != null ? discoveredOn : today;
        List<Violation> all = new ArrayList<>();
        if (discovered.isBefore(occurred)) {
            all.add(new Violation(Kind.INVALID_VALUE, "discoveredOn", "not before occurredOn (" + occurred + ")", null));
        }
        if (discovered.isAfter(today)) {
            all.add(new Violation(Kind.INVALID_VALUE, "discoveredOn", "in the future", "ROS-03"));
        }
        return all.isEmpty() ? Outcome.done(new RosterChange(Roster.TARGET, occurred, discovered)) : new Outcome.Refused<>(all);
    }

    /** ROS-11: an inspector change occurred (default today), not in the future; the hub learns of it when it occurs. */
    public static Outcome<RosterChange> inspector(LocalDate occurredOn, LocalDate today) {
        LocalDate occurred = occurredOn != null ? occurredOn : today;
        if (occurred.isAfter(today)) {
            return Outcome.refused(new Violation(Kind.INVALID_VALUE, "occurredOn", "in the future", "ROS-11"));
        }
        return Outcome.done(new RosterChange(Roster.INSPECTOR, occurred, occurred));
    }

    /** ROS-03 counts from discovery, ROS-11 from occurrence: the day the update deadline runs from. */
    public LocalDate deadlineFrom() {
        return roster == Roster.TARGET ? discoveredOn : occurredOn;
    }
}
