package org.supervisionhub.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.done;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.sampling.TaskDraft.Complaints;
import org.supervisionhub.domain.sampling.TaskDraft.Criteria;
import org.supervisionhub.domain.sampling.TaskDraft.Roster;
import org.supervisionhub.domain.sampling.TaskDraft.Stratum;
import org.supervisionhub.domain.sampling.TaskDraft.Triggers;

/** The rules a task's input obeys ({@link TaskDraft}, {@link TaskRules}), without a database: each test names its rule. */
class TaskDraftTest {

    static final String DEPT = "HRSS-430102";
    static final TaskItem I1 = new TaskItem("I1", "C1", List.of("ON_SITE", "WRITTEN"), false, null, true, "HRSS-430100", "REGULAR");
    static final TaskItem GENERAL = new TaskItem("I2", "C2", List.of("ON_SITE"), true, "0.1", true, DEPT, "REGULAR");
    static final TaskItem DRAFT = new TaskItem("I3", "C3", List.of("ON_SITE"), false, null, false, DEPT, "REGULAR");
    static final TaskItem FOREIGN = new TaskItem("I4", "C4", List.of("ON_SITE"), false, null, true, "MR-430102", "REGULAR");
    static final TaskItem TRIGGERED = new TaskItem("I5", "C5", List.of("ON_SITE"), false, null, true, DEPT, "TRIGGERED");
    static final Map<String, TaskItem> ITEMS = Map.of("I1", I1, "I2", GENERAL, "I3", DRAFT, "I4", FOREIGN, "I5", TRIGGERED);
    static final TaskDraft.Facts FACTS = new TaskDraft.Facts(2027, DEPT, "COUNTY", Set.of(DEPT, "HRSS-430100"), ITEMS,
            Set.of("430102"), Map.of("U1", DEPT, "U9", "HRSS-430103"));

    static List<Stratum> classes(String ratio) {
        return List.of(new Stratum("A", ratio), new Stratum("B", ratio), new Stratum("C", ratio), new Stratum("D", ratio));
    }

