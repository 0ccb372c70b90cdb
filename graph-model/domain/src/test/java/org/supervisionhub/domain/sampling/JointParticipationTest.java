package org.supervisionhub.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.done;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The rules of a department's part in a joint task ({@link JointParticipation}), each test naming its rule. */
class JointParticipationTest {

    static final String PARTICIPANT = "MR-430102";
    static final TaskItem OWN = new TaskItem("M1", "MC1", List.of("ON_SITE"), false, null, true, PARTICIPANT, "REGULAR");
    static final TaskItem THE_LEADS = TaskDraftTest.I1;
    static final Map<String, String> UNITS = Map.of("U1", PARTICIPANT, "U2", "HRSS-430102");

    static TaskData task() {
        return done(TaskDraftTest.OK.validate(TaskDraftTest.FACTS));
    }

    static List<String> confirm(List<String> itemIds, Map<String, TaskItem> items, Integer count, List<String> units) {
        return refusals(JointParticipation.confirmable(task(), PARTICIPANT, Set.of(PARTICIPANT, "MR-430100"), itemIds, items, count,
                units, UNITS));
    }

    @Test
    void aParticipantConfirmsWithItemsOfItsOwnAndInspectorsOfItsOwnUnitsPLAN15() {
        assertThat(confirm(List.of("M1"), Map.of("M1", OWN), 2, List.of("U1"))).isEmpty();
        // Null is the required check's (the adapter's), not refused twice.
        assertThat(confirm(null, Map.of(), null, List.of())).isEmpty();
    }

    @Test
    void aParticipantInspectsAtLeastOneItemPLAN15() {
        assertThat(refusals(JointParticipation.itemsNamed(List.of()))).containsExactly("REQUIRED itemIds PLAN-15");
        assertThat(confirm(List.of(), Map.of(), 1, List.of())).containsExactly("REQUIRED itemIds PLAN-15");
    }

    @Test
    void aParticipantContributesItemsOfItsOwnChecklistsNotTheLeadsPLAN15_CHK07() {
        assertThat(confirm(List.of("I1", "X"), Map.of("I1", THE_LEADS), 1, List.of()))
                .containsExactly("INVALID_VALUE itemIds[0] CHK-07", "NOT_FOUND itemIds[1] CHK-07");
    }

    @Test
    void aParticipantSendsOneToTenInspectorsASSIGN13() {
        assertThat(refusals(JointParticipation.inspectorCount(0))).containsExactly("INVALID_VALUE inspectorCount ASSIGN-13");
        assertThat(refusals(JointParticipation.inspectorCount(11))).containsExactly("INVALID_VALUE inspectorCount ASSIGN-13");
        assertThat(JointParticipation.inspectorCount(1)).isEmpty();
        assertThat(JointParticipation.inspectorCount(JointParticipation.MAX_INSPECTORS)).isEmpty();
        assertThat(confirm(List.of("M1"), Map.of("M1", OWN), 0, List.of())).containsExactly("INVALID_VALUE inspectorCount ASSIGN-13");
    }

    @Test
    void aParticipantDrawsInspectorsFromItsOwnUnitsASSIGN07() {
        assertThat(confirm(List.of("M1"), Map.of("M1", OWN), 1, List.of("U1", "U2")))
                .containsExactly("INVALID_VALUE rosterScope.unitIds[1] ASSIGN-07");
    }

    static List<String> invite(List<String> ids, Set<String> invited) {
        return refusals(JointParticipation.invitable("HRSS-430100", "430100", Set.of("430100", "430102"), invited, ids,
                Map.of("HRSS-430100", "430100", PARTICIPANT, "430102", "MR-430200", "430200")));
    }

    @Test
    void theLeadInvitesDepartmentsOfAnySectorWithinItsJurisdictionEachOncePLAN15() {
        assertThat(invite(List.of(PARTICIPANT), Set.of())).isEmpty();
        assertThat(invite(List.of(), Set.of())).containsExactly("REQUIRED departmentIds PLAN-15");
        assertThat(JointParticipation.invitable("L", "430100", Set.of(), Set.of(), null, Map.of())).as("null: the required check's").isEmpty();
        assertThat(invite(List.of("HRSS-430100", PARTICIPANT, "MR-430200", "NOPE"), Set.of(PARTICIPANT))).containsExactly(
                "INVALID_VALUE departmentIds[0] PLAN-15", "CONFLICT departmentIds[1] PLAN-15", "INVALID_VALUE departmentIds[2] PLAN-15",
                "NOT_FOUND departmentIds[3] null");
    }

    @Test
    void aDepartmentDeclinesWithAReasonPLAN15() {
        assertThat(JointParticipation.declinable("人手不足")).isEmpty();
        assertThat(JointParticipation.declinable(null)).as("null: the required check's").isEmpty();
        assertThat(refusals(JointParticipation.declinable("  "))).containsExactly("REQUIRED reason PLAN-15");
        assertThat(refusals(JointParticipation.declinable("x".repeat(TaskRules.MAX_REASON + 1)))).containsExactly("INVALID_VALUE reason null");
    }
}
