package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.api.inspection.InspectionFixtures.error;
import static org.supervisionhub.api.inspection.InspectionFixtures.ok;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.DemoIssuer;

/**
 * Teams that act (ONSITE-02, ASSIGN-03, ASSIGN-04): an inspector records an inspection, its evidence and its proposed
 * result only while on its current team and not recused from its enterprise; an officer enters them on the team's behalf
 * and is recorded as the one who entered them. Through the API, each test on an inspection it draws and assigns itself.
 */
class TeamActsApiTest extends HubIntegrationTest {

    static final String DEPARTMENT = "HRSS-430100";
    static final String RECORD = "mutation($in: InspectionRecordInput!) { recordInspection(input: $in) { id recordedBy } }";
    static final String EVIDENCE = "mutation($in: EvidenceInput!) { recordEvidence(input: $in) { id collectedBy } }";
    static final String PROPOSE = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { id status proposedBy } }";
    static final String DECLARE = "mutation($in: ConflictInput!) { declareConflict(input: $in) { inspectorId } }";
    static final String SUBSTITUTE = "mutation($i: ID!, $p: ID!) { substituteInspector(inspectionId: $i, inspectorId: $p, reason: \"病假\") { id } }";

    @Autowired
    Driver driver;

    /**
     * An active inspection of the department drawn by the test itself (InspectionFixtures), nothing recorded yet and no
     * notice, its team of two assigned for a visit tomorrow. The team's record and result are dated the visit's day, so the
     * clock moves to the day after it (END-NOT-BEFORE-SCHEDULED-VISIT); {@link #clockBack()} puts it back.
     */
    Record inspection() {
        LocalDate visit = clock.today().plusDays(1);
        String id = InspectionFixtures.assigned(this::graphQl, clock, driver, DEPARTMENT, visit.withDayOfYear(1), visit.withMonth(12).withDayOfMonth(31),
                visit);
        clock.set(visit.plusDays(1).atTime(10, 0).atZone(clock.getZone()).toInstant());
        return driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.id AS id, i.uscc AS uscc, i.itemCodes[0] AS item, i.plannedOn AS plannedOn")
                .withParameters(Map.of("id", id)).execute().records().get(0);
    }

    java.time.Instant started;

    @BeforeEach
    void noteTheClock() {
        started = clock.instant();
    }

    @AfterEach
    void clockBack() {
        clock.set(started);
    }

    /** The current team (after substitutions) with their certificates. */
    List<Map<String, String>> team(String inspectionId) {
        return driver.executableQuery("MATCH (:Inspection {id: $i})-[a:ASSIGNED]->(p:Inspector) WHERE a.droppedAt IS NULL"
                        + " RETURN p.inspectorId AS inspectorId, p.certificateNo AS certificateNo ORDER BY a.position")
                .withParameters(Map.of("i", inspectionId)).execute().records().stream()
                .map(r -> Map.of("inspectorId", r.get("inspectorId").asString(), "certificateNo", r.get("certificateNo").asString())).toList();
    }

    /** An inspector of the department on no inspection of the enterprise, with no conflict with it. */
    String outsider(String uscc, List<String> besides) {
        return driver.executableQuery("MATCH (:Department {id: $d})<-[:PART_OF]-(:Unit)<-[:MEMBER_OF]-(p:Inspector)"
                        + " WHERE NOT p.inspectorId IN $besides AND NOT EXISTS { (:Enterprise {uscc: $u})<-[:TARGETS]-(:Inspection)-[:ASSIGNED]->(p) }"
                        + " AND NOT EXISTS { (p)-[:DECLARED_CONFLICT]->() } AND NOT EXISTS { (p)-[:IS_PERSON]->() }"
                        + " RETURN p.inspectorId AS id ORDER BY id LIMIT 1")
                .withParameters(Map.of("d", DEPARTMENT, "u", uscc, "besides", besides)).execute().records().get(0).get("id").asString();
    }

    Map<String, Object> record(Record i, List<Map<String, String>> present) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("inspectionId", i.get("id").asString());
        in.put("conductedAt", clock.now().minusDays(1).toString());
        in.put("findings", List.of(Map.of("itemCode", i.get("item").asString(), "facts", "抽查劳动合同10份，均已签订。")));
        in.put("present", present);
        in.put("signedBy", "张三");
        in.put("signerRole", "LEGAL_REPRESENTATIVE");
        return in;
    }

    static Map<String, Object> evidence(String inspectionId, String sha) {
        return Map.of("inspectionId", inspectionId, "sha256", sha, "fileName", "现场照片.jpg", "type", "AUDIOVISUAL_ELECTRONIC",
                "method", "ON_SITE", "description", "用工现场照片", "supports", "未发现问题");
    }

    Map<String, Object> proposal(String inspectionId) {
        return InspectionFixtures.input(inspectionId, "NO_PROBLEM_FOUND", clock.today().minusDays(1).toString(), null, null);
    }

    @SuppressWarnings("unchecked")
    String upload() throws Exception {
        byte[] content = ("现场照片 " + nextKey()).getBytes(StandardCharsets.UTF_8);
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "现场照片.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        Map<String, Object> stored = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(60)).baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token(officer(DEPARTMENT))).build()
                .post().uri("/evidence/files").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body.build()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(stored.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        return (String) stored.get("sha256");
    }

    /** The three acts of the team, each refused to {@code who} with {@code expected} ("FORBIDDEN input.inspectionId RULE"). */
    void refusedAllThree(DemoIssuer.Subject who, Record i, List<Map<String, String>> present, String sha, String expected) {
        String id = i.get("id").asString();
        assertThat(error(graphQl(who), RECORD, Map.of("in", record(i, present)))).as("record by " + who.subject()).isEqualTo(expected);
        assertThat(error(graphQl(who), EVIDENCE, Map.of("in", evidence(id, sha)))).as("evidence by " + who.subject()).isEqualTo(expected);
        assertThat(error(graphQl(who), PROPOSE, Map.of("in", proposal(id)))).as("result by " + who.subject()).isEqualTo(expected);
    }

    void declareConflict(String inspectorId, String uscc) {
        ok(graphQl(inspector(inspectorId, DEPARTMENT)), DECLARE, "declareConflict", Map.of("in", Map.of("inspectorId", inspectorId,
                "counterpart", Map.of("uscc", uscc), "reason", "配偶在该单位任职")));
    }

    @Test
    void aMemberOfTheCurrentTeamRecordsEvidenceAndProposesAndIsRecordedAsTheOneWhoEnteredItONSITE02() throws Exception {
        Record a = inspection();
        String id = a.get("id").asString();
        List<Map<String, String>> team = team(id);
        DemoIssuer.Subject member = inspector(team.get(0).get("inspectorId"), DEPARTMENT);
        String sha = upload();

        assertThat(ok(graphQl(member), RECORD, "recordInspection", Map.of("in", record(a, team))))
                .containsEntry("recordedBy", member.subject());
        assertThat(ok(graphQl(member), EVIDENCE, "recordEvidence", Map.of("in", evidence(id, sha))))
                .containsEntry("collectedBy", member.subject());
        assertThat(ok(graphQl(member), PROPOSE, "proposeInspectionResult", Map.of("in", proposal(id))))
                .containsEntry("status", "PROPOSED").containsEntry("proposedBy", member.subject());
        assertThat(driver.executableQuery("MATCH (r:InspectionRecord)-[:OF]->(:Inspection {id: $i}) RETURN r.recordedBy AS by")
                .withParameters(Map.of("i", id)).execute().records().get(0).get("by").asString()).isEqualTo(member.subject());
    }

    @Test
    void anOfficerEntersOnTheTeamsBehalfAndIsRecordedAsTheOneWhoEnteredItThenAMemberWhoDeclaresAConflictIsRefusedONSITE02ASSIGN03()
            throws Exception {
        Record b = inspection();
        String id = b.get("id").asString();
        List<Map<String, String>> team = team(id);
        String sha = upload();
        DemoIssuer.Subject officer = officer(DEPARTMENT);

        assertThat(ok(graphQl(officer), RECORD, "recordInspection", Map.of("in", record(b, team)))).containsEntry("recordedBy", officer.subject());
        assertThat(ok(graphQl(officer), EVIDENCE, "recordEvidence", Map.of("in", evidence(id, sha)))).containsEntry("collectedBy", officer.subject());
        assertThat(ok(graphQl(officer), PROPOSE, "proposeInspectionResult", Map.of("in", proposal(id))))
                .containsEntry("proposedBy", officer.subject());

        // ASSIGN-03: a member who declares a conflict with the enterprise no longer acts on its inspection.
        String conflicted = team.get(1).get("inspectorId");
        declareConflict(conflicted, b.get("uscc").asString());
        refusedAllThree(inspector(conflicted, DEPARTMENT), b, team, sha, "FORBIDDEN input.inspectionId ASSIGN-03");
    }

    @Test
    void inspectorsNotOnTheCurrentTeamSubstitutedOutOrRecusedAreRefusedRecordEvidenceAndResultONSITE02ASSIGN04ASSIGN03() throws Exception {
        Record c = inspection();
        String id = c.get("id").asString();
        String uscc = c.get("uscc").asString();
        List<Map<String, String>> before = team(id);
        String sha = upload();

        // ONSITE-02: an inspector of the inspecting department who is not on the team.
        String outsider = outsider(uscc, List.of());
        refusedAllThree(inspector(outsider, DEPARTMENT), c, before, sha, "FORBIDDEN input.inspectionId ONSITE-02");

        // ASSIGN-04: substituted out, no longer on the current team (the substitute is).
        String out = before.get(1).get("inspectorId");
        ok(graphQl(officer(DEPARTMENT)), SUBSTITUTE, "substituteInspector", Map.of("i", id, "p", out));
        List<Map<String, String>> after = team(id);
        assertThat(after).extracting(m -> m.get("inspectorId")).doesNotContain(out);
        refusedAllThree(inspector(out, DEPARTMENT), c, after, sha, "FORBIDDEN input.inspectionId ASSIGN-04");

        // ASSIGN-03: skipped by the draw for a declared conflict, and not on the team.
        String skipped = outsider(uscc, List.of(outsider));
        driver.executableQuery("MATCH (i:Inspection {id: $i}) SET i.skipped = coalesce(i.skipped, []) + [$p + '|DECLARED_CONFLICT']")
                .withParameters(Map.of("i", id, "p", skipped)).execute();
        refusedAllThree(inspector(skipped, DEPARTMENT), c, after, sha, "FORBIDDEN input.inspectionId ASSIGN-03");

        // ASSIGN-03: a conflict declared with the enterprise (on the graph now).
        String declared = outsider(uscc, List.of(outsider, skipped));
        declareConflict(declared, uscc);
        refusedAllThree(inspector(declared, DEPARTMENT), c, after, sha, "FORBIDDEN input.inspectionId ASSIGN-03");

        // Nothing was written by the refused.
        assertThat(driver.executableQuery("MATCH (n)-[:OF]->(:Inspection {id: $i}) WHERE n:InspectionRecord OR n:Evidence OR n:InspectionResult"
                + " RETURN count(n) AS n").withParameters(Map.of("i", id)).execute().records().get(0).get("n").asLong()).isZero();
        // The current team still acts.
        if (after.size() >= 2) {
            assertThat(ok(graphQl(inspector(after.get(0).get("inspectorId"), DEPARTMENT)), EVIDENCE, "recordEvidence",
                    Map.of("in", evidence(id, sha)))).containsEntry("collectedBy", "inspector-" + after.get(0).get("inspectorId"));
        }
    }
}
