package org.supervisionhub.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;

class DirectoryApiTest extends HubIntegrationTest {

    static final String UPSERT = """
            mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc name status region { code } registrationAuthority { id } } }
            """;
    static final String LINK = """
            mutation($in: LinkInput!) { upsertLink(input: $in) { type validFrom validTo sharePct counterpart { ... on Enterprise { uscc } } } }
            """;

    @Autowired
    Driver driver;

    Map<String, Object> enterprise(String uscc, String name) {
        return Map.of("uscc", uscc, "name", name, "orgType", "COMPANY", "regionCode", "430102",
                "registrationAuthorityId", "MS-430102", "scale", "SMALL", "creditRiskClass", "B");
    }

    String person(String nationalId, String name) {
        return graphQl(officer("HRSS-430100")).document("mutation($in: PersonInput!) { upsertPerson(input: $in) { personId } }")
                .variable("in", Map.of("nationalId", nationalId, "name", name)).execute()
                .path("upsertPerson.personId").entity(String.class).get();
    }

    long enterpriseCount() {
        return driver.executableQuery("MATCH (e:Enterprise) RETURN count(e) AS n").execute().records().get(0).get("n").asLong();
    }

    @Autowired
    org.supervisionhub.graph.sync.SyncRepository sync;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * A holder the registry names but never delivers (here one registered in Beijing), as the registry and list syncs leave
     * it: a node with its USCC alone. Read directly, through a link and in pages, it answers as unregistered with its
     * registry fields null, where it used to fail every such query with INTERNAL errors (non-null name and region).
     */
    @Test
    void anEnterpriseKnownOnlyByItsUsccAnswersAsUnregisteredWherePagesAndLinksReachIt() {
        String held = newUscc();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(held, "持股测试公司")).execute().path("upsertEnterprise.uscc").hasValue();
        String first17 = "91110000MA" + String.format("%07d", nextKey());
        String holder = first17 + org.supervisionhub.domain.directory.Uscc.checkCharacter(first17);
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t ->
                sync.ensureEnterprises(List.of(holder)));
        driver.executableQuery("MATCH (h:Enterprise {uscc: $h}), (e:Enterprise {uscc: $e})"
                + " CREATE (h)-[:SHAREHOLDER_OF {sharePct: 30.0, validFrom: date('2020-01-01'), source: 'MARKET_REGISTRY'}]->(e)")
                .withParameters(Map.of("h", holder, "e", held)).execute();
        String fields = "uscc registered name orgType status region { code }";

        GraphQlTester.Response direct = graphQl(analyst()).document("query($u: ID!) { enterprise(uscc: $u) { " + fields + " } }").variable("u", holder).execute();
        direct.errors().verify();
        Map<String, Object> unregistered = new java.util.HashMap<>();
        unregistered.put("uscc", holder);
        unregistered.put("registered", false);
        for (String f : List.of("name", "orgType", "status", "region")) {
            unregistered.put(f, null);
        }
        direct.path("enterprise").entity(Map.class).isEqualTo(unregistered);

        GraphQlTester.Response linked = graphQl(analyst()).document("query($u: ID!) { enterprise(uscc: $u) { registered links(types: [SHAREHOLDER]) {"
                + " edges { node { counterpart { ... on Enterprise { " + fields + " } } } } } } }").variable("u", held).execute();
        linked.errors().verify();
        linked.path("enterprise.registered").entity(Boolean.class).isEqualTo(true);
        linked.path("enterprise.links.edges[*].node.counterpart").entityList(Map.class).containsExactly(unregistered);

        // By USCC every enterprise, this one among the first (11: Beijing, before Hunan's 43); by name only registered ones.
        String page = "query($o: EnterpriseOrder) { enterprises(orderBy: $o, first: 200) { totalCount edges { node { uscc registered name } } } }";
        GraphQlTester.Response byUscc = graphQl(analyst()).document(page).variable("o", "USCC").execute();
        byUscc.errors().verify();
        assertThat(byUscc.path("enterprises.edges[*].node").entityList(Map.class).get()).filteredOn(n -> holder.equals(n.get("uscc")))
                .singleElement().satisfies(n -> assertThat(n).containsEntry("registered", false).containsEntry("name", null));
        long unnamed = driver.executableQuery("MATCH (e:Enterprise) WHERE e.name IS NULL RETURN count(e) AS n").execute().records().get(0).get("n").asLong();
        long all = byUscc.path("enterprises.totalCount").entity(Long.class).get();
        assertThat(all).isEqualTo(enterpriseCount());
        GraphQlTester.Response byName = graphQl(analyst()).document(page).variable("o", "NAME").execute();
        byName.errors().verify();
        assertThat(byName.path("enterprises.totalCount").entity(Long.class).get()).isEqualTo(all - unnamed);
        assertThat(byName.path("enterprises.edges[*].node.registered").entityList(Boolean.class).get()).isNotEmpty().containsOnly(true);
    }

    @Test
    void wrongCheckCharacterIsRejectedWithATypedErrorNamingTheFieldAndNothingIsWritten() {
        String valid = newUscc();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        long before = enterpriseCount();

        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(wrong, "错误校验码公司")).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_USCC").containsEntry("field", "input.uscc");
                    assertThat(errors.get(0).getMessage()).contains("check character");
                });

        assertThat(enterpriseCount()).isEqualTo(before);
    }

    @Test
    void everyViolationOfOneInputIsReportedAtOnce() {
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", Map.of("uscc", "123", "name", " ", "orgType", "COMPANY", "regionCode", "430102"))
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                        .containsExactlyInAnyOrder("input.uscc", "input.name"));
    }

    @Test
    void upsertCreatesThenUpdatesTheSameEnterprise() {
        String uscc = newUscc();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(uscc, "长沙测试有限公司")).execute()
                .path("upsertEnterprise.region.code").entity(String.class).isEqualTo("430102")
                .path("upsertEnterprise.registrationAuthority.id").entity(String.class).isEqualTo("MS-430102");
        Map<String, Object> renamed = new java.util.HashMap<>(enterprise(uscc, "长沙测试股份有限公司"));
        renamed.put("status", "SUSPENDED");
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", renamed).execute()
                .path("upsertEnterprise.name").entity(String.class).isEqualTo("长沙测试股份有限公司")
                .path("upsertEnterprise.status").entity(String.class).isEqualTo("SUSPENDED");
        assertThat(driver.executableQuery("MATCH (e:Enterprise {uscc: $u}) RETURN count(e) AS n").withParameters(Map.of("u", uscc))
                .execute().records().get(0).get("n").asLong()).isEqualTo(1);
    }

    @Test
    void unknownRegionIsNotFoundAndNothingIsWritten() {
        String uscc = newUscc();
        Map<String, Object> in = new java.util.HashMap<>(enterprise(uscc, "无地区公司"));
        in.put("regionCode", "999999");
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", in).execute().errors().satisfy(errors -> {
            assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND");
            assertThat(errors.get(0).getExtensions()).containsEntry("field", "input.regionCode");
        });
        graphQl(officer("HRSS-430100")).document("query($u: ID!) { enterprise(uscc: $u) { uscc } }").variable("u", uscc).execute()
                .path("enterprise").valueIsNull();
    }

    @Test
    void aNewLegalRepresentativeClosesThePreviousOneAndAsOfReplaysEitherPeriod() {
        String uscc = newUscc();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(uscc, "法定代表人变更公司")).execute().path("upsertEnterprise.uscc").hasValue();
        String first = person("430102198001010011", "张一");
        String second = person("430102198502020022", "李二");
        link("LEGAL_REPRESENTATIVE", Map.of("personId", first), uscc, "2020-01-01", null);
        link("LEGAL_REPRESENTATIVE", Map.of("personId", second), uscc, "2024-06-01", null);

        String query = "query($u: ID!, $d: Date) { enterprise(uscc: $u) { legalRepresentative(asOf: $d) { personId } "
                + "links(types: [LEGAL_REPRESENTATIVE]) { totalCount edges { node { validFrom validTo counterpart { ... on Person { personId } } } } } } }";
        graphQl(officer("HRSS-430100")).document(query).variable("u", uscc).variable("d", "2023-01-01").execute()
                .path("enterprise.legalRepresentative.personId").entity(String.class).isEqualTo(first)
                .path("enterprise.links.totalCount").entity(Integer.class).isEqualTo(2)
                .path("enterprise.links.edges[0].node.validTo").entity(String.class).isEqualTo("2024-06-01");
        graphQl(officer("HRSS-430100")).document(query).variable("u", uscc).variable("d", "2025-01-01").execute()
                .path("enterprise.legalRepresentative.personId").entity(String.class).isEqualTo(second);
        graphQl(officer("HRSS-430100")).document(query).variable("u", uscc).variable("d", "2019-12-31").execute()
                .path("enterprise.legalRepresentative").valueIsNull();
    }

    @Test
    void endedLinksStayInHistoryAndDropOutOfLaterDates() {
        String parent = newUscc();
        String child = newUscc();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(parent, "控股母公司")).execute().path("upsertEnterprise.uscc").hasValue();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(child, "被控股子公司")).execute().path("upsertEnterprise.uscc").hasValue();
        Map<String, Object> in = new java.util.HashMap<>(Map.of("type", "SHAREHOLDER", "from", Map.of("uscc", parent), "toUscc", child,
                "validFrom", "2021-03-01", "sharePct", 60.0));
        graphQl(officer("HRSS-430100")).document(LINK).variable("in", in).execute().path("upsertLink.sharePct").entity(Double.class).isEqualTo(60.0);
        graphQl(officer("HRSS-430100")).document("mutation($in: EndLinkInput!) { endLink(input: $in) { validTo } }")
                .variable("in", Map.of("type", "SHAREHOLDER", "from", Map.of("uscc", parent), "toUscc", child,
                        "validFrom", "2021-03-01", "validTo", "2025-01-01"))
                .execute().path("endLink.validTo").entity(String.class).isEqualTo("2025-01-01");

        String holdings = "query($u: ID!, $d: Date) { enterprise(uscc: $u) { links(direction: OUTBOUND, asOf: $d) { totalCount } } }";
        graphQl(officer("HRSS-430100")).document(holdings).variable("u", parent).variable("d", "2024-12-31").execute()
                .path("enterprise.links.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl(officer("HRSS-430100")).document(holdings).variable("u", parent).variable("d", "2025-01-01").execute()
                .path("enterprise.links.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl(officer("HRSS-430100")).document(holdings).variable("u", parent).variable("d", null).execute()
                .path("enterprise.links.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void invalidLinksAreRejectedWithTheFieldThatIsWrong() {
        String uscc = newUscc();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(uscc, "校验链接公司")).execute().path("upsertEnterprise.uscc").hasValue();
        expectError(Map.of("type", "SHAREHOLDER", "from", Map.of("uscc", uscc), "toUscc", newUscc(), "validFrom", "2021-01-01",
                "sharePct", 0.0), "input.sharePct", "INVALID_VALUE");
        expectError(Map.of("type", "LEGAL_REPRESENTATIVE", "from", Map.of("uscc", newUscc()), "toUscc", uscc, "validFrom", "2021-01-01"),
                "input.from", "INVALID_VALUE");
        expectError(Map.of("type", "BRANCH", "from", Map.of("uscc", uscc), "toUscc", newUscc(), "validFrom", "2021-01-01"),
                "input.toUscc", "NOT_FOUND");
        expectError(Map.of("type", "BRANCH", "from", Map.of("uscc", uscc), "toUscc", uscc, "validFrom", "2021-01-01",
                "validTo", "2020-01-01"), "input.validTo", "INVALID_VALUE");
    }

    @Test
    void endingALinkNamesTheWrongFieldOrTheWholeInputWhenNoSuchLinkExists() {
        String uscc = newUscc();
        graphQl(officer("HRSS-430100")).document(UPSERT).variable("in", enterprise(uscc, "结束链接校验公司")).execute().path("upsertEnterprise.uscc").hasValue();
        String end = "mutation($in: EndLinkInput!) { endLink(input: $in) { validTo } }";
        graphQl(officer("HRSS-430100")).document(end).variable("in", Map.of("type", "BRANCH", "from", Map.of("uscc", uscc, "personId", "PAAAAAAAAAAAAAAAA"),
                "toUscc", uscc, "validFrom", "2021-01-01", "validTo", "2025-01-01")).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input.from")
                        .containsEntry("code", "REQUIRED")));
        graphQl(officer("HRSS-430100")).document(end).variable("in", Map.of("type", "BRANCH", "from", Map.of("uscc", uscc),
                "toUscc", uscc, "validFrom", "2021-01-01", "validTo", "2025-01-01")).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input")
                        .containsEntry("code", "NOT_FOUND")));
    }

    @Test
    void aNationalIdIsPseudonymisedAndNeverStored() {
        String nationalId = "43010219900303003X";
        String id = person(nationalId, "王三");
        assertThat(id).matches("P[A-Z2-7]{16}");
        assertThat(person(nationalId, "王三")).isEqualTo(id);
        long hits = driver.executableQuery("MATCH (n) WHERE any(k IN keys(n) WHERE n[k] IS :: STRING NOT NULL AND n[k] CONTAINS $id) RETURN count(n) AS n")
                .withParameters(Map.of("id", nationalId.substring(0, 12))).execute().records().get(0).get("n").asLong();
        assertThat(hits).isZero();
    }

    @Test
    void regionFilterCoversSubRegionsAndCountsMatchTheParts() {
        String cityQuery = "query($r: ID!) { enterprises(filter: {regionCode: $r}, first: 200) { totalCount edges { node { region { code parent { code } } } } } }";
        int city = graphQl(officer("HRSS-430100")).document(cityQuery).variable("r", "430100").execute().path("enterprises.totalCount").entity(Integer.class).get();
        List<String> counties = graphQl(officer("HRSS-430100")).document("{ regions(parentCode: \"430100\") { code } }").execute()
                .path("regions[*].code").entityList(String.class).get();
        int sum = counties.stream().mapToInt(c -> graphQl(officer("HRSS-430100")).document(cityQuery).variable("r", c).execute()
                .path("enterprises.totalCount").entity(Integer.class).get()).sum();
        assertThat(city).isPositive().isEqualTo(sum);
        graphQl(officer("HRSS-430100")).document(cityQuery).variable("r", "430100").execute()
                .path("enterprises.edges[*].node.region.parent.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).isNotEmpty().allMatch("430100"::equals));
    }

    @Test
    void filtersCombine() {
        String q = "{ enterprises(filter: {orgTypes: [COMPANY], creditRiskClasses: [D], statuses: [ACTIVE]}, first: 50) "
                + "{ edges { node { orgType creditRiskClass status } } } }";
        GraphQlTester.Response r = graphQl(officer("HRSS-430100")).document(q).execute();
        r.path("enterprises.edges[*].node.orgType").entityList(String.class).satisfies(l -> assertThat(l).isNotEmpty().allMatch("COMPANY"::equals));
        r.path("enterprises.edges[*].node.creditRiskClass").entityList(String.class).satisfies(l -> assertThat(l).allMatch("D"::equals));
    }

    private void link(String type, Map<String, Object> from, String to, String validFrom, String validTo) {
        Map<String, Object> in = new java.util.HashMap<>(Map.of("type", type, "from", from, "toUscc", to, "validFrom", validFrom));
        if (validTo != null) {
            in.put("validTo", validTo);
        }
        graphQl(officer("HRSS-430100")).document(LINK).variable("in", in).execute().path("upsertLink.type").entity(String.class).isEqualTo(type);
    }

    private void expectError(Map<String, Object> in, String field, String code) {
        graphQl(officer("HRSS-430100")).document(LINK).variable("in", in).execute().errors().satisfy(errors -> {
            assertThat(errors).as(field).isNotEmpty();
            assertThat(errors.get(0).getExtensions()).containsEntry("field", field).containsEntry("code", code);
        });
    }

    @Test
    void errorsRaisedBeforeAnyResolverRunsCarryACodeToo() {
        graphQl(officer("HRSS-430100")).document("{ enterprise(uscc: 42) { nope } }").execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION")
                    .containsEntry("classification", "BAD_REQUEST"));
        });
        graphQl(officer("HRSS-430100")).document("{ enterprise(uscc: ").execute().errors().satisfy(errors ->
                assertThat(errors.get(0).getExtensions()).containsEntry("code", "GRAPHQL_SYNTAX"));
    }

    @Test
    void theSchemaIsPrintableAtAStableUrlForAuthenticatedCallers() {
        var http = org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        http.get().uri("/graphql/schema").exchange().expectStatus().isUnauthorized();
        String sdl = http.get().uri("/graphql/schema").header("Authorization", "Bearer " + token(analyst())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(sdl).contains("type Enterprise", "enterprises(", "scalar Date", "upsertEnterprise(");
    }
}
