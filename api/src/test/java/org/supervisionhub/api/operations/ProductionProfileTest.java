package org.supervisionhub.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * The {@code prod} profile as docs/production.md launches it: an external Neo4j (neo4j-harness, as in
 * ExternalServerModeTest), tokens from an identity provider found by its issuer URI (a test issuer serving OpenID
 * discovery and its JWKs), no demo issuer, no GraphiQL, Prometheus for administrators, readiness with Neo4j, and the
 * client address from a trusted proxy's X-Forwarded-For. Without its required settings it does not start, and says which.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"hub.person-id-key=prod-profile-test-key",
        "hub.security.rate-limit.anonymous-per-minute=3"})
@ActiveProfiles(ProductionProfile.PROFILE)
@Import(TestClock.Configuration.class)
class ProductionProfileTest {

    static final RSAKey issuerKey = key("idp-1");
    static final HttpServer idp = identityProvider();
    static final String issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/hub";

    static final Neo4j harness = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
            .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
            .build();

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", harness::boltURI);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> "unused");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    }

    static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OpenID provider's two documents: discovery (the issuer and where its keys are) and the JWK set (public keys). */
    static HttpServer identityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/hub/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\","
                            + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/realms/hub/protocol/openid-connect/certs", exchange ->
                    respond(exchange, new JWKSet(issuerKey.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String token(RSAKey key, String iss, String subject, List<String> roles, Instant at) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(iss).subject(subject).claim("azp", subject).claim("roles", roles)
                            .issueTime(Date.from(at)).notBeforeTime(Date.from(at)).expirationTime(Date.from(at.plusSeconds(600))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        harness.close();
        idp.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestClock clock;

    WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    String admin() {
        return token(issuerKey, issuer, "ops-admin", List.of("ADMIN"), clock.instant());
    }

    @Test
    void servesGraphqlWithTheIdentityProvidersTokensOnTheExternalServer() {
        assertThat(context.getBeanNamesForType(EmbeddedNeo4jServer.class)).isEmpty();
        HttpGraphQlTester graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(60)).defaultHeader("Authorization", "Bearer " + admin()).build());
        graphQl.document("{ me { actor roles } hubInfo { embeddedStore } }").execute()
                .path("me.actor").entity(String.class).isEqualTo("ops-admin")
                .path("me.roles").entityList(String.class).contains("ADMIN")
                .path("hubInfo.embeddedStore").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void refusesTokensOfAnotherKeyOrIssuer() {
        String otherKey = token(key("idp-1"), issuer, "ops-admin", List.of("ADMIN"), clock.instant());
        String otherIssuer = token(issuerKey, "http://127.0.0.1:1/realms/other", "ops-admin", List.of("ADMIN"), clock.instant());
        for (String bad : List.of(otherKey, otherIssuer)) {
            http().post().uri("/graphql").header("Authorization", "Bearer " + bad).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ me { actor } }")).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void hasNoDemoIssuerNorGraphiql() {
        assertThat(context.containsBean("demoIssuer")).isFalse();
        assertThat(context.getBeanNamesForType(org.supervisionhub.api.graphql.GraphiqlPage.class)).isEmpty();
        http().get().uri("/graphiql/").exchange().expectStatus().isNotFound();
        http().post().uri("/demo-issuer/token").header("X-Forwarded-For", "192.0.2.50").exchange().expectStatus().value(s -> assertThat(s).isIn(403, 404));
    }

    @Test
    void prometheusIsForAdministratorsAndReadinessIncludesNeo4jAndInfoTheBuild() {
        http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http().get().uri("/actuator/prometheus").header("Authorization", "Bearer " + admin()).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("hub_connectors_outbox_messages{status=\"pending\"}",
                        "hub_restriction_check_seconds_count", "hub_sampling_draws_total{stage=\"committed\"}"));
        http().get().uri("/actuator/health/readiness").header("Authorization", "Bearer " + admin()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.neo4j.status").isEqualTo("UP");
        http().get().uri("/actuator/info").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.build.artifact").isEqualTo("api").jsonPath("$.build.version").isNotEmpty();
    }

    /**
     * Behind a trusted proxy (here: this machine) the per-client limit keys on the client X-Forwarded-For names, and on the
     * address the proxy itself saw (the right-most untrusted one), so a client cannot buy a new budget by sending the header.
     */
    @Test
    void rateLimitsKeyOnTheClientAddressATrustedProxyForwards() {
        for (int i = 0; i < 3; i++) {
            anonymous("203.0.113.7").expectStatus().isOk();
        }
        anonymous("203.0.113.7").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // The client put an address of its own first; the proxy appended the one it saw.
        anonymous("198.51.100.9, 203.0.113.7").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        anonymous("203.0.113.8").expectStatus().isOk();
    }

    WebTestClient.ResponseSpec anonymous(String forwardedFor) {
        return http().post().uri("/graphql").header("X-Forwarded-For", forwardedFor).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ hubInfo { embeddedStore } }")).exchange();
    }

    /** Only this machine is a trusted proxy: Tomcat's default would also trust every private address (10/8, 172.16/12, 192.168/16). */
    @Test
    void forwardedHeadersAreTrustedFromLoopbackOnly() {
        var tomcat = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat();
        RemoteIpValve valve = (RemoteIpValve) java.util.Arrays.stream(tomcat.getEngine().getPipeline().getValves())
                .filter(RemoteIpValve.class::isInstance).findFirst().orElseThrow();
        Pattern trusted = Pattern.compile(valve.getInternalProxies());
        assertThat(List.of("127.0.0.1", "0:0:0:0:0:0:0:1")).allMatch(a -> trusted.matcher(a).matches());
        assertThat(List.of("10.0.0.5", "172.16.0.1", "192.168.1.10", "203.0.113.7")).noneMatch(a -> trusted.matcher(a).matches());
        assertThat(valve.getRemoteIpHeader()).isEqualToIgnoringCase("X-Forwarded-For");
    }

    @Test
    void doesNotStartWithoutTheExternalServerTheIssuerAndTheKey() {
        assertThatThrownBy(() -> start()).isInstanceOf(ProductionSettingsException.class)
                .satisfies(e -> assertThat(((ProductionSettingsException) e).problems()).hasSize(3)
                        .anyMatch(p -> p.startsWith("spring.neo4j.uri"))
                        .anyMatch(p -> p.startsWith("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                        .anyMatch(p -> p.startsWith("hub.person-id-key")));
    }

    @Test
    void refusesTheDemoIssuerAndTheDemoProvince() {
        String[] settings = {"--spring.neo4j.uri=bolt://127.0.0.1:1", "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--hub.person-id-key=a-secret"};
        assertThatThrownBy(() -> start(concat(settings, "--hub.security.demo-issuer.enabled=true"))).isInstanceOf(ProductionSettingsException.class)
                .satisfies(e -> assertThat(((ProductionSettingsException) e).problems())
                        .singleElement().asString().startsWith("hub.security.demo-issuer.enabled is true"));
        assertThatThrownBy(() -> start(concat(settings, "--hub.demo.enabled=true"))).isInstanceOf(ProductionSettingsException.class)
                .satisfies(e -> assertThat(((ProductionSettingsException) e).problems())
                        .singleElement().asString().startsWith("hub.demo.enabled is true"));
    }

    @Test
    void theFailureReportNamesEverySetting() {
        ProductionSettingsException e = new ProductionSettingsException(List.of("spring.neo4j.uri (SPRING_NEO4J_URI) is not set"));
        FailureAnalysis analysis = new ProductionSettingsAnalyzer().analyze(e);
        assertThat(analysis.getDescription()).contains("The prod profile cannot start", "spring.neo4j.uri (SPRING_NEO4J_URI) is not set");
        assertThat(analysis.getAction()).contains("docs/production.md");
    }

    static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    /** Starts the application with the prod profile alone: the check comes before any bean, so nothing else runs. */
    static void start(String... args) {
        SpringApplication app = new SpringApplicationBuilder(SupervisionHubApplication.class).profiles(ProductionProfile.PROFILE)
                .web(WebApplicationType.NONE).build();
        app.run(args).close();
    }
}
