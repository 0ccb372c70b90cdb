package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;

/** graphql-java's own errors (syntax, validation, bad-faith introspection) answer in the hub's codes and classifications. */
class ErrorVocabularyApiTest extends HubIntegrationTest {

    /** The errors of a raw POST by an authenticated analyst (introspection needs a token). */
    List<Map<String, Object>> errors(String document) {
        EntityExchangeResult<Map> result = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token(analyst()))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document)).exchange().expectBody(Map.class).returnResult();
        assertThat(result.getStatus().is5xxServerError()).as("status " + result.getStatus()).isFalse();
        return (List<Map<String, Object>>) result.getResponseBody().getOrDefault("errors", List.of());
    }

    static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.get("extensions");
    }

    @Test
    void aSyntaxErrorIsGraphqlSyntaxAndABadRequest() {
        List<Map<String, Object>> errors = errors("{ hubInfo { version }");
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(extensions(e))
                .containsEntry("code", "GRAPHQL_SYNTAX").containsEntry("classification", "BAD_REQUEST"));
    }

    @Test
    void aValidationErrorIsGraphqlValidationAndABadRequest() {
        List<Map<String, Object>> errors = errors("{ hubInfo { noSuchField } enterprises(first: \"ten\") { totalCount } }");
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(extensions(e))
                .containsEntry("code", "GRAPHQL_VALIDATION").containsEntry("classification", "BAD_REQUEST"));
    }

    @Test
    void aLargeButLegitimateIntrospectionIsRefusedAsTooCostlyNotInternal() {
        // A client asking for several types at once: legitimate, but over graphql-java's good-faith limits
        // (which answer with their own BadFaithIntrospection classification).
        StringBuilder doc = new StringBuilder("{ __schema { queryType { name } }");
        for (String type : List.of("Enterprise", "Person", "Draw", "Inspection", "ErrorCode")) {
            doc.append(" t").append(type).append(": __type(name: \"").append(type).append("\") { name fields { name type { name } } }");
        }
        doc.append(" }");
        List<Map<String, Object>> errors = errors(doc.toString());
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(extensions(e))
                .containsEntry("code", "QUERY_TOO_COSTLY").containsEntry("classification", "BAD_REQUEST"));
        // The ordinary full introspection of the schema still passes.
        assertThat(errors(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY)).isEmpty();
    }
}