    static TaskDraft draft(List<String> items, String method, String kind, String mode, Criteria criteria, String strataBy, List<Stratum> strata) {
        return new TaskDraft("劳动合同", kind, items, method, mode, criteria, strataBy, strata, null, null,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30), null, null, null, null, null, null, null);
    }

    static final TaskDraft OK = draft(List.of("I1"), "ON_SITE", null, null, null, null, classes("0.05"));

    static TaskDraft with(TaskDraft d, Complaints rule, Triggers triggers, String kind) {
        return new TaskDraft(d.title(), kind, d.itemIds(), d.method(), d.mode(), d.criteria(), d.strataBy(), d.strata(), rule, triggers,
                d.windowStart(), d.windowEnd(), d.batches(), d.inspectorsPerInspection(), d.expertise(), d.rosterScope(), d.origin(),
                d.dispatchLevel(), d.announced());
    }

    static List<String> refused(TaskDraft d) {
        return refusals(d.validate(FACTS));
    }

    @Test
    void aValidTaskTakesItsDefaults() {
        TaskData data = done(OK.validate(FACTS));
        assertThat(data.kind()).isEqualTo(TaskKind.REGULAR);
        assertThat(data.mode()).isEqualTo(DrawMode.UNDIRECTED);
        assertThat(data.strataBy()).isEqualTo("CREDIT_RISK_CLASS");
        assertThat(data.batches()).isEqualTo(1);
        assertThat(data.inspectorsPerInspection()).isEqualTo(2);
        assertThat(data.origin()).isEqualTo(DrawOrigin.SELF);
        assertThat(data.announced()).isTrue();
        assertThat(data.strata()).extracting(TaskData.StratumRatio::ratio).containsOnly("0.05");
    }

    @Test
    void requiredPartsAndAtLeastOneItemPLAN01() {
        TaskDraft none = new TaskDraft(" ", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(refused(none)).contains("REQUIRED title null", "REQUIRED itemIds null", "REQUIRED method null",
                "REQUIRED windowStart null", "REQUIRED windowEnd null", "REQUIRED strata null");
        assertThat(refused(draft(List.of(), "ON_SITE", null, null, null, null, classes("0.05")))).containsExactly("REQUIRED itemIds PLAN-01");
    }

    @Test
    void aRatioIsAnExactDecimalInZeroToOneDRAW04() {
        assertThat(done(TaskRules.ratio(" 0.050 ", "r"))).isEqualTo(new BigDecimal("0.05"));
        assertThat(done(TaskRules.ratio("1", "r"))).isEqualTo(BigDecimal.ONE);
        assertThat(refusals(TaskRules.ratio("0", "r"))).containsExactly("INVALID_VALUE r DRAW-04");
        assertThat(refusals(TaskRules.ratio("1.01", "r"))).containsExactly("INVALID_VALUE r DRAW-04");
        assertThat(refusals(TaskRules.ratio("0.0000001", "r"))).containsExactly("INVALID_VALUE r DRAW-04");
        assertThat(refusals(TaskRules.ratio("5%", "r"))).containsExactly("INVALID_VALUE r DRAW-04");
        assertThat(refusals(TaskRules.ratio(" ", "r"))).containsExactly("REQUIRED r null");
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, null, null, null,
                List.of(new Stratum("A", "0.05"), new Stratum("B", "2"), new Stratum("C", "0.05"), new Stratum("D", "x")))))
                .containsExactly("INVALID_VALUE strata[1].ratio DRAW-04", "INVALID_VALUE strata[3].ratio DRAW-04");
    }

    @Test
    void anUndirectedDrawHasNoCriteriaADirectedOneNamesOneKnownDRAW05() {
        Criteria region = new Criteria(null, null, null, List.of("430102"));
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, null, region, null, classes("0.05")))).containsExactly("INVALID_VALUE criteria DRAW-05");
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, "DIRECTED", null, null, classes("0.05")))).containsExactly("REQUIRED criteria DRAW-05");
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, "SIDEWAYS", null, null, classes("0.05")))).containsExactly("INVALID_VALUE mode DRAW-05");
        Criteria unknown = new Criteria(List.of("COMPANY", "PIRATE"), null, null, List.of(" 430102", "999999"));
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, "DIRECTED", unknown, null, classes("0.05"))))
                .containsExactly("INVALID_VALUE criteria.orgTypes[1] DRAW-05", "NOT_FOUND criteria.regionCodes[1] DRAW-05");
        TaskData directed = done(draft(List.of("I1"), "ON_SITE", null, "DIRECTED", region, null, classes("0.05")).validate(FACTS));
        assertThat(directed.criteria().regionCodes()).containsExactly("430102");
    }

    @Test
    void strataByCreditRiskClassGiveEachClassARatioOnceUnstratifiedOneALLDRAW08() {
        List<Stratum> twice = List.of(new Stratum("A", "0.1"), new Stratum("A", "0.1"), new Stratum("B", "0.1"), new Stratum("X", "0.1"));
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, null, null, null, twice)))
                .containsExactly("CONFLICT strata[1].label DRAW-08", "INVALID_VALUE strata[3].label DRAW-08", "REQUIRED strata DRAW-08");
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, null, null, "NONE", List.of(new Stratum("A", "0.1")))))
                .containsExactly("INVALID_VALUE strata[0].label DRAW-08");
        assertThat(refused(draft(List.of("I1"), "ON_SITE", null, null, null, "SIZE", List.of(new Stratum("ALL", "0.1")))))
                .containsExactly("INVALID_VALUE strataBy DRAW-08");
        assertThat(done(draft(List.of("I1"), "ON_SITE", null, null, null, "NONE", List.of(new Stratum("ALL", "0.1"))).validate(FACTS)).strata())
                .containsExactly(new TaskData.StratumRatio("ALL", "0.1"));
    }

    @Test
    void aComplaintRuleRaisesTheRatioNeverLowersItDRAW09() {
        assertThat(refused(with(OK, new Complaints(0, 0, "0.01"), null, null))).containsExactly("INVALID_VALUE complaintRule.minComplaints DRAW-09",
                "INVALID_VALUE complaintRule.withinDays DRAW-09", "INVALID_VALUE complaintRule.ratio DRAW-09", "INVALID_VALUE complaintRule.ratio DRAW-09",
                "INVALID_VALUE complaintRule.ratio DRAW-09", "INVALID_VALUE complaintRule.ratio DRAW-09");
        assertThat(refused(with(OK, new Complaints(null, null, null), null, null)))
                .containsExactly("REQUIRED complaintRule.minComplaints null", "REQUIRED complaintRule.ratio null");
        TaskData data = done(with(OK, new Complaints(3, null, "0.2"), null, null).validate(FACTS));
        assertThat(data.complaintRule()).isEqualTo(new TaskData.ComplaintRule(3, 365, "0.2"));
    }

    @Test
    void aTriggeredTaskNamesKnownTriggerTypesOnlyItHasAScopeTRIG01() {
        Triggers scope = new Triggers(List.of("COMPLAINT_REPORT"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        TaskDraft triggered = with(draft(List.of("I5"), "ON_SITE", null, null, null, null, classes("0.05")), null, scope, "TRIGGERED");
        assertThat(done(triggered.validate(FACTS)).triggerScope().types()).containsExactly("COMPLAINT_REPORT");
        assertThat(refused(with(triggered, null, null, "TRIGGERED"))).containsExactly("REQUIRED triggerScope.types TRIG-01");
        assertThat(refused(with(triggered, null, new Triggers(List.of("RUMOUR"), scope.to(), scope.from()), "TRIGGERED")))
                .containsExactly("INVALID_VALUE triggerScope.types[0] TRIG-01", "INVALID_VALUE triggerScope.to null");
        assertThat(refused(with(OK, null, scope, null))).containsExactly("INVALID_VALUE triggerScope TRIG-01");
        assertThat(TaskRules.triggerType("COMPLAINT_REPORT", "type")).isEmpty();
        assertThat(refusals(TaskRules.triggerType("RUMOUR", "type"))).containsExactly("INVALID_VALUE type TRIG-01");
    }

    @Test
    void anItemAllowsTheTasksMethodWhichIsKnownMETH01() {
        assertThat(refused(draft(List.of("I2"), "WRITTEN", null, null, null, null, classes("0.01")))).containsExactly("INVALID_VALUE itemIds[0] METH-01");
        assertThat(refused(draft(List.of("I1"), "TELEPATHY", null, null, null, null, classes("0.05"))))
                .containsExactly("INVALID_VALUE method METH-01", "INVALID_VALUE itemIds[0] METH-01");
        assertThat(done(draft(List.of("I1"), "WRITTEN", null, null, null, null, classes("0.05")).validate(FACTS)).method())
                .isEqualTo(InspectionMethod.WRITTEN);
    }

    @Test
    void itemsArePublishedOnChecklistsOfTheDepartmentOrItsSuperiorsCHK07() {
        assertThat(refused(draft(List.of("I1", "I3", "I4", "I9"), "ON_SITE", null, null, null, null, classes("0.05"))))
                .containsExactly("INVALID_VALUE itemIds[1] CHK-07", "INVALID_VALUE itemIds[2] CHK-07", "NOT_FOUND itemIds[3] CHK-07");
    }

    @Test
    void aTaskTakesItemsOfChecklistsOfItsKindCHK09() {
        assertThat(refused(draft(List.of("I5"), "ON_SITE", null, null, null, null, classes("0.05")))).containsExactly("INVALID_VALUE itemIds[0] CHK-09");
        assertThat(refused(draft(List.of("I1"), "ON_SITE", "SPECIAL", null, null, null, classes("0.05")))).contains("INVALID_VALUE kind CHK-09");
    }

    @Test
    void aGeneralItemCapsTheRatioTimesTheBatchesDRAW07() {
        assertThat(done(draft(List.of("I1", "I2"), "ON_SITE", null, null, null, null, classes("0.1")).validate(FACTS)).itemIds()).containsExactly("I1", "I2");
        assertThat(refused(draft(List.of("I1", "I2"), "ON_SITE", null, null, null, null, classes("0.2")))).containsExactly("INVALID_VALUE strata DRAW-07");
    }

    @Test
    void batchesWindowAndOriginDRAW03_PLAN17_DRAW14() {
        TaskDraft d = new TaskDraft("t", null, List.of("I1"), "ON_SITE", null, null, null, classes("0.05"), null, null,
                LocalDate.of(2027, 6, 1), LocalDate.of(2028, 1, 1), 13, null, null, null, "SUPERIOR_UNIFIED", null, null);
        assertThat(refused(d)).containsExactly("INVALID_VALUE batches DRAW-03", "INVALID_VALUE windowEnd PLAN-17", "INVALID_VALUE dispatchLevel DRAW-14");
        TaskDraft self = new TaskDraft("t", null, List.of("I1"), "ON_SITE", null, null, null, classes("0.05"), null, null,
                LocalDate.of(2027, 6, 1), LocalDate.of(2027, 5, 1), null, null, null, null, null, "CITY", null);
        assertThat(refused(self)).containsExactly("INVALID_VALUE windowEnd null", "INVALID_VALUE dispatchLevel DRAW-14");
    }

    @Test
    void atLeastTwoInspectorsInspectASSIGN02() {
        TaskDraft one = new TaskDraft("t", null, List.of("I1"), "ON_SITE", null, null, null, classes("0.05"), null, null,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30), null, 1, null, null, null, null, null);
        assertThat(refused(one)).containsExactly("INVALID_VALUE inspectorsPerInspection ASSIGN-02");
    }

    @Test
    void aTaskDrawsInspectorsOfItsOwnUnitsASSIGN07() {
        TaskDraft units = new TaskDraft("t", null, List.of("I1"), "ON_SITE", null, null, null, classes("0.05"), null, null,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30), null, null, List.of(" 劳动 ", ""), new Roster(List.of("U1", "U9", "U0"), true),
                null, null, false);
        assertThat(refused(units)).containsExactly("INVALID_VALUE rosterScope.unitIds[1] ASSIGN-07", "INVALID_VALUE rosterScope.unitIds[2] ASSIGN-07");
        TaskDraft own = new TaskDraft("t", null, List.of("I1"), "ON_SITE", null, null, null, classes("0.05"), null, null,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 30), null, null, List.of(" 劳动 ", ""), new Roster(List.of("U1"), true),
                null, null, false);
        TaskData data = done(own.validate(FACTS));
        assertThat(data.rosterScope()).isEqualTo(new TaskData.RosterScope(List.of("U1"), true));
        assertThat(data.expertise()).containsExactly("劳动");
        assertThat(data.announced()).isFalse();
    }

    @Test
    void aLeadsChangeKeepsEveryParticipantsItemsValidPLAN15_CHK09_METH01_DRAW07() {
        TaskData written = done(draft(List.of("I1"), "WRITTEN", null, null, null, null, classes("0.2")).validate(FACTS));
        assertThat(refusals(TaskRules.participantFits(written, "T1", "MR-430102", List.of(GENERAL, TRIGGERED))))
                .containsExactly("INVALID_VALUE method METH-01", "INVALID_VALUE kind CHK-09", "INVALID_VALUE method METH-01",
                        "INVALID_VALUE strata DRAW-07");
        assertThat(TaskRules.participantFits(written, "T1", "MR-430102", List.of(I1))).isEmpty();
    }
}
