package org.supervisionhub.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.neo4j.driver.Driver;
import org.supervisionhub.api.HubIntegrationTest;

/** GraphQL over HTTP with GET: queries run like POSTed ones; anything that could write is refused with 405. */
class GraphQlOverHttpGetTest extends HubIntegrationTest {

    @Autowired
    Driver driver;

    EntityExchangeResult<Map> get(String token, String... params) {
        StringBuilder uri = new StringBuilder("/graphql?");
        for (int i = 0; i < params.length; i += 2) {
            uri.append(i == 0 ? "" : "&").append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        WebTestClient.RequestHeadersSpec<?> spec = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(60)).build().get()
                .uri(java.net.URI.create("http://localhost:" + port + uri));
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange().expectBody(Map.class).returnResult();
    }

    long enterprises() {
        return driver.executableQuery("MATCH (e:Enterprise) RETURN count(e) AS n").execute().records().get(0).get("n").asLong();
    }

    @Test
    void aQueryByGetAnswersLikeByPostWithVariablesAndTheSameAccessRules() {
        var anonymous = get(null, "query", "query($u: ID!) { enterprise(uscc: $u) { uscc } hubInfo { version } }",
                "variables", "{\"u\":\"nope\"}");
        assertThat(anonymous.getStatus().value()).isEqualTo(200);
        assertThat((Map<String, Object>) anonymous.getResponseBody().get("data")).containsKey("hubInfo");
        // Introspection needs a token by GET as by POST.
        var introspection = get(null, "query", "{ __schema { queryType { name } } }");
        assertThat(String.valueOf(introspection.getResponseBody())).contains("UNAUTHENTICATED");
        var signedIn = get(token(officer("HRSS-430100")), "query", "query Q { __schema { queryType { name } } }", "operationName", "Q");
        assertThat(String.valueOf(signedIn.getResponseBody())).contains("queryType").doesNotContain("errors");
    }

    @Test
    void aMutationSentByGetIsRefusedWith405AndChangesNothing() {
        long before = enterprises();
        String upsert = "mutation { upsertEnterprise(input: {uscc: \"91430100MA4GETGET1\", name: \"GET\", orgType: COMPANY, regionCode: \"430102\"}) { uscc } }";
        var refused = get(token(officer("HRSS-430100")), "query", upsert);
        assertThat(refused.getStatus().value()).isEqualTo(405);
        assertThat(refused.getResponseHeaders().getFirst("Allow")).isEqualTo("POST");
        // Choosing the mutation of a document that also holds a query is refused alike.
        var chosen = get(token(officer("HRSS-430100")), "query", "query A { hubInfo { version } } " + upsert.replace("mutation", "mutation B"),
                "operationName", "B");
        assertThat(chosen.getStatus().value()).isEqualTo(405);
        assertThat(get(token(officer("HRSS-430100")), "query", "subscription { restrictionChanges(subjects: []) { cause } }").getStatus().value())
                .isEqualTo(405);
        assertThat(enterprises()).isEqualTo(before);
    }

    @Test
    void variablesThatAreNotAJsonObjectAreATypedRefusal() {
        var bad = get(null, "query", "{ hubInfo { version } }", "variables", "[1,2]");
        assertThat(bad.getStatus().value()).isEqualTo(400);
        assertThat(String.valueOf(bad.getResponseBody())).contains("INVALID_VALUE", "variables");
    }
}
