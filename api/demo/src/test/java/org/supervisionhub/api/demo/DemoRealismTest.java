package org.supervisionhub.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * The demo province looks like one that works (issue 19, "Demo realism"), checked on the loaded demo through the graph:
 * feasible workloads, visits never before their draw, and each inspection's dates in the order things happen. Only the
 * demo's own draws (committed by {@code demo}) are looked at: other tests add theirs to the shared graph.
 */
class DemoRealismTest extends HubIntegrationTest {

    static final String DEMO = "MATCH (d:Draw {committedBy: 'demo'}) MATCH (i:Inspection {drawId: d.id, status: 'ACTIVE'}) ";

    @Autowired
    Driver driver;

    @Autowired
    DemoDrawSecrets demoSecrets;

    List<Record> rows(String cypher) {
        return driver.executableQuery(cypher).withParameters(Map.of("today", clock.today())).execute().records();
    }

    @Test
    void noInspectorIsAssignedMoreVisitsADayThanTheDailyCap() {
        List<Record> busiest = rows(DEMO + "MATCH (i)-[a:ASSIGNED]->(p:Inspector) WHERE a.droppedAt IS NULL"
                + " RETURN p.inspectorId AS inspector, i.plannedOn AS day, count(*) AS n ORDER BY n DESC LIMIT 1");
        assertThat(busiest).as("the demo assigns inspectors").isNotEmpty();
        assertThat(busiest.get(0).get("n").asInt()).as("visits of " + busiest.get(0).get("inspector") + " on " + busiest.get(0).get("day"))
                .isLessThanOrEqualTo(SamplingDemo.DAILY_VISITS);
        // Visits are spread over days, not all put on one.
        long days = rows(DEMO + "WHERE i.plannedOn IS NOT NULL RETURN count(DISTINCT i.plannedOn) AS n").get(0).get("n").asLong();
        assertThat(days).as("visits spread over more than one day").isGreaterThan(1);
    }

    @Test
    void drawsAreCommittedThenExecutedAndVisitsFollowThemNeverInThePastForDrawsCommittedToday() {
        assertThat(rows("MATCH (d:Draw {committedBy: 'demo'}) WHERE d.executedAt IS NOT NULL AND d.executedAt <= d.committedAt RETURN d.id"))
                .as("executed after committed").isEmpty();
        assertThat(rows(DEMO + "WHERE i.plannedOn IS NOT NULL AND i.plannedOn <= date(d.executedAt) RETURN i.id"))
                .as("visits after the draw's execution day").isEmpty();
        // A joint inspection's part is visited with its lead: the one record is the lead's (GEN-15).
        assertThat(rows(DEMO + "WHERE i.plannedOn < $today AND NOT EXISTS { MATCH (:InspectionRecord {inspectionId: coalesce(i.jointOf, i.id)}) } RETURN i.id"))
                .as("no visit day passed without its visit recorded").isEmpty();
        List<Record> today = rows(DEMO + "WHERE i.plannedOn IS NOT NULL AND date(d.committedAt) = $today AND i.plannedOn < $today RETURN i.id");
        assertThat(today).as("visits of draws committed today lie ahead").isEmpty();
    }

