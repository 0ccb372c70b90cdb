package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;

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

    static final String VISIT = "uscc date windowFrom windowTo inspectionIds team leader departments { departmentId itemCodes }";

    @Autowired
    Driver driver;

    @Test
    @SuppressWarnings("unchecked")
    void threeDepartmentsInspectionsOfOneEnterpriseBecomeTwoVisitsLedByTheProvinceAndTheRegionCountsThem() {
        var row = driver.executableQuery("MATCH (e:Enterprise) WHERE e.regionCode STARTS WITH '4301' AND NOT EXISTS { (e)<-[:TARGETS]-(:Inspection) }"
                + " WITH e LIMIT 1 MATCH (p:Inspector) WITH e, collect(p.inspectorId)[0..3] AS inspectors"
                + " RETURN e.uscc AS uscc, e.regionCode AS region, inspectors").execute().records().get(0);
        String uscc = row.get("uscc").asString();
        List<String> inspectors = row.get("inspectors").asList(v -> v.asString());
        String run = "JV" + System.nanoTime();
        driver.executableQuery("""
                MATCH (e:Enterprise {uscc: $uscc})
                UNWIND $rows AS r
                CREATE (t:SamplingTask {id: $run + '-' + r.n, windowStart: date(r.from), windowEnd: date(r.to)})
                CREATE (i:Inspection {id: $run + '-I' + r.n, taskId: t.id, drawId: $run, uscc: $uscc, status: 'ACTIVE', drawnBy: r.d,
                        itemCodes: [r.item], stratum: 'ALL', drawOrder: r.n, rank: '00', flagged: false})-[:TARGETS]->(e)
                WITH i, r MATCH (p:Inspector {inspectorId: r.inspector}) CREATE (i)-[:ASSIGNED {position: 1, at: $at}]->(p)""")
                .withParameters(Map.of("uscc", uscc, "run", run, "at", clock.now(), "rows", List.of(
                        Map.of("n", 1, "d", "HRSS-430102", "from", "2026-11-02", "to", "2026-11-20", "item", "LABOUR-CONTRACTS", "inspector", inspectors.get(0)),
                        Map.of("n", 2, "d", "HRSS-430000", "from", "2026-11-10", "to", "2026-12-04", "item", "SOCIAL-INSURANCE", "inspector", inspectors.get(1)),
                        Map.of("n", 3, "d", "MS-430100", "from", "2026-12-01", "to", "2026-12-18", "item", "ANNUAL-REPORT", "inspector", inspectors.get(2)))))
                .execute();

        List<Map<String, Object>> visits = (List<Map<String, Object>>) (List<?>) graphQl(officer("HRSS-430100"))
                .document("{ enterpriseJointVisits(uscc: \"" + uscc + "\") { " + VISIT + " } }").execute()
                .path("enterpriseJointVisits").entityList(Map.class).get();
        assertThat(visits).hasSize(2);
        Map<String, Object> first = visits.get(0);
        assertThat(first).containsEntry("date", "2026-11-10").containsEntry("windowTo", "2026-11-20").containsEntry("leader", inspectors.get(1));
        assertThat((List<String>) first.get("inspectionIds")).containsExactlyInAnyOrder(run + "-I1", run + "-I2");
        assertThat((List<String>) first.get("team")).containsExactly(inspectors.get(1), inspectors.get(0));
        assertThat((List<Map<String, Object>>) first.get("departments")).extracting(d -> d.get("departmentId"))
                .containsExactly("HRSS-430000", "HRSS-430102");
        assertThat(visits.get(1)).containsEntry("date", "2026-12-01").containsEntry("inspectionIds", List.of(run + "-I3"));

        Map<String, Object> plan = graphQl(leader("HRSS-430100")).document("{ jointVisits(regionCode: \"" + row.get("region").asString()
                        + "\", from: \"2026-11-01\", to: \"2026-12-31\") { inspections visits enterprises items { uscc date } } }")
                .execute().path("jointVisits").entity(Map.class).get();
        assertThat((int) plan.get("inspections")).isGreaterThanOrEqualTo((int) plan.get("visits")).isGreaterThanOrEqualTo(3);
        assertThat((List<Map<String, Object>>) plan.get("items")).filteredOn(v -> uscc.equals(v.get("uscc"))).extracting(v -> v.get("date"))
                .containsExactly("2026-11-10", "2026-12-01");
        // Outside the period, not listed; a bad period is refused with the field named.
        graphQl(leader("HRSS-430100")).document("{ jointVisits(regionCode: \"430100\", from: \"2026-12-31\", to: \"2026-11-01\") { visits } }")
                .execute().errors().satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("field")).isEqualTo("to")));
        // The public and partners do not see teams.
        graphQl(as(org.supervisionhub.api.access.Role.PARTNER, "PARTNER-BIDDING-430000"))
                .document("{ enterpriseJointVisits(uscc: \"" + uscc + "\") { team } }").execute().errors()
                .satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));
    }
}
