package org.supervisionhub.graph.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Value types of stored working-day deadlines. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * How a working-day deadline was computed: on holiday data covering every year it spans ({@code CALENDAR}), or on
     * weekdays only for a year the data does not declare ({@code PROVISIONAL_CALENDAR}); a provisional deadline is
     * recomputed when the year's data is added.
     */
    public enum DeadlineBasis { CALENDAR, PROVISIONAL_CALENDAR }

    /**
     * The stored deadlines, by the node label and property that hold them. Each stores its inputs next to it
     * ({@code <property>From}: the day counting starts after; {@code <property>WorkingDays}: n) and its basis
     * ({@code <property>Basis}), so it can be recomputed.
     */
    public enum DeadlineKind {
        /** PUB-03, PUB-04: {@code InspectionResult.publishBy}. */
        RESULT_PUBLICATION("InspectionResult", "publishBy", "PUB-03, PUB-04"),
        /** PUB-06: {@code PenaltyDecision.publishBy}. */
        PENALTY_PUBLICATION("PenaltyDecision", "publishBy", "PUB-06");

        private final String label;
        private final String property;
        private final String rule;

        DeadlineKind(String label, String property, String rule) {
            this.label = label;
            this.property = property;
            this.rule = rule;
        }

        public String label() {
            return label;
        }

        public String property() {
            return property;
        }

        public String rule() {
            return rule;
        }
    }

    /** One stored deadline: what it belongs to (and that owner's department), its inputs (n working days after {@code from}), its day and basis. */
    public record StoredDeadline(DeadlineKind kind, String ownerId, String departmentId, LocalDate from, Integer workingDays, LocalDate due, DeadlineBasis basis) {
    }

    /** A recomputation of a stored deadline (when the calendar data changed): before and after, when and why. */
    public record DeadlineChange(DeadlineKind kind, String ownerId, LocalDate from, Integer workingDays, LocalDate before,
                                 DeadlineBasis basisBefore, LocalDate after, DeadlineBasis basisAfter, OffsetDateTime at, String reason,
                                 String actor) {
    }
}
