package org.supervisionhub.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;

/** Every mutation leaves a chained audit event; oversight reads who did what; tampering is found. */
@SuppressWarnings("unchecked")
class AuditApiTest extends HubIntegrationTest {

    static final String UPSERT = "mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }";
    static final String EVENTS = "query($s: ID) { auditEvents(filter: {subjectId: $s}) { edges { node { seq actor department operation "
            + "argumentsDigest affectedIds reason outcome prevHash hash } } } }";

    @Autowired
    Driver driver;

    HttpGraphQlTester oversight() {
        return graphQl(as(Role.OVERSIGHT, "HRSS-430000"));
    }

    @Test
    void aMutationAndARefusalAreBothRecordedWithActorReasonAndOutcome() {
        String uscc = newUscc();
        String reason = "年度名录更新：新设企业";
        HttpGraphQlTester officer = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token(officer("HRSS-430102")))
                .defaultHeader("X-Hub-Reason", URLEncoder.encode(reason, StandardCharsets.UTF_8)).build());
        officer.document(UPSERT).variable("in", Map.of("uscc", uscc, "name", "审计企业", "orgType", "COMPANY", "regionCode", "430102"))
                .execute().path("upsertEnterprise.uscc").entity(String.class).isEqualTo(uscc);
        // Outside the officer's jurisdiction: refused, nothing written, and the refusal is on record too.
        officer.document(UPSERT).variable("in", Map.of("uscc", uscc, "name", "审计企业", "orgType", "COMPANY", "regionCode", "430103"))
                .execute().errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));

        List<Map<String, Object>> events = events(uscc);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).containsEntry("operation", "upsertEnterprise").containsEntry("outcome", "FORBIDDEN")
                .containsEntry("actor", "officer@HRSS-430102");
        assertThat(events.get(1)).containsEntry("outcome", "SUCCESS").containsEntry("department", "HRSS-430102")
                .containsEntry("reason", reason);
        assertThat((List<String>) events.get(1).get("affectedIds")).contains(uscc);
        assertThat((String) events.get(1).get("argumentsDigest")).hasSize(64).isNotEqualTo(events.get(0).get("argumentsDigest"));
        assertThat((int) events.get(0).get("seq")).isGreaterThan((int) events.get(1).get("seq"));
        oversight().document("{ auditVerification { valid checked } }").execute()
                .path("auditVerification.valid").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void anImportNamesEveryRecordItLoaded() {
        String a = newUscc();
        String b = newUscc();
        graphQl(officer("HRSS-430100")).document("mutation($e: String!) { importEnterprises(enterprisesCsv: $e) { accepted } }")
                .variable("e", "uscc,name,orgType,regionCode\n" + a + ",甲,COMPANY,430102\n" + b + ",乙,COMPANY,430103\n")
                .execute().path("importEnterprises.accepted").entity(Integer.class).isEqualTo(2);
        assertThat(events(b)).singleElement().satisfies(e -> assertThat(e).containsEntry("operation", "importEnterprises")
                .containsEntry("outcome", "SUCCESS"));
    }

    @Test
    void oversightSeesItsOwnTreeOnlyAndOthersSeeNothing() {
        String uscc = newUscc();
        graphQl(officer("MS-430102")).document(UPSERT).variable("in", Map.of("uscc", uscc, "name", "市场监管登记", "orgType", "COMPANY",
                "regionCode", "430102")).execute().path("upsertEnterprise.uscc").hasValue();
        assertThat(events(uscc)).isEmpty();
        graphQl(as(Role.OVERSIGHT, "MS-430100")).document(EVENTS).variable("s", uscc).execute()
                .path("auditEvents.edges").entityList(Object.class).hasSize(1);
        graphQl(admin()).document(EVENTS).variable("s", uscc).execute().path("auditEvents.edges").entityList(Object.class).hasSize(1);
        graphQl(officer("MS-430102")).document(EVENTS).variable("s", uscc).execute().errors()
                .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
        oversight().document("{ auditEvents(filter: {departmentId: \"MS-430100\"}) { edges { cursor } } }").execute().errors()
                .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", "filter.departmentId"));
    }

    @Test
    void aModifiedEventBreaksTheVerifiedChain() {
        String uscc = newUscc();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", Map.of("uscc", uscc, "name", "篡改检测", "orgType", "COMPANY",
                "regionCode", "430102")).execute().path("upsertEnterprise.uscc").hasValue();
        long seq = ((Number) events(uscc).get(0).get("seq")).longValue();
        String original = driver.executableQuery("MATCH (e:AuditEvent {seq: $s}) RETURN e.actor AS a").withParameters(Map.of("s", seq))
                .execute().records().get(0).get("a").asString();
        try {
            driver.executableQuery("MATCH (e:AuditEvent {seq: $s}) SET e.actor = 'someone-else'").withParameters(Map.of("s", seq)).execute();
            oversight().document("{ auditVerification { valid brokenAt problem } }").execute()
                    .path("auditVerification.valid").entity(Boolean.class).isEqualTo(false)
                    .path("auditVerification.brokenAt").entity(Long.class).isEqualTo(seq)
                    .path("auditVerification.problem").entity(String.class).satisfies(p -> assertThat(p).contains("modified"));
        } finally {
            driver.executableQuery("MATCH (e:AuditEvent {seq: $s}) SET e.actor = $a").withParameters(Map.of("s", seq, "a", original)).execute();
        }
        oversight().document("{ auditVerification { valid } }").execute().path("auditVerification.valid").entity(Boolean.class).isEqualTo(true);
    }

    long head() {
        var records = driver.executableQuery("MATCH (h:AuditHead) RETURN h.seq AS seq").execute().records();
        return records.isEmpty() ? 0 : records.get(0).get("seq").asLong();
    }

    /** Events after {@code seq} with the operation, oldest first: what the trail holds, read from the graph. */
    List<org.neo4j.driver.Record> eventsAfter(long seq, String operation) {
        return driver.executableQuery("MATCH (e:AuditEvent {operation: $op}) WHERE e.seq > $seq"
                + " RETURN e.actor AS actor, e.outcome AS outcome, e.affectedIds AS affected, e.requestedIds AS requested,"
                + " e.requestedCount AS count, COUNT { (e)-[:CONCERNS]->() } AS subjects ORDER BY e.seq")
                .withParameters(Map.of("op", operation, "seq", seq)).execute().records();
    }

    /** Attack (item 8): an anonymous, refused write naming 10,000 ids made an event with 10,000 subjects under the global lock. */
    @Test
    void aRefusalRecordsWhatWasAskedBoundedAndAffectsNothing() {
        long before = head();
        String marker = "INS-FLOOD-" + nextKey();
        List<Map<String, Object>> present = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> Map.<String, Object>of("inspectorId", "INSP-FLOOD-" + i, "certificateNo", "C" + i)).toList();
        graphQl().document("mutation($in: InspectionRecordInput!) { recordInspection(input: $in) { inspectionId } }")
                .variable("in", Map.of("inspectionId", marker, "conductedAt", "2026-03-02T10:00:00+08:00", "findings", List.of(),
                        "present", present)).execute().errors()
                .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
        List<org.neo4j.driver.Record> events = eventsAfter(before, "recordInspection");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asString()).startsWith("anonymous@");
            assertThat(e.get("affected").asList()).isEmpty();
            assertThat(e.get("requested").asList()).hasSize(10);
            assertThat(e.get("count").asInt()).isEqualTo(10_001);
            assertThat(e.get("subjects").asInt()).isEqualTo(10);
        });
        // The request record is part of the API and of the hashed chain.
        graphQl(admin()).document("query($a: String) { auditEvents(filter: {operation: \"recordInspection\", actor: $a}, first: 1) {"
                        + " edges { node { affectedIds requestedIds requestedCount outcome } } } }")
                .variable("a", events.get(0).get("actor").asString()).execute()
                .path("auditEvents.edges[0].node.requestedCount").entity(Integer.class).isEqualTo(10_001)
                .path("auditEvents.edges[0].node.requestedIds").entityList(String.class).hasSize(10)
                .path("auditEvents.edges[0].node.affectedIds").entityList(String.class).hasSize(0);
        oversight().document("{ auditVerification { valid } }").execute().path("auditVerification.valid").entity(Boolean.class).isEqualTo(true);
    }

    /** Item 16: an evidence upload's event names the file by its SHA-256 (affected on success, requested on refusal). */
    @Test
    void anEvidenceUploadNamesTheFileItStored() throws Exception {
        byte[] content = ("审计证据 " + nextKey()).getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
        body.part("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "证据.txt";
            }
        }).contentType(org.springframework.http.MediaType.TEXT_PLAIN);
        for (var subject : List.of(officer("HRSS-430100"), as(Role.PARTNER, "PARTNER-BIDDING-430000"))) {
            WebTestClient.bindToServer().baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer " + token(subject)).build()
                    .post().uri("/evidence/files").contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).bodyValue(body.build())
                    .exchange();
        }
        List<Map<String, Object>> events = graphQl(admin()).document(EVENTS).variable("s", sha).execute().path("auditEvents.edges[*].node")
                .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("operation", "uploadEvidenceFile"));
        assertThat(events.get(1)).containsEntry("outcome", "SUCCESS");
        assertThat((List<String>) events.get(1).get("affectedIds")).containsExactly(sha);
        assertThat(events.get(0)).containsEntry("outcome", "FORBIDDEN");
    }

    /** Item 15: uploads refused by the security filter (no token, a bad token) never reach their controller; they are recorded too. */
    @Test
    void anonymousUploadsRefusedBeforeTheirControllerAreRecorded() {
        long before = head();
        org.springframework.http.client.MultipartBodyBuilder csv = new org.springframework.http.client.MultipartBodyBuilder();
        csv.part("enterprises", "uscc,name,orgType,regionCode\n");
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().post().uri("/import/enterprises")
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).bodyValue(csv.build()).exchange()
                .expectStatus().isUnauthorized();
        org.springframework.http.client.MultipartBodyBuilder file = new org.springframework.http.client.MultipartBodyBuilder();
        file.part("file", "x");
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer not-a-token").build()
                .post().uri("/evidence/files").contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).bodyValue(file.build())
                .exchange().expectStatus().isUnauthorized();
        // A read refused the same way is no write: not recorded.
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get().uri("/evidence/files/" + "a".repeat(64)).exchange()
                .expectStatus().isUnauthorized();
        for (String operation : List.of("importEnterprises", "uploadEvidenceFile")) {
            assertThat(eventsAfter(before, operation)).as(operation).singleElement().satisfies(e -> {
                assertThat(e.get("actor").asString()).startsWith("anonymous@");
                assertThat(e.get("outcome").asString()).isEqualTo("UNAUTHENTICATED");
                assertThat(e.get("subjects").asInt()).isZero();
            });
        }
        assertThat(driver.executableQuery("MATCH (e:AuditEvent) WHERE e.seq > $seq AND e.actor STARTS WITH 'anonymous@' RETURN count(e) AS n")
                .withParameters(Map.of("seq", before)).execute().records().get(0).get("n").asLong()).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String subject) {
        return oversight().document(EVENTS).variable("s", subject).execute().path("auditEvents.edges[*].node").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }
}
