package org.supervisionhub.graph.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Value types of the rosters. */
public final class Roster {

    private Roster() {
    }

    public record Inspector(String inspectorId, String name, String gender, Integer birthYear, String certificateNo,
                            LocalDate certificateValidFrom, LocalDate certificateValidTo, String enforcementCategory,
                            List<String> expertise, String phone, String position, LocalDate onRosterFrom,
                            LocalDate onRosterTo, String unitId, String departmentId, String personId) {
    }

    public record InspectorData(String inspectorId, String name, String gender, Integer birthYear, String certificateNo,
                                LocalDate certificateValidFrom, LocalDate certificateValidTo, String enforcementCategory,
                                List<String> expertise, String phone, String position, LocalDate onRosterFrom,
                                LocalDate onRosterTo, String unitId, String personId) {
    }

    /** A declared conflict of interest of an inspector with an enterprise or a person. */
    public record Conflict(String inspectorId, String targetKind, String targetKey, String reason, LocalDate declaredOn) {
    }

    public record InspectorFilter(List<String> unitIds, List<String> expertise, LocalDate certificateValidOn,
                                  LocalDate onRosterOn, String nameContains) {
    }

    /** When a roster entry changed ({@code occurredOn}), was discovered, and was recorded in the hub. */
    public record Change(String id, String roster, String kind, String subjectKey, LocalDate occurredOn,
                         LocalDate discoveredOn, OffsetDateTime recordedAt, Owner owner) {
        public Change(String id, String roster, String kind, String subjectKey, LocalDate occurredOn,
                      LocalDate discoveredOn, OffsetDateTime recordedAt) {
            this(id, roster, kind, subjectKey, occurredOn, discoveredOn, recordedAt, null);
        }
    }

    /**
     * Whose roster a change was made to, for scoping reports: a target's region and an inspector's department, both as
     * the change recorded them (null where the query does not read them).
     */
    public record Owner(String regionCode, String departmentId) {
    }
}
