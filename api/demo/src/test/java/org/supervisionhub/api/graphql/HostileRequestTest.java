package org.supervisionhub.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.DemoIssuer;
import org.supervisionhub.api.access.Role;

/** Requests meant to hurt: each gets a typed refusal, never a 5xx, and changes nothing. */
class HostileRequestTest extends HubIntegrationTest {

    @Autowired
    Driver driver;

    WebTestClient http() {
        // An officer who may write: what refuses these requests is the limits, not a missing token.
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(60))
                .defaultHeader("Authorization", "Bearer " + token(officer("HRSS-430100"))).build();
    }

    /** Posts a raw body and returns the status and the first error's code. */
    Map<String, Object> post(String body) {
        return post(http(), body);
    }

    Map<String, Object> post(WebTestClient client, String body) {
        EntityExchangeResult<Map> result = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(Map.class).returnResult();
        assertThat(result.getStatus().is5xxServerError()).as("status " + result.getStatus()).isFalse();
        Map<String, Object> json = result.getResponseBody();
        List<Map<String, Object>> errors = json == null ? List.of() : (List<Map<String, Object>>) json.getOrDefault("errors", List.of());
        return Map.of("status", result.getStatus().value(),
                "code", errors.isEmpty() ? "" : ((Map<String, Object>) errors.get(0).get("extensions")).getOrDefault("code", ""));
    }

    static String query(String document) {
        return "{\"query\":\"" + document.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"}";
    }

    long enterprises() {
        return driver.executableQuery("MATCH (e:Enterprise) RETURN count(e) AS n").execute().records().get(0).get("n").asLong();
    }

    @Test
    void mutationDocumentsRefusedAsInvalidAreRecordedQueriesAreNot() {
        long before = driver.executableQuery("MATCH (h:AuditHead) RETURN h.seq AS seq").execute().records().stream()
                .mapToLong(r -> r.get("seq").asLong()).findFirst().orElse(0);
        assertThat(post(query("mutation { upsertEnterprise(input: {uscc: 42}) { uscc } }"))).containsEntry("code", "GRAPHQL_VALIDATION");
        assertThat(post(query("# a comment\n mutation { endLink(input: {")).get("code")).isEqualTo("GRAPHQL_SYNTAX");
        assertThat(post(query("{ hubInfo { version } nope }")).get("code")).isEqualTo("GRAPHQL_VALIDATION");
        assertThat(post(query("{ hubInfo {")).get("code")).isEqualTo("GRAPHQL_SYNTAX");
        var events = driver.executableQuery("MATCH (e:AuditEvent) WHERE e.seq > $seq AND e.actor = 'officer@HRSS-430100'"
                + " AND e.outcome IN ['GRAPHQL_VALIDATION', 'GRAPHQL_SYNTAX'] RETURN e.operation AS op, e.outcome AS outcome ORDER BY e.seq")
                .withParameters(Map.of("seq", before)).execute().records();
        assertThat(events).extracting(e -> e.get("op").asString() + "/" + e.get("outcome").asString())
                .containsExactly("upsertEnterprise/GRAPHQL_VALIDATION", "mutation/GRAPHQL_SYNTAX");
    }

    @Test
    void aDepthBombIsRefusedAsTooDeep() {
        String bomb = "{ departmentTree { " + "subordinates { superior { ".repeat(8) + "id" + " } }".repeat(8) + " } }";
        assertThat(post(query(bomb))).containsEntry("code", "QUERY_TOO_DEEP");
    }

    @Test
    void anAliasExplosionIsRefusedBeforeAnyMutationRuns() {
        long before = enterprises();
        StringBuilder doc = new StringBuilder("mutation {");
        for (int i = 0; i < 40; i++) {
            doc.append(" m").append(i).append(": upsertEnterprise(input: {uscc: \"").append(newUscc())
                    .append("\", name: \"别名攻击\", orgType: COMPANY, regionCode: \"430102\"}) { uscc }");
        }
        doc.append(" }");
        assertThat(post(query(doc.toString()))).containsEntry("code", "TOO_MANY_ALIASES");
        assertThat(enterprises()).isEqualTo(before);
    }

    /** Item 15: a mutation document refused by the limits runs no mutation field, so nothing audited it; it is recorded once. */
    @Test
    void aMutationDocumentRefusedByTheLimitsIsRecordedOnceBounded() {
        long before = driver.executableQuery("MATCH (h:AuditHead) RETURN h.seq AS seq").execute().records().stream()
                .mapToLong(r -> r.get("seq").asLong()).findFirst().orElse(0);
        StringBuilder doc = new StringBuilder("mutation {");
        for (int i = 0; i < 40; i++) {
            doc.append(" m").append(i).append(": upsertEnterprise(input: {uscc: \"").append(newUscc())
                    .append("\", name: \"别名攻击\", orgType: COMPANY, regionCode: \"430102\"}) { uscc }");
        }
        doc.append(" }");
        assertThat(post(query(doc.toString()))).containsEntry("code", "TOO_MANY_ALIASES");
        // A query refused the same way is no write: not recorded.
        assertThat(post(query("{ departmentTree { " + "subordinates { superior { ".repeat(8) + "id" + " } }".repeat(8) + " } }")))
                .containsEntry("code", "QUERY_TOO_DEEP");
        var events = driver.executableQuery("MATCH (e:AuditEvent) WHERE e.seq > $seq AND e.actor = 'officer@HRSS-430100'"
                + " AND e.outcome IN ['TOO_MANY_ALIASES', 'QUERY_TOO_DEEP'] RETURN e.operation AS op, e.outcome AS outcome,"
                + " e.argumentsDigest AS digest, COUNT { (e)-[:CONCERNS]->() } AS subjects").withParameters(Map.of("seq", before)).execute().records();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("op").asString()).isEqualTo("upsertEnterprise");
            assertThat(e.get("outcome").asString()).isEqualTo("TOO_MANY_ALIASES");
            assertThat(e.get("digest").asString()).hasSize(64);
            assertThat(e.get("subjects").asInt()).isZero();
        });
    }

    @Test
    void hugeNestedListsAndFragmentExplosionsAreRefusedAsTooCostly() {
        String lists = "{ enterprises(first: 200) { edges { node { links(first: 200) { edges { node { counterpart { "
                + "... on Enterprise { links(first: 200) { totalCount } } } } } } } } } }";
        assertThat(post(query(lists))).containsEntry("code", "QUERY_TOO_COSTLY");
        String fragments = "query { enterprises(first: 100) { edges { node { ...A } } } } "
                + "fragment A on Enterprise { links(first: 100) { edges { node { counterpart { ...B } } } } } "
                + "fragment B on Enterprise { links(first: 100) { edges { node { counterpart { ... on Enterprise { uscc } } } } } }";
        assertThat(post(query(fragments))).containsEntry("code", "QUERY_TOO_COSTLY");
    }

    /**
     * Security round 2, item 2: lists without {@code first} counted once, so this anonymous walk down and back up the
     * department tree cost ~15 and returned 1.4 M departments (36 MB) in ~27 s. Each subordinates list now counts its
     * declared size (@listSize).
     */
    @Test
    void anAnonymousDepartmentTreeBackLinkRecursionIsRefusedAsTooCostly() {
        // Depth 15, the most hub.graphql.limits.max-depth allows: only the cost can refuse it.
        String walk = "{ departmentTree { " + "subordinates { superior { ".repeat(6) + "subordinates { id }" + " } }".repeat(6) + " } }";
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
        assertThat(post(anonymous, query(walk))).containsEntry("code", "QUERY_TOO_COSTLY");
        // The tree itself, province to county, is still answered.
        assertThat(post(anonymous, query("{ departmentTree { id subordinates { id name subordinates { id name } } } }")))
                .containsEntry("code", "");
    }

    @Test
    void pageSizesPassedAsVariablesCountTowardsTheCost() {
        String body = "{\"query\":\"query($n: Int) { enterprises(first: $n) { edges { node { links(first: $n) { edges { node { "
                + "counterpart { ... on Enterprise { links(first: $n) { totalCount } } } } } } } } } }\",\"variables\":{\"n\":200}}";
        assertThat(post(body)).containsEntry("code", "QUERY_TOO_COSTLY");
    }

    @Test
    void aDocumentAlreadyParsedAndCachedIsStillLimitedByItsVariables() {
        String document = "query($n: Int) { enterprises(first: $n) { edges { node { links(first: $n) { edges { node { "
                + "counterpart { ... on Enterprise { links(first: $n) { totalCount } } } } } } } } } }";
        // The first request caches the valid document (DocumentCache); the cost limit still applies to the second.
        assertThat(post("{\"query\":\"" + document + "\",\"variables\":{\"n\":2}}")).containsEntry("code", "");
        assertThat(post("{\"query\":\"" + document + "\",\"variables\":{\"n\":200}}")).containsEntry("code", "QUERY_TOO_COSTLY");
    }

    @Test
    void anOversizedBodyIsRefusedUnread() {
        String padding = "x".repeat(17 * 1024 * 1024);
        assertThat(post(query("{ hubInfo { version } } # " + padding))).containsEntry("status", 413).containsEntry("code", "REQUEST_TOO_LARGE");
    }

    @Test
    void wrongTypesAreValidationErrors() {
        assertThat(post(query("{ enterprises(first: \"ten\") { totalCount } }")).get("code")).isEqualTo("GRAPHQL_VALIDATION");
        assertThat(post("{\"query\":\"query($n: Int) { enterprises(first: $n) { totalCount } }\",\"variables\":{\"n\":\"ten\"}}")
                .get("code")).isIn("GRAPHQL_VALIDATION", "INVALID_VALUE");
        assertThat(post("{\"query\": 42}").get("code")).isNotIn("", "INTERNAL");
    }

    @Test
    void batchedOperationsAreRefusedNotExecuted() {
        long before = enterprises();
        String one = "{\"query\":\"mutation { upsertEnterprise(input: {uscc: \\\"" + newUscc()
                + "\\\", name: \\\"批量\\\", orgType: COMPANY, regionCode: \\\"430102\\\"}) { uscc } }\"}";
        Map<String, Object> refused = post("[" + one + "," + one + "]");
        assertThat((Integer) refused.get("status")).isBetween(400, 499);
        assertThat(enterprises()).isEqualTo(before);
    }

    @Test
    void aDocumentThatPassedTheLimitsIsRefusedWhenOtherVariablesMakeItTooDeepOrTooCostly() {
        // QueryLimits.Passed remembers passed operations by the variables that can change the walk: a @skip/@include
        // condition and a page size are such variables, so the same document with other values is checked again.
        String deep = "query($deep: Boolean!, $n: Int) { departmentTree { subordinates @include(if: $deep) { "
                + "superior { subordinates { ".repeat(8) + "id" + " } }".repeat(8) + " } } enterprises(first: $n) { totalCount } }";
        String body = "{\"query\":\"" + deep + "\",\"variables\":{\"deep\":%s,\"n\":%d}}";
        assertThat(post(body.formatted("false", 2))).containsEntry("code", "");
        assertThat(post(body.formatted("false", 2))).containsEntry("code", "");
        assertThat(post(body.formatted("true", 2))).containsEntry("code", "QUERY_TOO_DEEP");
        String costly = "query($n: Int) { enterprises(first: $n) { edges { node { links(first: $n) { edges { node { "
                + "counterpart { ... on Enterprise { links(first: $n) { totalCount } } } } } } } } } }";
        String costlyBody = "{\"query\":\"" + costly + "\",\"variables\":{\"n\":%d}}";
        assertThat(post(costlyBody.formatted(2))).containsEntry("code", "");
        assertThat(post(costlyBody.formatted(2))).containsEntry("code", "");
        assertThat(post(costlyBody.formatted(200))).containsEntry("code", "QUERY_TOO_COSTLY");
    }

    @Test
    void ordinaryDeepButCheapQueriesStillPass() {
        graphQl(officer("HRSS-430100")).document(org.supervisionhub.api.directory.NestedLoadingTest.DEEP).variable("n", 50).execute()
                .path("enterprises.edges").entityList(Object.class).hasSize(50);
    }

    @Test
    void aMalformedReasonHeaderIsKeptAsTextNotAServerError() {
        // Security round 2, item 13: "%zz" is not percent-encoding; URLDecoder threw and every request answered 500.
        for (WebTestClient client : List.of(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build(), http())) {
            EntityExchangeResult<Map> result = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Hub-Reason", "%zz").bodyValue(query("{ hubInfo { version } }")).exchange().expectBody(Map.class).returnResult();
            assertThat(result.getStatus().value()).isEqualTo(200);
            assertThat(result.getResponseBody()).doesNotContainKey("errors");
        }
    }

    @Test
    void datesOutsideTheYears1900To9999AreTypedRefusalsNotInternal() {
        // Security round 2, item 14: ISO-8601 admits +999999999; it overflowed further in and answered INTERNAL.
        String uscc = newUscc();
        String check = "query($at: DateTime) { restrictionCheck(subject: {uscc: \\\"" + uscc + "\\\"}, domain: BIDDING_TENDERING,"
                + " purpose: \\\"t\\\", asOf: $at) { restricted } }";
        // The same question with an ordinary date is answered: what is refused below is the date alone.
        assertThat(post("{\"query\":\"" + check + "\",\"variables\":{\"at\":\"2026-01-01T00:00:00Z\"}}")).containsEntry("code", "");
        for (String at : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z")) {
            Map<String, Object> refused = post("{\"query\":\"" + check + "\",\"variables\":{\"at\":\"" + at + "\"}}");
            assertThat(refused.get("code")).as(at).isNotIn("", "INTERNAL");
        }
        Map<String, Object> literal = post(query("{ restrictionCheck(subject: {uscc: \"" + uscc + "\"}, domain: BIDDING_TENDERING,"
                + " purpose: \"t\", asOf: \"+999999999-12-31T23:59:59Z\") { restricted } }"));
        assertThat(literal.get("code")).isNotIn("", "INTERNAL");
    }

    /** A token of a client whose quota (HubIntegrationTest) is 3 requests a minute, used by one test only. */
    String probe(String client) {
        return issuer.mint(new DemoIssuer.Subject(client, List.of(Role.ANALYST), null, null, null)).accessToken();
    }

    @Test
    void operationsOverOneWebSocketConnectionCountTowardsTheClientsQuota() {
        WebSocketGraphQlTester ws = webSocket(probe("rate-probe-ws"));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<ResponseError> errors = new ArrayList<>();
            try {
                ws.document("{ hubInfo { version } }").execute().errors().satisfy(errors::addAll);
            } catch (SubscriptionErrorException e) {
                errors.addAll(e.getErrors());
            }
            outcomes.add(errors.isEmpty() ? "ok" : String.valueOf(errors.get(0).getExtensions().get("code")));
        }
        // Quota 3: the rest of the operations on the same, still open, connection are refused with a typed error.
        assertThat(outcomes).containsExactly("ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED");
    }

    @Test
    void graphiqlIsServedByTheHubWithNothingFromElsewhereAndOnlyWhereEnabled() throws Exception {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(60)).build();
        // The test context enables it (hub.graphiql.enabled), as the demo profile does.
        var page = anonymous.get().uri("/graphiql/").exchange().returnResult(String.class);
        assertThat(page.getStatus().value()).isEqualTo(200);
        String csp = page.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("http");
        String html = String.join("", page.getResponseBody().collectList().block());
        java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        int count = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertThat(asset).doesNotContain("//");
            assertThat(anonymous.get().uri("/graphiql/" + asset).exchange().returnResult(byte[].class).getStatus().value()).as(asset).isEqualTo(200);
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(5);
        assertThat(anonymous.get().uri("/graphiql").exchange().returnResult(String.class).getResponseHeaders().getLocation())
                .hasToString("/graphiql/");
        // Off unless enabled: the base configuration leaves it off, the demo profile turns it on; Spring's CDN page is never on.
        var loader = new org.springframework.boot.env.YamlPropertySourceLoader();
        var base = loader.load("base", new org.springframework.core.io.ClassPathResource("application.yml")).get(0);
        var demo = loader.load("demo", new org.springframework.core.io.ClassPathResource("application-demo.yml")).get(0);
        assertThat(base.getProperty("hub.graphiql.enabled")).isNull();
        assertThat(base.getProperty("spring.graphql.graphiql.enabled")).hasToString("false");
        assertThat(demo.getProperty("hub.graphiql.enabled")).hasToString("true");
        new org.springframework.boot.test.context.runner.WebApplicationContextRunner().withUserConfiguration(GraphiqlPage.class)
                .run(context -> assertThat(context).doesNotHaveBean(GraphiqlPage.class));
        new org.springframework.boot.test.context.runner.WebApplicationContextRunner().withUserConfiguration(GraphiqlPage.class)
                .withPropertyValues("hub.graphiql.enabled=true").run(context -> assertThat(context).hasSingleBean(GraphiqlPage.class));
    }

    @Test
    void publicDrawDocumentsAreRateLimited() {
        String token = probe("rate-probe-draws");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var result = http().get().uri("/public/draws/no-such-draw-" + i).header("Authorization", "Bearer " + token)
                    .exchange().returnResult(String.class);
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                assertThat(result.getResponseBody().blockFirst()).contains("RATE_LIMITED");
            }
        }
        assertThat(statuses).containsExactly(404, 404, 404, 429, 429);
    }

    @Test
    void tokenRequestsToTheDemoIssuerAreRateLimited() {
        String token = probe("rate-probe-issuer");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var result = http().post().uri("/demo-issuer/token").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", "nobody")
                            .with("client_secret", "wrong")).exchange().returnResult(String.class);
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                assertThat(result.getResponseBody().blockFirst()).contains("RATE_LIMITED");
            }
        }
        assertThat(statuses).containsExactly(401, 401, 401, 429, 429);
    }
}
