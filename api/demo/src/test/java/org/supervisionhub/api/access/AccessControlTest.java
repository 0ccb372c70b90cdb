package org.supervisionhub.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.supervisionhub.api.HubIntegrationTest;

/** Tokens, scopes and field-level protection, through the real API. */
class AccessControlTest extends HubIntegrationTest {

    WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aDemoUserGetsATokenFromTheIssuerAndTheHubKnowsWhoTheyAre() {
        @SuppressWarnings("unchecked")
        Map<String, Object> token = http().post().uri("/demo-issuer/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", "officer-hrss-430100")
                        .with("client_secret", "demo")).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(token).containsEntry("token_type", "Bearer").containsKey("access_token");
        org.springframework.graphql.test.tester.HttpGraphQlTester.create(WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port + "/graphql").defaultHeader("Authorization", "Bearer " + token.get("access_token")).build())
                .document("{ me { actor authenticated roles department { id } } }").execute()
                .path("me.actor").entity(String.class).isEqualTo("officer-hrss-430100")
                .path("me.roles").entityList(String.class).containsExactly("PUBLIC", "OFFICER")
                .path("me.department.id").entity(String.class).isEqualTo("HRSS-430100");
        http().post().uri("/demo-issuer/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", "officer-hrss-430100")
                        .with("client_secret", "wrong")).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");
    }

    @Test
    void aForgedOrMalformedTokenIsRefusedWithATypedError() {
        String token = token(officer("HRSS-430100"));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        for (String bad : List.of(forged, "not-a-jwt")) {
            http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + bad)
                    .bodyValue(Map.of("query", "{ hubInfo { version } }")).exchange().expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void introspectionNeedsAToken() {
        graphQl().document("{ __schema { queryType { name } } }").execute().errors()
                .satisfy(e -> assertThat(e).singleElement().satisfies(x -> assertThat(x.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
        graphQl().document("{ __typename hubInfo { version } }").execute().path("__typename").entity(String.class).isEqualTo("Query");
        graphQl(analyst()).document("{ __schema { queryType { name } } }").execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void anOfficerActsOnlyForTheirOwnDepartmentAndALeaderPublishes() {
        String create = "mutation($in: CreateChecklistVersionInput!) { createChecklistVersion(input: $in) { id status } }";
        Map<String, Object> input = Map.of("departmentId", "HRSS-430103", "title", "越权清单", "scope", "COUNTY", "kind", "REGULAR",
                "items", List.of(Map.of("code", "K", "title", "事项", "legalBasis", "《劳动保障监察条例》", "content", "检查",
                        "targetKind", "MARKET_SUBJECT", "itemClass", "KEY", "methods", List.of("ON_SITE"))));
        int before = graphQl(officer("HRSS-430103")).document("{ checklistVersions(departmentId: \"HRSS-430103\", first: 200) { edges { cursor } } }")
                .execute().path("checklistVersions.edges").entityList(Object.class).get().size();
        graphQl(officer("HRSS-430102")).document(create).variable("in", input).execute().errors().satisfy(e -> assertThat(e)
                .singleElement().satisfies(x -> assertThat(x.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", "input.departmentId")));
        // A superior's officer reads the county's drafts but does not act for the county.
        graphQl(officer("HRSS-430100")).document(create).variable("in", input).execute().errors()
                .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
        assertThat(graphQl(officer("HRSS-430103")).document("{ checklistVersions(departmentId: \"HRSS-430103\", first: 200) { edges { cursor } } }")
                .execute().path("checklistVersions.edges").entityList(Object.class).get()).hasSize(before);

        String id = graphQl(officer("HRSS-430103")).document(create).variable("in", input).execute()
                .path("createChecklistVersion.id").entity(String.class).get();
        String publish = "mutation($id: ID!) { publishChecklistVersion(id: $id) { status } }";
        graphQl(officer("HRSS-430103")).document(publish).variable("id", id).execute().errors()
                .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", "Mutation.publishChecklistVersion"));
        // Another county's leader does not even see the draft.
        graphQl(leader("HRSS-430102")).document(publish).variable("id", id).execute().errors()
                .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "NOT_FOUND"));
        graphQl(leader("HRSS-430103")).document(publish).variable("id", id).execute()
                .path("publishChecklistVersion.status").entity(String.class).isEqualTo("PUBLISHED");
    }

    @Test
    void aDraftIsInvisibleOutsideItsDepartmentTreeEvenToFiltersAndCounts() {
        String id = graphQl(officer("HRSS-430104")).document("mutation($in: CreateChecklistVersionInput!) { createChecklistVersion(input: $in) { id } }")
                .variable("in", Map.of("departmentId", "HRSS-430104", "title", "草稿", "scope", "COUNTY", "kind", "REGULAR",
                        "items", List.of(Map.of("code", "K", "title", "事项", "legalBasis", "依据", "content", "检查",
                                "targetKind", "MARKET_SUBJECT", "itemClass", "KEY", "methods", List.of("ON_SITE")))))
                .execute().path("createChecklistVersion.id").entity(String.class).get();
        String byId = "query($id: ID!) { checklistVersion(id: $id) { id } }";
        String drafts = "{ checklistVersions(departmentId: \"HRSS-430104\", status: DRAFT, first: 200) { edges { node { id } } } }";
        for (var outsider : List.of(graphQl(), graphQl(officer("HRSS-430102")), graphQl(analyst()))) {
            outsider.document(byId).variable("id", id).execute().path("checklistVersion").valueIsNull();
            outsider.document(drafts).execute().path("checklistVersions.edges[*].node.id").entityList(String.class)
                    .satisfies(ids -> assertThat(ids).doesNotContain(id));
        }
        for (var insider : List.of(graphQl(officer("HRSS-430104")), graphQl(officer("HRSS-430100")), graphQl(as(Role.OVERSIGHT, "HRSS-430000")))) {
            insider.document(byId).variable("id", id).execute().path("checklistVersion.id").entity(String.class).isEqualTo(id);
            insider.document(drafts).execute().path("checklistVersions.edges[*].node.id").entityList(String.class).contains(id);
        }
    }

    @Test
    void inspectorContactAndCertificateReachOnlyTheirDepartmentsOfficersAndThemselves() {
        String unit = graphQl().document("{ department(id: \"HRSS-430102\") { units { id } } }").execute()
                .path("department.units[0].id").entity(String.class).get();
        String id = "ACL-" + nextKey();
        graphQl(officer("HRSS-430102")).document("mutation($in: InspectorInput!) { upsertInspector(input: $in) { inspectorId } }")
                .variable("in", Map.of("inspectorId", id, "name", "保密检查员", "certificateNo", id, "phone", "13912345678",
                        "certificateValidFrom", "2024-01-01", "certificateValidTo", "2030-12-31", "unitId", unit))
                .execute().path("upsertInspector.inspectorId").hasValue();
        String q = "query($i: ID!) { inspector(inspectorId: $i) { inspectorId name phone certificateNo } }";
        graphQl(officer("HRSS-430102")).document(q).variable("i", id).execute()
                .path("inspector.phone").entity(String.class).isEqualTo("13912345678");
        graphQl(inspector(id, "HRSS-430102")).document(q).variable("i", id).execute()
                .path("inspector.certificateNo").entity(String.class).isEqualTo(id);
        // Another department's officer, even the superior's: the name, but neither phone nor certificate.
        graphQl(officer("HRSS-430100")).document(q).variable("i", id).execute()
                .errors().satisfy(e -> assertThat(e).extracting(x -> x.getPath()).containsExactlyInAnyOrder("inspector.phone", "inspector.certificateNo"))
                .path("inspector.name").entity(String.class).isEqualTo("保密检查员")
                .path("inspector.phone").valueIsNull();
        // Analysts: no inspector personal data, and no filtering on it either.
        graphQl(analyst()).document("query($i: ID!) { inspector(inspectorId: $i) { inspectorId name } }").variable("i", id).execute()
                .errors().satisfy(e -> assertThat(e).singleElement().satisfies(x -> assertThat(x.getPath()).isEqualTo("inspector.name")))
                .path("inspector.inspectorId").entity(String.class).isEqualTo(id);
        graphQl(analyst()).document("{ inspectors(scope: {departmentId: \"HRSS-430102\"}, filter: {nameContains: \"保密\"}) { edges { node { inspectorId } } } }")
                .execute().errors().satisfy(e -> assertThat(e).singleElement().satisfies(x -> assertThat(x.getExtensions())
                        .containsEntry("code", "FORBIDDEN").containsEntry("field", "filter.nameContains")));
    }

    @Test
    void filteringOnAHiddenFieldRevealsNothingNotEvenACount() {
        graphQl().document("{ enterprises(filter: {creditRiskClasses: [D]}) { totalCount } }").execute()
                .errors().satisfy(e -> assertThat(e).singleElement().satisfies(x -> assertThat(x.getExtensions())
                        .containsEntry("code", "UNAUTHENTICATED").containsEntry("field", "filter.creditRiskClasses")))
                .path("enterprises").pathDoesNotExist();
        graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000")).document("{ enterprises(first: 1) { edges { node { uscc creditRiskClass } } } }")
                .execute().errors().satisfy(e -> assertThat(e).singleElement().satisfies(x -> assertThat(x.getExtensions()).containsEntry("code", "FORBIDDEN")))
                .path("enterprises.edges[0].node.creditRiskClass").valueIsNull();
    }

    @Test
    void anOfficerWritesEnterprisesOnlyInTheirJurisdiction() {
        String upsert = "mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }";
        String uscc = newUscc();
        graphQl(officer("HRSS-430102")).document(upsert).variable("in", Map.of("uscc", uscc, "name", "越界企业", "orgType", "COMPANY",
                "regionCode", "430103")).execute().errors().satisfy(e -> assertThat(e).singleElement().satisfies(x -> assertThat(x.getExtensions())
                .containsEntry("code", "FORBIDDEN").containsEntry("field", "input.regionCode"))
                .satisfies(x -> assertThat(x.getMessage()).contains("upsertEnterprise: input.regionCode 430103 is outside")));
        graphQl().document("query($u: ID!) { enterprise(uscc: $u) { uscc } }").variable("u", uscc).execute().path("enterprise").valueIsNull();
        String csv = "uscc,name,orgType,regionCode\n" + uscc + ",辖区外,COMPANY,430103\n" + newUscc() + ",辖区内,COMPANY,430102\n";
        graphQl(officer("HRSS-430102")).document("mutation($e: String!) { importEnterprises(enterprisesCsv: $e) { accepted rejections { line code } } }")
                .variable("e", csv).execute()
                .path("importEnterprises.accepted").entity(Integer.class).isEqualTo(1)
                .path("importEnterprises.rejections[0].code").entity(String.class).isEqualTo("FORBIDDEN");
    }

    @Test
    void aClientOverItsQuotaIsRefusedWith429() {
        String token = issuer.mint(new DemoIssuer.Subject("rate-probe", List.of(Role.ANALYST), null, null, null)).accessToken();
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            var result = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                    .bodyValue(Map.of("query", "{ hubInfo { version } }")).exchange().returnResult(String.class);
            if (result.getStatus().value() == 429) {
                refused++;
                assertThat(result.getResponseBody().blockFirst()).contains("RATE_LIMITED");
            }
        }
        assertThat(refused).isEqualTo(3);
    }
}
