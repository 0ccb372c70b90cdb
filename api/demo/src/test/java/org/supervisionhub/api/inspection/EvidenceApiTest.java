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
@SuppressWarnings("unchecked")
class EvidenceApiTest extends HubIntegrationTest {

    @Autowired
    Driver driver;

    WebTestClient http(DemoIssuer.Subject subject) {
        // Uploads under a loaded machine can take longer than the client's default 5 s.
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(60))
                .defaultHeader("Authorization", "Bearer " + token(subject)).build();
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
        byte[] content = ("工资台账 " + nextKey()).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Map<String, Object> stored = upload(officer("HRSS-430100"), content, 200);
        assertThat(stored).containsEntry("sha256", expected).containsEntry("mediaType", "application/pdf");
        assertThat(upload(inspector("INSP-X", "HRSS-430100"), content, 200)).containsEntry("sha256", expected);
        assertThat(driver.executableQuery("MATCH (f:EvidenceFile {sha256: $s}) RETURN count(f) AS n").withParameters(Map.of("s", expected))
                .execute().records().get(0).get("n").asLong()).as("stored once").isEqualTo(1);
        // Partners do not upload evidence.
        assertThat((List<Map<String, Object>>) upload(as(org.supervisionhub.api.access.Role.PARTNER, "PARTNER-BIDDING-430000"), content, 403)
                .get("errors")).extracting(e -> e.get("code")).containsExactly("FORBIDDEN");

        String inspectionId = activeInspectionOf("HRSS-430100");
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
        http(officer("HRSS-430102")).get().uri("/evidence/files/" + expected).exchange().expectStatus().isNotFound();
    }

    static final String RECORD = "mutation($in: EvidenceInput!) { recordEvidence(input: $in) { id sha256 } }";

    /** An active inspection the department drew for itself: a new one, so the demo's inspections keep the evidence the demo gave them. */
    String activeInspectionOf(String department) {
        return InspectionFixtures.inspection(this::graphQl, clock, driver, department, java.time.LocalDate.of(clock.today().getYear(), 12, 31));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Uploads {@code content} with a raw part Content-Type (the client's builder would refuse a malformed one). */
    WebTestClient.ResponseSpec uploadRaw(DemoIssuer.Subject subject, byte[] content, String partContentType) {
        String boundary = "hub-boundary-" + nextKey();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\nContent-Type: "
                + partContentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return http(subject).post().uri("/evidence/files").contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                .bodyValue(body).exchange();
    }

    /** Attack (item 7): record another department's file by its hash against one's own inspection, then download it. */
    @Test
    void anotherDepartmentsFileCannotBeRecordedByItsHashAndSoNotDownloaded() throws Exception {
        byte[] secret = ("HRSS-430102 内部材料 " + nextKey()).getBytes(StandardCharsets.UTF_8);
        String sha = sha256(secret);
        upload(officer("HRSS-430102"), secret, 200);
        String ownInspection = activeInspectionOf("HRSS-430100");
        // Knowing the hash is not holding the file: answered like a file never stored.
        graphQl(officer("HRSS-430100")).document(RECORD).variable("in", input(ownInspection, sha, "PHYSICAL", null)).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("field", "input.sha256");
                }));
        http(officer("HRSS-430100")).get().uri("/evidence/files/" + sha).exchange().expectStatus().isNotFound();
        assertThat(driver.executableQuery("MATCH (x:Evidence {sha256: $s}) RETURN count(x) AS n").withParameters(Map.of("s", sha)).execute()
                .records().get(0).get("n").asLong()).isZero();
        // A department that uploads the same content itself holds it, and may record it.
        upload(officer("HRSS-430100"), secret, 200);
        graphQl(officer("HRSS-430100")).document(RECORD).variable("in", input(ownInspection, sha, "PHYSICAL", null)).execute()
                .path("recordEvidence.sha256").entity(String.class).isEqualTo(sha);
        http(officer("HRSS-430100")).get().uri("/evidence/files/" + sha).exchange().expectStatus().isOk();
    }

    /** Attack (item 12): a download tells whether a document is stored; another department's file and a missing one answer alike. */
    @Test
    void anotherDepartmentsFileAndAMissingFileAreBothNotFound() throws Exception {
        byte[] content = ("只属于本部门 " + nextKey()).getBytes(StandardCharsets.UTF_8);
        String sha = sha256(content);
        upload(officer("HRSS-430100"), content, 200);
        graphQl(officer("HRSS-430100")).document(RECORD).variable("in", input(activeInspectionOf("HRSS-430100"), sha, "PHYSICAL", null))
                .execute().path("recordEvidence.sha256").hasValue();
        http(leader("HRSS-430100")).get().uri("/evidence/files/" + sha).exchange().expectStatus().isOk();
        Map<?, ?> foreign = http(officer("HRSS-430102")).get().uri("/evidence/files/" + sha).exchange().expectStatus().isNotFound()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> missing = http(officer("HRSS-430102")).get().uri("/evidence/files/" + "e".repeat(64)).exchange().expectStatus().isNotFound()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<Map<String, Object>>) foreign.get("errors")).get(0)).containsEntry("code", "NOT_FOUND").containsEntry("field", "sha256");
        assertThat(((List<Map<String, Object>>) missing.get("errors")).get(0)).containsEntry("code", "NOT_FOUND").containsEntry("field", "sha256");
    }

    /** Attack (item 11): an uploaded HTML page served inline runs in the hub's origin; a malformed type breaks every download. */
    @Test
    void downloadsAreAttachmentsNoBrowserRendersAndMediaTypesAreCheckedAtUpload() throws Exception {
        byte[] page = ("<html><script>fetch('/graphql')</script>" + nextKey() + "</html>").getBytes(StandardCharsets.UTF_8);
        String sha = sha256(page);
        uploadRaw(officer("HRSS-430100"), page, "text/html").expectStatus().isOk();
        graphQl(officer("HRSS-430100")).document(RECORD).variable("in", input(activeInspectionOf("HRSS-430100"), sha, "PHYSICAL", null))
                .execute().path("recordEvidence.sha256").hasValue();
        http(officer("HRSS-430100")).get().uri("/evidence/files/" + sha).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + sha + "\"")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; sandbox");

        // A malformed media type is refused at upload, naming the field, and nothing is stored.
        byte[] other = ("类型不合法 " + nextKey()).getBytes(StandardCharsets.UTF_8);
        Map<?, ?> refused = uploadRaw(officer("HRSS-430100"), other, "not-a-type").expectStatus().isBadRequest().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(((List<Map<String, Object>>) refused.get("errors")).get(0)).containsEntry("code", "INVALID_VALUE")
                .containsEntry("field", "file.contentType");
        assertThat(driver.executableQuery("MATCH (f:EvidenceFile {sha256: $s}) RETURN count(f) AS n").withParameters(Map.of("s", sha256(other)))
                .execute().records().get(0).get("n").asLong()).isZero();
        // One stored before uploads were checked is served as bytes, not as a server error.
        driver.executableQuery("MATCH (f:EvidenceFile {sha256: $s}) SET f.mediaType = 'not-a-type'").withParameters(Map.of("s", sha)).execute();
        byte[] served = http(officer("HRSS-430100")).get().uri("/evidence/files/" + sha).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + sha + "\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(page);
    }
}
