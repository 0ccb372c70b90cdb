package org.supervisionhub.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.done;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.sampling.InspectionAssignment.Assignee;

/** The rules of an inspection's inspectors after the random match ({@link InspectionAssignment}), each test naming its rule. */
class InspectionAssignmentTest {

    static final LocalDate ON = LocalDate.of(2027, 4, 1);
    static final List<Assignee> TEAM = List.of(new Assignee("P1", false), new Assignee("P2", true), new Assignee("P3", false));

    static InspectionAssignment inspection(InspectionStatus status, LocalDate plannedOn, boolean flagged) {
        return new InspectionAssignment("D1-I1", status, plannedOn, flagged, TEAM);
    }

    @Test
    void onlyAnActiveInspectionChangesItsInspectorsASSIGN04() {
        assertThat(inspection(InspectionStatus.ACTIVE, ON, false).changeable()).isEmpty();
        assertThat(refusals(inspection(InspectionStatus.REPLACED, ON, false).changeable())).containsExactly("ILLEGAL_TRANSITION id ASSIGN-04");
        assertThat(refusals(inspection(InspectionStatus.DEFERRED, null, false).changeable())).containsExactly("ILLEGAL_TRANSITION id ASSIGN-04");
    }

    @Test
    void inspectorsChangeOnlyOnceMatchedASSIGN01() {
        assertThat(refusals(inspection(InspectionStatus.ACTIVE, null, false).changeable())).containsExactly("ILLEGAL_TRANSITION id ASSIGN-01");
    }

    @Test
    void onlyAnInspectorStillOnTheTeamIsSubstitutedASSIGN04() {
        InspectionAssignment i = inspection(InspectionStatus.ACTIVE, ON, false);
        assertThat(i.substitutable("P1")).isEmpty();
        assertThat(refusals(i.substitutable("P2"))).containsExactly("NOT_FOUND inspectorId ASSIGN-04");
        assertThat(refusals(i.substitutable("P9"))).containsExactly("NOT_FOUND inspectorId ASSIGN-04");
        assertThat(i.missing(3)).isEqualTo(1);
    }

    @Test
    void anInspectorSubstitutedOutNoLongerActsONSITE02_ASSIGN04() {
        InspectionAssignment i = inspection(InspectionStatus.ACTIVE, ON, false);
        assertThat(i.standing("P1")).isEqualTo(InspectionAssignment.Standing.ON_TEAM);
        assertThat(i.standing("P2")).isEqualTo(InspectionAssignment.Standing.SUBSTITUTED_OUT);
        assertThat(i.standing("P9")).isEqualTo(InspectionAssignment.Standing.NOT_ON_TEAM);
    }

    @Test
    void onlyAFlaggedInspectionIsMatchedWithNeighboursWhenTheTaskAllowsASSIGN08() {
        assertThat(inspection(InspectionStatus.ACTIVE, ON, true).neighbourMatchable("T1", true)).isEmpty();
        assertThat(refusals(inspection(InspectionStatus.ACTIVE, ON, true).neighbourMatchable("T1", false)))
                .containsExactly("ILLEGAL_TRANSITION id ASSIGN-08");
        assertThat(refusals(inspection(InspectionStatus.ACTIVE, ON, false).neighbourMatchable("T1", true)))
                .containsExactly("ILLEGAL_TRANSITION id ASSIGN-08");
    }

    @Test
    void aDirectAssignmentNamesAtLeastOneInspectorASSIGN08() {
        assertThat(refusals(InspectionAssignment.named(List.of()))).containsExactly("REQUIRED inspectorIds ASSIGN-08");
        assertThat(InspectionAssignment.named(List.of("P4"))).isEmpty();
        assertThat(InspectionAssignment.named(null)).isEmpty();
    }

    @Test
    void directlyAssignedInspectorsAreQualifiedASSIGN02() {
        InspectionAssignment i = inspection(InspectionStatus.ACTIVE, ON, true);
        assertThat(refusals(i.direct(List.of("P4", "P5"), List.of("P4"), Map.of(), "HRSS-430102", ON, 3)))
                .containsExactly("INVALID_VALUE inspectorIds[1] ASSIGN-02");
    }

    @Test
    void directlyAssignedInspectorsHaveNoConflictASSIGN03() {
        InspectionAssignment i = inspection(InspectionStatus.ACTIVE, ON, true);
        assertThat(refusals(i.direct(List.of("P4", "P1"), List.of("P1", "P4"), Map.of("P4", List.of("DECLARED_CONFLICT")), "HRSS-430102", ON, 3)))
                .containsExactly("INVALID_VALUE inspectorIds[0] ASSIGN-03", "CONFLICT inspectorIds[1] null");
    }

    @Test
    void aDirectAssignmentCompletesTheTeamOrStaysFlaggedASSIGN08() {
        InspectionAssignment i = inspection(InspectionStatus.ACTIVE, ON, true);
        assertThat(done(i.direct(List.of("P4", "P4"), List.of("P4", "P5"), Map.of(), "HRSS-430102", ON, 3)))
                .isEqualTo(new InspectionAssignment.Direct(List.of("P4"), false));
        assertThat(done(i.direct(List.of("P4"), List.of("P4"), Map.of(), "HRSS-430102", ON, 4)).flagged()).isTrue();
    }

    @Test
    void eachDepartmentMatchesTheInspectionsItCarriesOutASSIGN14() {
        SamplingDraw draw = new SamplingDraw(new DrawId("D1"), new TaskId("T1"), DrawStatus.EXECUTED, List.of(), "");
        assertThat(draw.waitingFor("HRSS-430102", 2)).isEmpty();
        assertThat(refusals(draw.waitingFor("HRSS-430103", 0))).containsExactly("ILLEGAL_TRANSITION departmentId ASSIGN-14");
    }

    @Test
    void anInspectorRecusedAtTheDrawOrWithAConflictTodayDoesNotActASSIGN03() {
        assertThat(InspectionAssignment.recusal(java.util.List.of("YEARLY_CAP"), java.util.List.of("RECENT_VISIT"))).isEmpty();
        assertThat(InspectionAssignment.recusal(java.util.List.of("RECENT_VISIT", "YEARLY_CAP"), java.util.List.of("DECLARED_CONFLICT", "RECENT_VISIT")))
                .containsExactly("DECLARED_CONFLICT", "RECENT_VISIT");
        assertThat(InspectionAssignment.recusal(java.util.List.of(), java.util.List.of("LINKED_TO_RELATED_PERSON", "LINKED_TO_ENTERPRISE")))
                .containsExactly("LINKED_TO_ENTERPRISE", "LINKED_TO_RELATED_PERSON");
    }
}
