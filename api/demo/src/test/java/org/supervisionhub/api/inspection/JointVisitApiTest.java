package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * Joint visits through the API on the real graph (GEN-15): three departments at three levels inspect one enterprise
 * with overlapping windows. The fixture writes the inspections and their tasks' windows directly: the demo's draws
 * never put several departments on one enterprise.
 */
class JointVisitApiTest extends HubIntegrationTest {

    /** Team and leader are scoped per department (as Inspection.inspectors): read apart, by someone who may see them. */
    static final String VISIT = "uscc date windowFrom windowTo inspectionIds departments { departmentId itemCodes }";

    @Autowired
    Driver driver;

    @Test
    @SuppressWarnings("unchecked")
    void threeDepartmentsInspectionsOfOneEnterpriseBecomeTwoVisitsLedByTheProvinceAndTheRegionCountsThemGEN15() {
        LocalDate t = clock.today();
        var row = driver.executableQuery("MATCH (e:Enterprise) WHERE e.regionCode STARTS WITH '4301' AND NOT EXISTS { (e)<-[:TARGETS]-(:Inspection) }"
                + " WITH e LIMIT 1 MATCH (p:Inspector) WITH e, collect(p.inspectorId)[0..3] AS inspectors"
                + " RETURN e.uscc AS uscc, e.regionCode AS region, inspectors").execute().records().get(0);
        String uscc = row.get("uscc").asString();
        List<String> inspectors = row.get("inspectors").asList(v -> v.asString());
        String run = "JV" + nextKey();
        create(uscc, run, List.of(
                Map.of("n", 1, "d", "HRSS-430102", "from", t.plusDays(10).toString(), "to", t.plusDays(30).toString(), "item", "LABOUR-CONTRACTS", "inspector", inspectors.get(0)),
                Map.of("n", 2, "d", "HRSS-430000", "from", t.plusDays(20).toString(), "to", t.plusDays(45).toString(), "item", "SOCIAL-INSURANCE", "inspector", inspectors.get(1)),
                Map.of("n", 3, "d", "MS-430100", "from", t.plusDays(40).toString(), "to", t.plusDays(60).toString(), "item", "ANNUAL-REPORT", "inspector", inspectors.get(2))));

        List<Map<String, Object>> visits = enterpriseVisits(uscc);
        assertThat(visits).hasSize(2);
        Map<String, Object> first = visits.get(0);
        assertThat(LocalDate.parse((String) first.get("date"))).isBetween(t.plusDays(20), t.plusDays(30));
        assertThat((List<String>) first.get("inspectionIds")).containsExactlyInAnyOrder(run + "-I1", run + "-I2");
        // The province's tree holds both departments of the first visit; the second is the market regulator's alone.
        List<Map<String, Object>> teams = (List<Map<String, Object>>) (List<?>) graphQl(leader("HRSS-430000"))
                .document("{ enterpriseJointVisits(uscc: \"" + uscc + "\") { team leader } }").execute()
                .errors().filter(e -> "enterpriseJointVisits[1].leader".equals(e.getPath())).verify()
                .path("enterpriseJointVisits").entityList(Map.class).get();
        assertThat(teams.get(0)).containsEntry("leader", inspectors.get(1));
        assertThat((List<String>) teams.get(0).get("team")).containsExactly(inspectors.get(1), inspectors.get(0));
        assertThat((List<String>) teams.get(1).get("team")).isEmpty();
        assertThat((List<Map<String, Object>>) first.get("departments")).extracting(d -> d.get("departmentId"))
                .containsExactly("HRSS-430000", "HRSS-430102");
        assertThat(LocalDate.parse((String) visits.get(1).get("date"))).isBetween(t.plusDays(40), t.plusDays(60));
        assertThat(visits.get(1)).containsEntry("inspectionIds", List.of(run + "-I3"));

        Map<String, Object> plan = graphQl(leader("HRSS-430100")).document("{ jointVisits(regionCode: \"" + row.get("region").asString()
                        + "\", from: \"" + t + "\", to: \"" + t.plusDays(90) + "\") { inspections visits enterprises"
                        + " items(first: 200) { totalCount edges { node { uscc date } } } } }")
                .execute().path("jointVisits").entity(Map.class).get();
        assertThat((int) plan.get("inspections")).isGreaterThanOrEqualTo((int) plan.get("visits")).isGreaterThanOrEqualTo(3);
        Map<String, Object> items = (Map<String, Object>) plan.get("items");
        assertThat(items.get("totalCount")).isEqualTo(plan.get("visits"));
        assertThat((List<Map<String, Object>>) items.get("edges")).extracting(e -> (Map<String, Object>) e.get("node"))
                .filteredOn(v -> uscc.equals(v.get("uscc"))).extracting(v -> v.get("date"))
                .containsExactly(visits.get(0).get("date"), visits.get(1).get("date"));
        // Outside the period, not listed; a bad period is refused with the field named.
        graphQl(leader("HRSS-430100")).document("{ jointVisits(regionCode: \"430100\", from: \"2026-12-31\", to: \"2026-11-01\") { visits } }")
                .execute().errors().satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("field")).isEqualTo("to")));
        // The public and partners do not see teams.
        graphQl(as(org.supervisionhub.api.access.Role.PARTNER, "PARTNER-BIDDING-430000"))
                .document("{ enterpriseJointVisits(uscc: \"" + uscc + "\") { team } }").execute().errors()
                .satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));
    }

    /**
     * One date for a visit: the day the inspectors were assigned for is the day the notice must announce and the day the
     * joint visit is on; a window that opened long ago gives a visit today at the earliest, never before (GEN-15, NOTICE-06).
     */
    @Test
    void theAssignedDayIsTheNoticesDayAndTheJointVisitsDayAndNoVisitIsProposedBeforeTodayGEN15_NOTICE06() {
        // Mid-year: the notice's inspection is drawn under a task of this year's plan whose window holds the day (PLAN-17).
        clock.runAt(OffsetDateTime.parse("2026-06-15T10:00:00+08:00"), this::theAssignedDayIsTheNoticesDayAndTheJointVisitsDay);
    }

    private void theAssignedDayIsTheNoticesDayAndTheJointVisitsDay() {
        LocalDate t = clock.today();
        // A task whose window opened months ago (as a draw committed today has): no visit before today.
        var row = driver.executableQuery("MATCH (e:Enterprise) WHERE e.regionCode STARTS WITH '4301' AND NOT EXISTS { (e)<-[:TARGETS]-(:Inspection) }"
                + " WITH e SKIP 1 LIMIT 1 MATCH (p:Inspector) WITH e, collect(p.inspectorId)[0..2] AS inspectors"
                + " RETURN e.uscc AS uscc, inspectors").execute().records().get(0);
        String uscc = row.get("uscc").asString();
        List<String> inspectors = row.get("inspectors").asList(v -> v.asString());
        String run = "JV" + nextKey();
        create(uscc, run, List.of(
                Map.of("n", 1, "d", "HRSS-430102", "from", t.minusMonths(6).toString(), "to", t.plusMonths(6).toString(), "item", "LABOUR-CONTRACTS", "inspector", inspectors.get(0)),
                Map.of("n", 2, "d", "MS-430100", "from", t.minusMonths(6).toString(), "to", t.plusMonths(6).toString(), "item", "ANNUAL-REPORT", "inspector", inspectors.get(1))));
        List<Map<String, Object>> visits = enterpriseVisits(uscc);
        assertThat(visits).hasSize(1);
        assertThat(LocalDate.parse((String) visits.get(0).get("date"))).isAfterOrEqualTo(t).isBefore(t.plusDays(10));

        // Inspectors assigned for a day three weeks on: the merged visit is on that day.
        LocalDate planned = t.plusDays(21);
        driver.executableQuery("MATCH (i:Inspection {id: $id}) SET i.plannedOn = $on").withParameters(Map.of("id", run + "-I1", "on", planned)).execute();
        assertThat(enterpriseVisits(uscc)).singleElement().satisfies(v -> assertThat(v).containsEntry("date", planned.toString()));

        // The notice announces that day, and no other (NOTICE-06); without assigned inspectors, none is issued (NOTICE-01).
        String copy = InspectionFixtures.inspection(this::graphQl, clock, driver, "HRSS-430100", t.plusMonths(2));
        String copyDraw = driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.drawId AS d").withParameters(Map.of("id", copy)).execute()
                .records().get(0).get("d").asString();
        graphQl(officer("HRSS-430100")).document("mutation($d: ID!, $on: Date!) { assignInspectors(drawId: $d, departmentId: \"HRSS-430100\", plannedOn: $on) { flagged } }")
                .variable("d", copyDraw).variable("on", planned.toString()).execute().path("assignInspectors.flagged").entity(Integer.class).isEqualTo(0);
        String issue = "mutation($in: InspectionNoticeInput!) { issueInspectionNotice(input: $in) { visitAt } }";
        OffsetDateTime nine = planned.atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime();
        assertThat(InspectionFixtures.error(graphQl(officer("HRSS-430100")), issue, Map.of("in", notice(copy, nine.plusDays(1)))))
                .isEqualTo("CONFLICT input.visitAt NOTICE-06");
        assertThat(InspectionFixtures.ok(graphQl(officer("HRSS-430100")), issue, "issueInspectionNotice", Map.of("in", notice(copy, nine))))
                .containsKey("visitAt");
        String unassigned = InspectionFixtures.inspection(this::graphQl, clock, driver, "HRSS-430100", t.plusMonths(2));
        assertThat(InspectionFixtures.error(graphQl(officer("HRSS-430100")), issue, Map.of("in", notice(unassigned, nine))))
                .isEqualTo("CONFLICT input.visitAt NOTICE-01");
    }

    /** The region's visits come a page at a time, like every list that can grow (PageRequests, keyset cursors). */
    @Test
    @SuppressWarnings("unchecked")
    void aRegionsJointVisitsArePagedWithCursorsAndATotalCount() {
        LocalDate t = clock.today();
        String q = "query($after: String) { jointVisits(regionCode: \"430000\", from: \"" + t + "\", to: \"" + t.plusDays(300) + "\") { visits"
                + " items(first: 3, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { uscc date } } } } }";
        Map<String, Object> page1 = (Map<String, Object>) graphQl(admin()).document(q).variable("after", null).execute().path("jointVisits").entity(Map.class).get();
        Map<String, Object> items1 = (Map<String, Object>) page1.get("items");
        assertThat(items1.get("totalCount")).isEqualTo(page1.get("visits"));
        assertThat((int) page1.get("visits")).isGreaterThan(3);
        List<Map<String, Object>> edges1 = (List<Map<String, Object>>) items1.get("edges");
        assertThat(edges1).hasSize(3);
        Map<String, Object> info = (Map<String, Object>) items1.get("pageInfo");
        assertThat(info).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);
        Map<String, Object> items2 = (Map<String, Object>) ((Map<String, Object>) graphQl(admin()).document(q).variable("after", info.get("endCursor"))
                .execute().path("jointVisits").entity(Map.class).get()).get("items");
        List<Map<String, Object>> edges2 = (List<Map<String, Object>>) items2.get("edges");
        assertThat(edges2).hasSize(3);
        String last = (String) ((Map<String, Object>) edges1.get(2).get("node")).get("date") + ((Map<String, Object>) edges1.get(2).get("node")).get("uscc");
        String next = (String) ((Map<String, Object>) edges2.get(0).get("node")).get("date") + ((Map<String, Object>) edges2.get(0).get("node")).get("uscc");
        assertThat(next).isGreaterThan(last);
        assertThat(((Map<String, Object>) items2.get("pageInfo"))).containsEntry("hasPreviousPage", true);
        // Every visit from today on; page size and cursor checked like every connection.
        assertThat(edges1).allSatisfy(e -> assertThat(LocalDate.parse((String) ((Map<String, Object>) e.get("node")).get("date"))).isAfterOrEqualTo(t));
        graphQl(admin()).document("{ jointVisits(regionCode: \"430000\", from: \"" + t + "\", to: \"" + t.plusDays(30) + "\") { items(first: 5000) { totalCount } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("code")).isEqualTo("PAGE_SIZE")));
        graphQl(admin()).document("{ jointVisits(regionCode: \"430000\", from: \"" + t + "\", to: \"" + t.plusDays(30) + "\") { items(after: \"nonsense!\") { totalCount } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    void create(String uscc, String run, List<Map<String, Object>> rows) {
        InspectionFixtures.inspectionsOf(driver, uscc, run, clock.now(), rows);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> enterpriseVisits(String uscc) {
        return (List<Map<String, Object>>) (List<?>) graphQl(officer("HRSS-430100"))
                .document("{ enterpriseJointVisits(uscc: \"" + uscc + "\") { " + VISIT + " } }").execute()
                .path("enterpriseJointVisits").entityList(Map.class).get();
    }

    static Map<String, Object> notice(String inspectionId, OffsetDateTime visitAt) {
        return Map.of("inspectionId", inspectionId, "visitAt", visitAt.toString(), "delivery", "POST", "materials", List.of("劳动合同"),
                "cooperation", "请负责人在场", "contact", "0731-00000000");
    }
}
