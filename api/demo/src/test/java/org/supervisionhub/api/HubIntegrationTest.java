package org.supervisionhub.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.supervisionhub.api.access.DemoIssuer;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import reactor.core.publisher.Mono;

/**
 * Base of the API integration tests: the real application over HTTP, on an embedded Neo4j in a
 * fresh directory holding a small synthetic province (seed 7). Every subclass shares one context;
 * tests create their own uniquely keyed data so they do not depend on each other. Time is {@link TestClock}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.store.bolt-port=0", "hub.store.page-cache-mb=64",
        // Cypher re-plans a query whose statistics moved once its plan is 10 s old (at 1 m: ~25 re-plans a minute, the
        // counts of this small graph moving with every test's writes). Planning is over half of this suite's CPU and plans
        // never change an answer, so the tests keep their first plans (production keeps Neo4j's defaults).
        "hub.store.neo4j.dbms.cypher.min_replan_interval=1h", "hub.store.neo4j.dbms.cypher.statistics_divergence_threshold=1.0",
        "hub.demo.enabled=true", "hub.demo.seed=7", "hub.demo.enterprises=400",
        "hub.security.demo-issuer.enabled=true", "hub.graphiql.enabled=true", "hub.security.rate-limit.anonymous-per-minute=1000000",
        "hub.security.rate-limit.authenticated-per-minute=1000000", "hub.security.rate-limit.clients.rate-probe=5",
        "hub.security.rate-limit.clients.rate-probe-ws=3", "hub.security.rate-limit.clients.rate-probe-draws=3",
        "hub.security.rate-limit.clients.rate-probe-issuer=3",
        // The sources' breakers and retries as configured, with shorter waits: the tests see them open, half-open and
        // close again without sitting out production's seconds (MarketSyncApiTest, ResultOutboxApiTest).
        "resilience4j.circuitbreaker.instances.market.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.instances.tax.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.instances.credit.wait-duration-in-open-state=1s",
        "resilience4j.retry.instances.market.wait-duration=50ms", "resilience4j.retry.instances.market.exponential-max-wait-duration=500ms",
        "resilience4j.retry.instances.tax.wait-duration=50ms", "resilience4j.retry.instances.tax.exponential-max-wait-duration=500ms",
        "resilience4j.retry.instances.credit.wait-duration=50ms"})
@Import({QueryCounter.Configuration.class, TestClock.Configuration.class, org.supervisionhub.api.store.RoutingRecorder.Configuration.class})
public abstract class HubIntegrationTest {

    private static final Path DATA = tempDir();
    /**
     * The hub's {@code hub.calendar.location} in tests ({@code optional:}, absent unless a test writes it): holiday data a
     * test adds to the bundled file and reloads (reloadCalendar); whoever writes it deletes it and reloads in finally.
     */
    public static final Path CALENDAR_FILE = DATA.resolveSibling(DATA.getFileName() + "-holidays.csv").toAbsolutePath();
    /** Where tests start the simulator of the external systems (TestSimulator); the hub points at it from the start. */
    public static final int SIMULATOR_PORT = freePort();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("hub.store.data-dir", DATA::toString);
        registry.add("hub.calendar.location", () -> "optional:" + CALENDAR_FILE.toUri());
        registry.add("hub.retention.export-dir", () -> DATA.resolveSibling(DATA.getFileName() + "-retention").toString());
        registry.add("hub.connectors.market.base-url", () -> "http://127.0.0.1:" + SIMULATOR_PORT + "/market");
        registry.add("hub.connectors.market.page-size", () -> "50");
        registry.add("hub.connectors.market.records-per-transaction", () -> "100");
        registry.add("hub.connectors.market.read-timeout", () -> "PT1S");
        registry.add("hub.connectors.credit.base-url", () -> "http://127.0.0.1:" + SIMULATOR_PORT + "/credit");
        registry.add("hub.connectors.tax.base-url", () -> "http://127.0.0.1:" + SIMULATOR_PORT + "/tax");
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected QueryCounter queries;

    @Autowired
    protected DemoIssuer issuer;

    /** The hub's clock in tests: read "now" from it, set or advance it; never the wall clock. */
    @Autowired
    protected TestClock clock;

    @Autowired
    private org.springframework.transaction.PlatformTransactionManager transactionManager;

    /**
     * Runs a test's direct repository write in a write transaction, as the services do: outside one, a statement runs as a
     * read (store.ReadRoutingDriver) and the server refuses a write.
     */
    protected <T> T written(java.util.function.Supplier<T> write) {
        return new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(status -> write.get());
    }

    private java.time.Instant restoreClockTo;
    private long clockSetAt;

    /**
     * Sets the clock to {@code at} for the running test; after it, the clock is put back where it would have been (the
     * context, and so the clock, is shared by every test class).
     */
    protected void clockForThisTest(java.time.OffsetDateTime at) {
        if (restoreClockTo == null) {
            restoreClockTo = clock.instant();
            clockSetAt = System.nanoTime();
        }
        clock.set(at.toInstant());
    }

    @org.junit.jupiter.api.AfterEach
    void restoreClockAfterTest() {
        if (restoreClockTo != null) {
            clock.set(restoreClockTo.plusNanos(System.nanoTime() - clockSetAt));
            restoreClockTo = null;
        }
    }

    /** An anonymous caller (the public). */
    protected HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(client(null));
    }

    /** A caller holding a token for {@code subject}, signed by the demo issuer like any user's. */
    protected HttpGraphQlTester graphQl(DemoIssuer.Subject subject) {
        return HttpGraphQlTester.create(client(token(subject)));
    }

    /** A caller on WebSocket (graphql-transport-ws) sending {@code token} in its connection_init payload; null: none. */
    protected WebSocketGraphQlTester webSocket(String token) {
        return WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return token == null ? Mono.empty() : Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                }).build();
    }

    protected String token(DemoIssuer.Subject subject) {
        return issuer.mint(subject).accessToken();
    }

    private WebTestClient client(String token) {
        WebTestClient.Builder builder = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(java.time.Duration.ofSeconds(60));
        if (token != null) {
            builder.defaultHeader("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    protected static DemoIssuer.Subject as(Role role, String department) {
        return new DemoIssuer.Subject(role.name().toLowerCase(java.util.Locale.ROOT) + "@" + department, List.of(role), department, null, null);
    }

    protected static DemoIssuer.Subject officer(String department) {
        return as(Role.OFFICER, department);
    }

    protected static DemoIssuer.Subject leader(String department) {
        return as(Role.LEADER, department);
    }

    protected static DemoIssuer.Subject admin() {
        return new DemoIssuer.Subject("admin", List.of(Role.ADMIN), null, null, null);
    }

    protected static DemoIssuer.Subject analyst() {
        return new DemoIssuer.Subject("analyst", List.of(Role.ANALYST), null, null, null);
    }

    protected static DemoIssuer.Subject inspector(String inspectorId, String department) {
        return new DemoIssuer.Subject("inspector-" + inspectorId, List.of(Role.INSPECTOR), department, null, inspectorId);
    }

    /** Numbers the keys tests create, so every run creates the same ones (a failure reproduces with its data). */
    private static final AtomicLong KEYS = new AtomicLong();

    /**
     * A valid USCC nobody else uses: region 430102, an organisation code of "Y" and the next key in the code's alphabet
     * (the synthetic province spreads its codes over the whole space), and the check character.
     */
    protected static String newUscc() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        char[] code = new char[8];
        long n = KEYS.incrementAndGet();
        for (int i = code.length - 1; i >= 0; i--) {
            code[i] = alphabet.charAt((int) (n % alphabet.length()));
            n /= alphabet.length();
        }
        String first17 = "91430102Y" + new String(code);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** The next key of this run, for ids and texts a test needs nobody else to have used. */
    public static long nextKey() {
        return KEYS.incrementAndGet();
    }

    /** A person id nobody else uses, a pseudonym of the next key as the synthetic province derives its own from seeds. */
    protected static String newPersonId() {
        return PersonId.fromSeed("hub-integration-test/" + KEYS.incrementAndGet()).value();
    }

    /** Under target/, so the build's clean removes it: the shared context outlives every test class. */
    private static Path tempDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-graphs")), "hub-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
