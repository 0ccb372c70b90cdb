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
}
