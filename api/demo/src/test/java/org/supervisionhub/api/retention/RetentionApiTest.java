package org.supervisionhub.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.DemoIssuer;
import org.supervisionhub.api.inspection.EvidenceService;
import org.supervisionhub.graph.inspection.EvidenceRepository;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;

/**
 * Retention through the running hub: an exported receipt found by id over GraphQL, an externalised evidence file
 * downloaded over HTTP. Records are dated 2020, long before anything else in the test graph, so that exporting what is
 * older than 2020-06 moves only this class's records.
 */
class RetentionApiTest extends HubIntegrationTest {

    static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("2020-01-15T08:30:00Z");
    static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2020-06-01T00:00:00Z");

    @Autowired
    RetentionService retention;
    @Autowired
    ReceiptRepository receipts;
    @Autowired
    EvidenceRepository evidence;
    @Value("${hub.retention.export-dir}")
    Path exportDir;

    WebTestClient http(DemoIssuer.Subject subject) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(60))
                .defaultHeader("Authorization", "Bearer " + token(subject)).build();
    }

    @Test
    void anExportedReceiptIsNoLongerInTheGraphAndSaysWhichExportAndDigestItWentTo() {
        String id = "RCP-20200115083000-" + String.format("%016x", nextKey());
        written(() -> {
            receipts.saveAll(List.of(new Receipt(id, LONG_AGO, "partner", "client", "HRSS-430100", "permit P-1", "ENTERPRISE", "91430102MA0000001X",
                    RestrictionDomain.BIDDING_TENDERING, LONG_AGO, false, "digest", "{\"content\":{}}", LONG_AGO)));
            return null;
        });

        RetentionService.Outcome outcome = retention.exportReceipts(CUTOFF, () -> true);

        assertThat(outcome.records()).isEqualTo(1);
        String file = outcome.files().get(0);
        graphQl(admin()).document("{ restrictionReceipt(id: \"" + id + "\") { id } }").execute().path("restrictionReceipt").valueIsNull();
        Map<String, Object> where = graphQl(admin()).document("{ exportedRestrictionReceipt(id: \"" + id + "\") {"
                + " receiptId file sha256 count from inFile } }").execute().path("exportedRestrictionReceipt").entity(Map.class).get();
        assertThat(where).containsEntry("receiptId", id).containsEntry("file", file).containsEntry("count", 1).containsEntry("inFile", true);
        RetentionService.FileCheck check = retention.verify(file);
        assertThat(check.valid()).isTrue();
        assertThat(where.get("sha256")).isEqualTo(check.actualSha256());
        graphQl(admin()).document("{ exportedRestrictionReceipt(id: \"RCP-20991231000000-unknown\") { file } }").execute()
                .path("exportedRestrictionReceipt").valueIsNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExternalisedEvidenceFileIsStillDownloadedAndRefusedOnceItNoLongerMatchesItsSha256() throws Exception {
        byte[] content = ("old site photo " + nextKey()).getBytes(StandardCharsets.UTF_8);
        String sha = EvidenceService.sha256(content);
        written(() -> {
            evidence.store(sha, content, "image/jpeg", "HRSS-430100", LONG_AGO);
            return null;
        });

        assertThat(retention.externaliseEvidence(CUTOFF, LocalDate.of(2026, 12, 4), () -> true).records()).isGreaterThanOrEqualTo(1);

        assertThat(evidence.file(sha, true)).hasValueSatisfying(f -> assertThat(f.content()).isNull());
        byte[] served = http(admin()).get().uri("/evidence/files/" + sha).exchange().expectStatus().isOk().expectBody(byte[].class)
                .returnResult().getResponseBody();
        assertThat(served).isEqualTo(content);

        Path file = exportDir.resolve("evidence/" + sha.substring(0, 2) + "/" + sha);
        Files.write(file, "not the photo".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> refused = http(admin()).get().uri("/evidence/files/" + sha).exchange().expectStatus().is5xxServerError()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) refused.get("errors")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("code", "INTERNAL").containsEntry("field", "sha256");
            assertThat((String) e.get("message")).contains("no longer matches its SHA-256");
        });
        Files.write(file, content);
    }
}
