package org.supervisionhub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * Production mode: with spring.neo4j.uri set, the hub uses that server (here neo4j-harness) and starts
 * none of its own; tokens come from an external issuer (here a key pair made by the test, its public
 * key configured the way an identity provider's would be) and the demo issuer is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"hub.demo.enabled=false",
        "hub.person-id-key=external-mode-test-key"})
@org.springframework.context.annotation.Import(TestClock.Configuration.class)
// Its own context (no demo, an external server and issuer) that no other class shares: closed after the class, so its
// schedulers and driver do not outlive the tests.
@org.springframework.test.annotation.DirtiesContext
class ExternalServerModeTest {

    static final RSAKey issuerKey = generateKey();

    static final Neo4j harness = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
            .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
            .withFixture("CREATE (:Region {code: '110000', name: '北京市', level: 'PROVINCE'})")
            .build();

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", harness::boltURI);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> "unused");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", ExternalServerModeTest::publicKeyFile);
    }

    static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("external").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKeyFile() {
        try {
            Path pem = Files.createTempFile("issuer", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuerKey.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return "file:" + pem.toAbsolutePath();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An administrator's token issued at {@code at}, valid for ten minutes. */
    static String adminToken(java.time.Instant at) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("external").build(),
                new JWTClaimsSet.Builder().subject("connector-admin").claim("roles", List.of("ADMIN")).issueTime(Date.from(at))
                        .notBeforeTime(Date.from(at)).expirationTime(Date.from(at.plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(issuerKey));
        return jwt.serialize();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestClock clock;

    HttpGraphQlTester graphQl(String token) {
        // 60 s, not WebTestClient's 5: the first write on a busy machine took longer (working rules: responseTimeout under load).
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(60)).defaultHeader("Authorization", "Bearer " + token).build());
    }

    /** The identity provider's tokens are checked against the hub's clock, not the machine's (years apart here). */
    @Test
    void tokensAreValidOrExpiredByTheHubsClock() {
        OffsetDateTime far = OffsetDateTime.parse("2100-01-01T10:00:00+08:00");
        clock.runAt(far, () -> {
            try {
                graphQl(adminToken(far.toInstant())).document("{ hubInfo { embeddedStore } }").execute()
                        .path("hubInfo.embeddedStore").entity(Boolean.class).isEqualTo(false);
                String expired = adminToken(far.minusHours(1).toInstant());
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build().post()
                        .header("Authorization", "Bearer " + expired).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("query", "{ hubInfo { embeddedStore } }")).exchange().expectStatus().isUnauthorized();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void usesTheConfiguredServerAndIssuerMigratesItAndStartsNoEmbeddedOne() throws JOSEException {
        assertThat(context.getBeanNamesForType(EmbeddedNeo4jServer.class)).isEmpty();
        List<String> constraints = harness.defaultDatabaseService().executeTransactionally("SHOW CONSTRAINTS YIELD name RETURN name",
                Map.of(), r -> r.stream().map(m -> (String) m.get("name")).toList());
        assertThat(constraints).contains("enterprise_uscc");

        String applied = harness.defaultDatabaseService().executeTransactionally(
                "MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' RETURN max(m.version) AS v", Map.of(),
                r -> (String) r.next().get("v"));
        // The production class path: the demo module (and with it its issuer) is not on it.
        assertThat(org.springframework.util.ClassUtils.isPresent("org.supervisionhub.api.access.DemoIssuer", null)).isFalse();
        assertThat(context.containsBean("demoIssuer")).isFalse();
        HttpGraphQlTester graphQl = graphQl(adminToken(clock.instant()));
        graphQl.document("{ hubInfo { embeddedStore graphSchemaVersion } }").execute()
                .path("hubInfo.embeddedStore").entity(Boolean.class).isEqualTo(false)
                .path("hubInfo.graphSchemaVersion").entity(String.class).isEqualTo(applied);
        String uscc = "91110000" + "MA0000001";
        uscc = uscc + Uscc.checkCharacter(uscc);
        graphQl.document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc region { name } } }")
                .variable("in", Map.of("uscc", uscc, "name", "外部库企业", "orgType", "COMPANY", "regionCode", "110000")).execute()
                .path("upsertEnterprise.region.name").entity(String.class).isEqualTo("北京市");
        long stored = harness.defaultDatabaseService().executeTransactionally("MATCH (e:Enterprise {uscc: $u}) RETURN count(e) AS n",
                Map.of("u", uscc), r -> (Long) r.next().get("n"));
        assertThat(stored).isEqualTo(1);
    }
}
