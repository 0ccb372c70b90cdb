package org.supervisionhub.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;

/**
 * What Prometheus scrapes (docs/production.md, "Operations"): after restriction checks through the API, their latency
 * histogram, their answers by outcome and their receipts have moved by exactly what was asked; the draws the demo committed
 * and executed, the sources' lag and dead letters, the outbox and the provisional deadlines are there. Scraping takes an
 * administrator's token.
 */
class MetricsApiTest extends HubIntegrationTest {

    static final String CHECK = """
            query($s: SubjectInput!) {
              restrictionCheck(subject: $s, domain: BIDDING_TENDERING, purpose: "metrics test", asOf: "2025-08-01T12:00:00+08:00") {
                restricted receiptId } }""";

    WebTestClient http() {
        // A scrape after the whole suite's requests is larger than the client's default 256 KB buffer.
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    String scrape() {
        return http().get().uri("/actuator/prometheus").header("Authorization", "Bearer " + token(admin())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** The value of one series, e.g. {@code hub_restriction_answers_total{outcome="clear"}}; 0 when absent. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    String enterprise(HttpGraphQlTester admin) {
        String uscc = newUscc();
        admin.document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", uscc, "name", "指标测试企业", "orgType", "COMPANY", "regionCode", "430102"))
                .execute().path("upsertEnterprise.uscc").entity(String.class).isEqualTo(uscc);
        return uscc;
    }

    @Test
    void aScrapeAfterRestrictionChecksShowsTheirLatencyOutcomesAndReceipts() {
        HttpGraphQlTester admin = graphQl(admin());
        String clear = enterprise(admin);
        String listed = enterprise(admin);
        graphQl(officer("MS-430100")).document("""
                        mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }""")
                .variable("in", Map.of("uscc", listed, "type", "SERIOUS_VIOLATION_LIST", "issuingDepartmentId", "MS-430100",
                        "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", "指标测试", "listedAt", "2025-03-01T09:00:00+08:00"))
                .execute().path("recordCreditListing.id").hasValue();
        String before = scrape();

        HttpGraphQlTester partner = graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000"));
        partner.document(CHECK).variable("s", Map.of("uscc", clear)).execute().path("restrictionCheck.restricted").entity(Boolean.class).isEqualTo(false);
        partner.document(CHECK).variable("s", Map.of("uscc", clear)).execute().path("restrictionCheck.restricted").entity(Boolean.class).isEqualTo(false);
        partner.document(CHECK).variable("s", Map.of("uscc", listed)).execute().path("restrictionCheck.restricted").entity(Boolean.class).isEqualTo(true);
        String after = scrape();

        assertThat(value(after, "hub_restriction_check_seconds_count{result=\"ok\"}") - value(before, "hub_restriction_check_seconds_count{result=\"ok\"}"))
                .isEqualTo(3);
        assertThat(value(after, "hub_restriction_answers_total{outcome=\"clear\"}") - value(before, "hub_restriction_answers_total{outcome=\"clear\"}"))
                .isEqualTo(2);
        assertThat(value(after, "hub_restriction_answers_total{outcome=\"restricted\"}")
                - value(before, "hub_restriction_answers_total{outcome=\"restricted\"}")).isEqualTo(1);
        assertThat(value(after, "hub_restriction_receipts_written_total") - value(before, "hub_restriction_receipts_written_total"))
                .isGreaterThanOrEqualTo(3);
        // A histogram: cumulative buckets up to +Inf, which holds every call.
        assertThat(after).containsPattern("hub_restriction_check_seconds_bucket\\{result=\"ok\",le=\"0\\.0\\d+\"} ");
        assertThat(value(after, "hub_restriction_check_seconds_bucket{result=\"ok\",le=\"+Inf\"}"))
                .isEqualTo(value(after, "hub_restriction_check_seconds_count{result=\"ok\"}"));
    }

    @Test
    void aScrapeShowsDrawsSourcesOutboxAndProvisionalDeadlines() {
        String scrape = scrape();
        // The demo province commits and executes its draws through the draw service at start.
        assertThat(value(scrape, "hub_sampling_draws_total{stage=\"committed\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hub_sampling_draws_total{stage=\"executed\"}")).isGreaterThanOrEqualTo(1);
        for (String source : new String[] {"MARKET_SUPERVISION", "TAX", "CREDIT_PLATFORM"}) {
            assertThat(scrape).containsPattern("(?m)^hub_connectors_sync_lag_seconds\\{source=\"" + source + "\"} ")
                    .containsPattern("(?m)^hub_connectors_dead_letters\\{source=\"" + source + "\"} ");
        }
        assertThat(scrape).containsPattern("(?m)^hub_connectors_outbox_messages\\{status=\"pending\"} \\d")
                .containsPattern("(?m)^hub_connectors_outbox_messages\\{status=\"failed\"} \\d")
                .containsPattern("(?m)^hub_calendar_provisional_deadlines \\d");
    }

    @Test
    void scrapingTakesAnAdministratorsToken() {
        http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http().get().uri("/actuator/prometheus").header("Authorization", "Bearer " + token(officer("MS-430100"))).exchange()
                .expectStatus().isForbidden();
    }
}
