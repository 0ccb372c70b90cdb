package org.supervisionhub.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.HubIntegrationTest;

class RosterApiTest extends HubIntegrationTest {

    static final String UPSERT = "mutation($in: InspectorInput!) { upsertInspector(input: $in) { inspectorId certificateNo expertise unit { id } } }";

    static Map<String, Object> inspector(String id, String cert, String unit, List<String> expertise) {
        return new java.util.HashMap<>(Map.of("inspectorId", id, "name", "测试检查员", "gender", "FEMALE", "birthYear", 1985,
                "certificateNo", cert, "certificateValidFrom", "2024-01-01", "certificateValidTo", "2029-12-31",
                "unitId", unit, "expertise", expertise));
    }

    static String unique(String prefix) {
        return prefix + String.format("K%07d", nextKey());
    }

    String implementingUnit(String department) {
        return graphQl().document("query($d: ID!) { department(id: $d) { units { id role } } }").variable("d", department).execute()
                .path("department.units[?(@.role == 'IMPLEMENTING')].id").entityList(String.class).get().get(0);
    }

    @Test
    void aCertificateBelongsToOneInspector() {
        String unit = implementingUnit("HRSS-430102");
        String cert = unique("湘人社执");
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", inspector(unique("T-"), cert, unit, List.of("WAGES"))).execute()
                .path("upsertInspector.certificateNo").entity(String.class).isEqualTo(cert);
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", inspector(unique("T-"), cert, unit, List.of("WAGES"))).execute()
                .errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "CONFLICT").containsEntry("field", "input.certificateNo"));
    }

    @Test
    void certificateEndBeforeStartIsRejected() {
        Map<String, Object> in = inspector(unique("T-"), unique("C"), implementingUnit("HRSS-430102"), List.of());
        in.put("certificateValidTo", "2023-01-01");
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", in).execute()
                .errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("field", "input.certificateValidTo"));
    }

    @Test
    void declaredConflictsAreListedWithTheirCounterpart_ASSIGN03() {
        String id = unique("T-");
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", inspector(id, unique("C"), implementingUnit("HRSS-430102"), List.of("WAGES"))).execute()
                .path("upsertInspector.inspectorId").hasValue();
        String uscc = graphQl(officer("HRSS-430102")).document("{ enterprises(first: 1) { edges { node { uscc } } } }").execute()
                .path("enterprises.edges[0].node.uscc").entity(String.class).get();
        graphQl(officer("HRSS-430102")).document("mutation($in: ConflictInput!) { declareConflict(input: $in) { conflicts { reason counterpart { ... on Enterprise { uscc } } } } }")
                .variable("in", Map.of("inspectorId", id, "counterpart", Map.of("uscc", uscc), "reason", "配偶任该企业财务负责人"))
                .execute()
                .path("declareConflict.conflicts[0].counterpart.uscc").entity(String.class).isEqualTo(uscc)
                .path("declareConflict.conflicts[0].reason").entity(String.class).isEqualTo("配偶任该企业财务负责人");
    }

    @Test
    void scopeWithSubordinatesReachesCountyInspectorsAndExpertiseNarrowsIt() {
        String countyUnit = implementingUnit("HRSS-430104");
        String id = unique("T-");
        graphQl(officer("HRSS-430104")).document(UPSERT).variable("in", inspector(id, unique("C"), countyUnit, List.of("CHILD_LABOUR", "RARE_SKILL_" + id))).execute()
                .path("upsertInspector.inspectorId").hasValue();
        String q = "query($s: InspectorScope!, $f: InspectorFilter) { inspectors(scope: $s, filter: $f, first: 200) { edges { node { inspectorId unit { department { id } } } } } }";
        graphQl(officer("HRSS-430100")).document(q).variable("s", Map.of("departmentId", "HRSS-430100", "includeSubordinates", true))
                .variable("f", Map.of("expertise", List.of("RARE_SKILL_" + id))).execute()
                .path("inspectors.edges[*].node.inspectorId").entityList(String.class).containsExactly(id);
        graphQl(officer("HRSS-430100")).document(q).variable("s", Map.of("departmentId", "HRSS-430100", "includeSubordinates", false))
                .variable("f", Map.of("expertise", List.of("RARE_SKILL_" + id))).execute()
                .path("inspectors.edges").entityList(Object.class).hasSize(0);
        graphQl(officer("HRSS-430100")).document(q).variable("s", Map.of("departmentId", "HRSS-430100")).variable("f", null).execute()
                .path("inspectors.edges[*].node.unit.department.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).isNotEmpty().allMatch("HRSS-430100"::equals));
    }

    @Test
    void importLoadsGoodRowsAndReportsBadOnes() {
        String unit = implementingUnit("HRSS-430103");
        String a = unique("IMP-");
        String b = unique("IMP-");
        String csv = String.join("\n",
                "inspectorId,name,gender,birthYear,certificateNo,certificateValidFrom,certificateValidTo,enforcementCategory,expertise,phone,position,unitId,onRosterFrom,personId",
                a + ",钱五,MALE,1979," + unique("C") + ",2023-01-01,2028-12-31,劳动保障监察,WAGES; SOCIAL_INSURANCE,13800000000,科员," + unit + ",2023-01-01,",
                b + ",孙六,FEMALE,1990," + unique("C") + ",2023-01-01,2028-12-31,劳动保障监察,WAGES,,," + unit + ",,",
                unique("IMP-") + ",周七,X,1990," + unique("C") + ",2023-01-01,2028-12-31,,,,," + unit + ",,",
                unique("IMP-") + ",吴八,MALE,1990," + unique("C") + ",2023-01-01,2022-12-31,,,,," + unit + ",,",
                unique("IMP-") + ",郑九,MALE,1990," + unique("C") + ",2023-01-01,2028-12-31,,,,,NO-SUCH-UNIT,,");
        Map<String, Object> report = graphQl(officer("HRSS-430103")).document("mutation($c: String!) { importInspectors(csv: $c) { accepted rejected rejections { line field code } } }")
                .variable("c", csv).execute().path("importInspectors").entity(Map.class).get();
        assertThat(report).containsEntry("accepted", 2).containsEntry("rejected", 3);
        assertThat((List<Map<String, Object>>) report.get("rejections")).extracting(r -> r.get("line") + ":" + r.get("field"))
                .containsExactly("4:gender", "5:certificateValidTo", "6:unitId");
        graphQl(officer("HRSS-430103")).document("query($i: ID!) { inspector(inspectorId: $i) { expertise } }").variable("i", a).execute()
                .path("inspector.expertise").entityList(String.class).containsExactly("WAGES", "SOCIAL_INSURANCE");
    }

    @Test
    void lateInspectorUpdatesAreReportedAgainstFiveWorkingDaysFromOccurrence_ROS11() {
        LocalDate today = clock.today();
        String unit = implementingUnit("HRSS-430102");
        String late = unique("T-");
        String onTime = unique("T-");
        Map<String, Object> lateIn = inspector(late, unique("C"), unit, List.of());
        lateIn.put("change", Map.of("occurredOn", "2026-09-30"));
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", lateIn).execute().path("upsertInspector.inspectorId").hasValue();
        Map<String, Object> onTimeIn = inspector(onTime, unique("C"), unit, List.of());
        onTimeIn.put("change", Map.of("occurredOn", today.toString()));
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", onTimeIn).execute().path("upsertInspector.inspectorId").hasValue();

        String q = "query($f: Date!, $t: Date!) { rosterUpdateReport(roster: INSPECTOR, from: $f, to: $t) { deadlineWorkingDays total late "
                + "updates(first: 200) { edges { node { subjectKey startDate deadline late workingDaysTaken } } } } }";
        List<Map<String, Object>> rows = graphQl(officer("HRSS-430102")).document(q).variable("f", today.toString()).variable("t", today.toString()).execute()
                .path("rosterUpdateReport.deadlineWorkingDays").entity(Integer.class).isEqualTo(5)
                .path("rosterUpdateReport.updates.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        Map<String, Object> lateRow = rows.stream().filter(r -> late.equals(r.get("subjectKey"))).findFirst().orElseThrow();
        assertThat(lateRow).containsEntry("startDate", "2026-09-30").containsEntry("deadline", "2026-10-13").containsEntry("late", true);
        assertThat(rows.stream().filter(r -> onTime.equals(r.get("subjectKey"))).findFirst().orElseThrow())
                .containsEntry("late", false).containsEntry("workingDaysTaken", 0);

        graphQl(officer("HRSS-430102")).document("query($f: Date!, $t: Date!) { rosterUpdateReport(roster: INSPECTOR, from: $f, to: $t, lateOnly: true) { updates(first: 200) { edges { node { late } } } } }")
                .variable("f", today.toString()).variable("t", today.toString()).execute()
                .path("rosterUpdateReport.updates.edges[*].node.late").entityList(Boolean.class)
                .satisfies(l -> assertThat(l).isNotEmpty().allMatch(Boolean.TRUE::equals));
    }

    @Test
    void targetRosterChangesCountFromDiscovery_ROS03() {
        LocalDate today = clock.today();
        String uscc = newUscc();
        graphQl(officer("HRSS-430102")).document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", uscc, "name", "迟报变更企业", "orgType", "COMPANY", "regionCode", "430102",
                        "change", Map.of("occurredOn", "2026-01-05", "discoveredOn", today.minusDays(1).toString())))
                .execute().path("upsertEnterprise.uscc").hasValue();
        graphQl(officer("HRSS-430102")).document("query($f: Date!, $t: Date!) { rosterUpdateReport(roster: TARGET, from: $f, to: $t) { updates(first: 200) { edges { node { subjectKey startDate late } } } } }")
                .variable("f", today.toString()).variable("t", today.toString()).execute()
                .path("rosterUpdateReport.updates.edges[?(@.node.subjectKey == '" + uscc + "')].node.startDate").entityList(String.class)
                .containsExactly(today.minusDays(1).toString())
                .path("rosterUpdateReport.updates.edges[?(@.node.subjectKey == '" + uscc + "')].node.late").entityList(Boolean.class)
                .containsExactly(false);
    }

    @Test
    void theTargetRosterCanBeReplayedAsOfADateAndAsKnownAtAnInstant() {
        String uscc = newUscc();
        String upsert = "mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { updatedAt } }";
        graphQl(officer("HRSS-430102")).document(upsert).variable("in", Map.of("uscc", uscc, "name", "回放企业", "orgType", "COMPANY", "regionCode", "430102",
                "status", "ACTIVE", "creditRiskClass", "B", "change", Map.of("occurredOn", "2025-01-01", "discoveredOn", "2025-01-02")))
                .execute().path("upsertEnterprise.updatedAt").hasValue();
        String between = clock.now().withOffsetSameInstant(java.time.ZoneOffset.UTC).toString();
        graphQl(officer("HRSS-430102")).document(upsert).variable("in", Map.of("uscc", uscc, "name", "回放企业", "orgType", "COMPANY", "regionCode", "430102",
                "status", "SUSPENDED", "creditRiskClass", "D", "change", Map.of("occurredOn", "2025-06-01", "discoveredOn", "2025-06-03")))
                .execute().path("upsertEnterprise.updatedAt").hasValue();

        String q = "query($u: ID!, $d: Date!, $k: DateTime) { enterprise(uscc: $u) { stateAsOf(date: $d, knownAt: $k) { status creditRiskClass effectiveFrom } "
                + "rosterChanges { edges { node { kind occurredOn discoveredOn } } } } }";
        graphQl(officer("HRSS-430102")).document(q).variable("u", uscc).variable("d", "2025-03-01").variable("k", null).execute()
                .path("enterprise.stateAsOf.status").entity(String.class).isEqualTo("ACTIVE")
                .path("enterprise.stateAsOf.creditRiskClass").entity(String.class).isEqualTo("B")
                .path("enterprise.rosterChanges.edges[*].node.kind").entityList(String.class).containsExactly("UPDATED", "ADDED")
                .path("enterprise.rosterChanges.edges[1].node.discoveredOn").entity(String.class).isEqualTo("2025-01-02");
        graphQl(officer("HRSS-430102")).document(q).variable("u", uscc).variable("d", "2025-07-01").variable("k", null).execute()
                .path("enterprise.stateAsOf.status").entity(String.class).isEqualTo("SUSPENDED")
                .path("enterprise.stateAsOf.effectiveFrom").entity(String.class).isEqualTo("2025-06-01");
        // Before the second change was recorded, the hub still knew the enterprise as active on that day.
        graphQl(officer("HRSS-430102")).document(q).variable("u", uscc).variable("d", "2025-07-01").variable("k", between).execute()
                .path("enterprise.stateAsOf.status").entity(String.class).isEqualTo("ACTIVE");
        graphQl(officer("HRSS-430102")).document(q).variable("u", uscc).variable("d", "2024-12-31").variable("k", null).execute()
                .path("enterprise.stateAsOf").valueIsNull();
    }

    @Test
    void anInspectorsRosterEntryCanBeReplayedAsOfADate() {
        String id = unique("T-");
        String first = implementingUnit("HRSS-430102");
        // A move between two units of one department: an officer acts only for their own department.
        String second = graphQl().document("query($d: ID!) { department(id: $d) { units { id } } }").variable("d", "HRSS-430102").execute()
                .path("department.units[*].id").entityList(String.class).get().stream().filter(u -> !u.equals(first)).findFirst().orElseThrow();
        Map<String, Object> in = inspector(id, unique("C"), first, List.of("WAGES"));
        in.put("change", Map.of("occurredOn", "2025-02-01"));
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", in).execute().path("upsertInspector.inspectorId").hasValue();
        Map<String, Object> moved = inspector(id, (String) in.get("certificateNo"), second, List.of("WAGES", "SOCIAL_INSURANCE"));
        moved.put("change", Map.of("occurredOn", "2025-09-01"));
        graphQl(officer("HRSS-430102")).document(UPSERT).variable("in", moved).execute().path("upsertInspector.unit.id").entity(String.class).isEqualTo(second);

        String q = "query($i: ID!, $d: Date!) { inspector(inspectorId: $i) { stateAsOf(date: $d) { unit { id } expertise effectiveFrom } } }";
        graphQl(officer("HRSS-430102")).document(q).variable("i", id).variable("d", "2025-05-01").execute()
                .path("inspector.stateAsOf.unit.id").entity(String.class).isEqualTo(first)
                .path("inspector.stateAsOf.expertise").entityList(String.class).containsExactly("WAGES");
        graphQl(officer("HRSS-430102")).document(q).variable("i", id).variable("d", "2025-10-01").execute()
                .path("inspector.stateAsOf.unit.id").entity(String.class).isEqualTo(second)
                .path("inspector.stateAsOf.effectiveFrom").entity(String.class).isEqualTo("2025-09-01");
    }
}
