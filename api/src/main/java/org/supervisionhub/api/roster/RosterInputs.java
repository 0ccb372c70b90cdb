package org.supervisionhub.api.roster;

import java.time.LocalDate;
import java.util.List;

import org.supervisionhub.api.directory.DirectoryInputs.PartyInput;
import org.supervisionhub.api.directory.DirectoryInputs.RosterChangeInput;

/** GraphQL input types of the roster area. */
public final class RosterInputs {

    private RosterInputs() {
    }

    public record InspectorScope(String departmentId, String unitId, Boolean includeSubordinates) {
    }

    public record InspectorFilterInput(List<String> expertise, LocalDate certificateValidOn, LocalDate onRosterOn,
                                       String nameContains) {
    }

    public record InspectorInput(String inspectorId, String name, String gender, Integer birthYear, String certificateNo,
                                 LocalDate certificateValidFrom, LocalDate certificateValidTo, String enforcementCategory,
                                 List<String> expertise, String phone, String position, String unitId,
                                 LocalDate onRosterFrom, LocalDate onRosterTo, String personId, RosterChangeInput change) {
    }

    public record ConflictInput(String inspectorId, PartyInput counterpart, String reason, LocalDate declaredOn) {
    }
}