    @Test
    void eachInspectionsDatesFollowEachOther() {
        // committed < executed < notice issued < visit < record < proposal < approval < publication, and the result ends
        // on or after the scheduled visit. Only what the demo did: other tests act on the demo's inspections too.
        String checks = DEMO + """
                OPTIONAL MATCH (n:InspectionNotice {inspectionId: i.id}) WHERE n.issuedBy STARTS WITH 'demo-'
                OPTIONAL MATCH (x:InspectionRecord {inspectionId: i.id}) WHERE x.recordedBy STARTS WITH 'demo-'
                OPTIONAL MATCH (r:InspectionResult {inspectionId: i.id}) WHERE r.proposedBy STARTS WITH 'demo-'
                WITH i, d, n, x, r WHERE
                  (n IS NOT NULL AND (n.issuedAt <= d.executedAt OR n.visitAt <= n.issuedAt OR date(n.visitAt) <> i.plannedOn))
                  OR (x IS NOT NULL AND (i.plannedOn IS NULL OR date(x.conductedAt) < i.plannedOn OR (n IS NOT NULL AND x.conductedAt < n.visitAt)))
                  OR (r IS NOT NULL AND (i.plannedOn IS NULL OR r.endedOn < i.plannedOn OR (x IS NOT NULL AND r.proposedAt <= x.conductedAt)
                      OR r.approvedAt <= r.proposedAt OR r.publishedAt <= r.approvedAt))
                RETURN i.id AS id, i.plannedOn AS planned, n.issuedAt AS notice, n.visitAt AS visit, x.conductedAt AS record,
                       r.endedOn AS ended, r.proposedAt AS proposed, r.approvedAt AS approved, r.publishedAt AS published""";
        assertThat(rows(checks).stream().map(Record::asMap).toList()).as("inspections whose dates are out of order").isEmpty();
        Map<String, Object> counts = rows(DEMO + "WITH i RETURN"
                + " sum(COUNT { MATCH (r:InspectionResult {inspectionId: i.id}) WHERE r.publishedAt IS NOT NULL"
                + " AND r.proposedBy STARTS WITH 'demo-' }) AS published,"
                + " sum(COUNT { MATCH (n:InspectionNotice {inspectionId: i.id}) WHERE n.issuedBy STARTS WITH 'demo-' }) AS notices").get(0).asMap();
        assertThat((Long) counts.get("published")).as("published demo results are checked").isPositive();
        assertThat((Long) counts.get("notices")).as("notices of demo visits are checked").isPositive();
    }

    @Test
    void theDemoPublishesPenaltyDecisionsForThePublicSite() {
        List<Record> published = rows("MATCH (p:PenaltyDecision {departmentId: 'HRSS-430100'}) WHERE p.publishedAt IS NOT NULL"
                + " AND p.decisionNumber STARTS WITH '长人社监罚' RETURN p.id AS id, p.decidedOn AS decided, p.publishedAt AS at");
        assertThat(published).as("published penalty decisions").hasSizeGreaterThanOrEqualTo(2);
        published.forEach(p -> assertThat(p.get("at").asOffsetDateTime().toLocalDate()).as(p.get("id").asString())
                .isAfterOrEqualTo(p.get("decided").asLocalDate()));
    }

    @Test
    void theDemosDrawsAreTheSameOnEveryStartAndDrawsMadeAfterItsLoadGetFreshSecrets() throws Exception {
        // The demo replays its year with secrets derived from its seed (hub.demo.seed=7 here) and the draw's id, so its
        // overlapping draws and joint visits do not depend on chance; a draw made once the demo is loaded does not.
        List<Record> secrets = rows("MATCH (d:Draw) MATCH (s:DrawSecret {drawId: d.id}) RETURN d.id AS id, d.committedBy AS by, s.secret AS secret");
        java.util.function.Function<String, String> derived = id -> {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(("supervision-hub-demo-draw:7:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(secrets).filteredOn(r -> "demo".equals(r.get("by").asString(null))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("secret").asString()).as(r.get("id").asString()).isEqualTo(derived.apply(r.get("id").asString())));
        byte[][] during = new byte[1][];
        demoSecrets.replay(() -> during[0] = demoSecrets.secretFor("DRW-X-B1"));
        assertThat(java.util.HexFormat.of().formatHex(during[0])).isEqualTo(derived.apply("DRW-X-B1"));
        assertThat(java.util.HexFormat.of().formatHex(demoSecrets.secretFor("DRW-X-B1"))).as("a draw after the demo's load")
                .isNotEqualTo(derived.apply("DRW-X-B1"));
    }
}
