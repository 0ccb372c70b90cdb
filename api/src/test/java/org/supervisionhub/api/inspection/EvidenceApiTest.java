package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.DemoIssuer;

/** Evidence through the upload endpoint and the GraphQL API on the real graph (EVID-01..06). */
class EvidenceApiTest extends HubIntegrationTest {

    @Autowired
    Driver driver;

    WebTestClient http(DemoIssuer.Subject subject) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer " + token(subject)).build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> upload(DemoIssuer.Subject subject, byte[] content, int status) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "工资台账.pdf";
            }
        }).contentType(MediaType.APPLICATION_PDF);
        return http(subject).post().uri("/evidence/files").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body.build()).exchange()
                .expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    static Map<String, Object> input(String inspectionId, String sha, String type, Boolean sealed) {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("inspectionId", inspectionId, "sha256", sha, "fileName", "工资台账.pdf", "type", type,
                "method", "ON_SITE", "description", "2026年1-9月工资支付台账复印件", "supports", "发现问题已责令改正：拖欠工资"));
        if (sealed != null) {
            in.put("sealed", sealed);
        }
        return in;
    }

    @Test
    @SuppressWarnings("unchecked")
    void filesAreStoredOnceUnderTheirSha256AndRecordedAsEvidenceWithTypeMethodAndSealEVID02to05() throws Exception {
        byte[] content = ("工资台账 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Map<String, Object> stored = upload(officer("HRSS-430100"), content, 200);
        assertThat(stored).containsEntry("sha256", expected).containsEntry("mediaType", "application/pdf");
        assertThat(upload(inspector("INSP-X", "HRSS-430100"), content, 200)).containsEntry("sha256", expected);
        assertThat(driver.executableQuery("MATCH (f:EvidenceFile {sha256: $s}) RETURN count(f) AS n").withParameters(Map.of("s", expected))
                .execute().records().get(0).get("n").asLong()).as("stored once").isEqualTo(1);
        // Partners do not upload evidence.
        assertThat((List<Map<String, Object>>) upload(as(org.supervisionhub.api.access.Role.PARTNER, "PARTNER-BIDDING-430000"), content, 403)
                .get("errors")).extracting(e -> e.get("code")).containsExactly("FORBIDDEN");

        String inspectionId = driver.executableQuery("MATCH (i:Inspection {status: 'ACTIVE', drawnBy: 'HRSS-430100'})"
                + " WHERE coalesce(i.inspectedBy, i.drawnBy) = 'HRSS-430100' AND NOT EXISTS { (:ArchiveFile)-[:ARCHIVES]->(i) }"
                + " RETURN i.id AS id LIMIT 1").execute().records().get(0).get("id").asString();
        String record = "mutation($in: EvidenceInput!) { recordEvidence(input: $in) { id sha256 size mediaType type method sealed supports } }";
        graphQl(officer("HRSS-430100")).document(record).variable("in", input(inspectionId, expected, "DOCUMENTARY", null)).execute().errors()
                .satisfy(errors -> assertThat(errors).anySatisfy(e -> {
                    assertThat(e.getExtensions().get("field")).isEqualTo("input.sealed");
                    assertThat(e.getExtensions().get("rule")).isEqualTo("EVID-05");
                }));
        graphQl(officer("HRSS-430100")).document(record).variable("in", input(inspectionId, "0".repeat(64), "PHYSICAL", null)).execute().errors()
                .satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("code")).isEqualTo("NOT_FOUND")));
        graphQl(officer("HRSS-430102")).document(record).variable("in", input(inspectionId, expected, "DOCUMENTARY", true)).execute().errors()
                .satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));
        Map<String, Object> evidence = graphQl(officer("HRSS-430100")).document(record).variable("in", input(inspectionId, expected, "DOCUMENTARY", true))
                .execute().path("recordEvidence").entity(Map.class).get();
        assertThat(evidence).containsEntry("sha256", expected).containsEntry("size", content.length).containsEntry("type", "DOCUMENTARY")
                .containsEntry("sealed", true);

        assertThat(graphQl(leader("HRSS-430100")).document("{ inspectionEvidence(inspectionId: \"" + inspectionId + "\") { id } }").execute()
                .path("inspectionEvidence[*].id").entityList(String.class).get()).contains((String) evidence.get("id"));
        assertThat(graphQl(officer("HRSS-430102")).document("{ inspectionEvidence(inspectionId: \"" + inspectionId + "\") { id } }").execute()
                .path("inspectionEvidence").entityList(Map.class).get()).isEmpty();
        // The file comes back byte for byte to the department, not to another one.
        byte[] downloaded = http(leader("HRSS-430100")).get().uri("/evidence/files/" + expected).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(content);
        http(officer("HRSS-430102")).get().uri("/evidence/files/" + expected).exchange().expectStatus().isForbidden();
    }
}
