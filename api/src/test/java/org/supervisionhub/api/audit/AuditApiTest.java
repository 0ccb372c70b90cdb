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

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String subject) {
        return oversight().document(EVENTS).variable("s", subject).execute().path("auditEvents.edges[*].node").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }
}
