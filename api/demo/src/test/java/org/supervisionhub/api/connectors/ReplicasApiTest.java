package org.supervisionhub.api.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Issue 22: two hub replicas, each in its own JVM, against one Neo4j server (the embedded server, started in the test's JVM
 * and reached over Bolt at a {@code neo4j://} URI as a cluster would be), with the registry feed and the credit platform
 * simulated. Both replicas
 * schedule the registry sync every 0.5 s and the outbox delivery every 0.3 s; the leases in the graph (10 s) let one run at a
 * time. Tokens come from an identity provider both trust (a key pair made here), as in production. The tests run in
 * order on the same server and replicas; the last kills one replica.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasApiTest {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String LOCK = "sync:MARKET_SUPERVISION:changes";
    static final RSAKey ISSUER = key();

    static EmbeddedNeo4jServer graph;
    static final Map<String, Process> replicas = new java.util.LinkedHashMap<>();
    static final Map<String, Integer> ports = new java.util.LinkedHashMap<>();
    static Driver driver;

    @BeforeAll
    static void start() throws Exception {
        TestSimulator.start();
        // Each page of the registry takes 20 ms, so syncs last long enough for both replicas to contend for them.
        TestSimulator.faults(0, 20, 0, false, 0, 0);
        TestSimulator.resetServed();
        Path dir = Files.createDirectories(Path.of("target", "replicas"));
        String password = "replicas-" + UUID.randomUUID();
        // In this JVM: a replica is what gets killed, never the server, and a started JVM already holds Neo4j's classes warm.
        graph = EmbeddedNeo4jServer.start(Files.createTempDirectory(dir, "graph"), "127.0.0.1", 0, 64, password);
        String uri = "neo4j://127.0.0.1:" + graph.boltPort();
        driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password));
        // The organisation a deployment configures: one region and the department that lists, and the counties the registry
        // places its enterprises in (a record in a region the hub does not know waits as a dead letter).
        driver.executableQuery("CREATE (r:Region {code: '430100', name: '长沙市', level: 'CITY'})"
                + " CREATE (:Department {id: 'MS-430100', name: '长沙市市场监督管理局', sector: 'MARKET_SUPERVISION', level: 'CITY'})-[:GOVERNS]->(r)"
                + " WITH r UNWIND $counties AS code CREATE (:Region {code: code, name: code, level: 'COUNTY'})")
                .withParameters(Map.of("counties", org.supervisionhub.connectors.simulator.MarketDataset.REGIONS)).execute();
        Path key = dir.resolve("issuer.pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ISSUER.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        for (String name : List.of("a", "b")) {
            int port = freePort();
            ports.put(name, port);
            replicas.put(name, new ProcessBuilder(JAVA, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    HubReplica.class.getName(), "--server.port=" + port, "--spring.main.banner-mode=off",
                    "--spring.neo4j.uri=" + uri, "--spring.neo4j.authentication.username=neo4j", "--spring.neo4j.authentication.password=" + password,
                    "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + key.toAbsolutePath(),
                    "--hub.demo.enabled=false", "--hub.person-id-key=replicas-test-key", "--hub.security.rate-limit.enabled=false",
                    "--hub.connectors.lock-lease=PT10S",
                    "--hub.connectors.market.enabled=true", "--hub.connectors.market.interval=PT0.5S",
                    "--hub.connectors.market.base-url=http://127.0.0.1:" + org.supervisionhub.api.HubIntegrationTest.SIMULATOR_PORT + "/market",
                    "--hub.connectors.market.page-size=20", "--hub.connectors.market.records-per-transaction=20",
                    // One writer: the takeover test holds the graph to the stream's checkpoint exactly (partitions: MarketSyncApiTest).
                    "--hub.connectors.market.writers=1",
                    "--hub.connectors.credit.enabled=true", "--hub.connectors.credit.interval=PT0.3S",
                    "--hub.connectors.credit.base-url=http://127.0.0.1:" + org.supervisionhub.api.HubIntegrationTest.SIMULATOR_PORT + "/credit",
                    "--hub.restriction.watch.poll-interval=PT0.2S")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("replica-" + name + ".log").toFile()).start());
        }
        for (String name : replicas.keySet()) {
            MarketSyncApiTest.waitUpTo(Duration.ofSeconds(300), Duration.ofMillis(250), () -> {
                assertThat(replicas.get(name).isAlive()).as("replica %s is running (target/replicas/replica-%s.log)", name, name).isTrue();
                return ready(name);
            });
            assertThat(ready(name)).as("replica %s ready", name).isTrue();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        TestSimulator.faults(0, 0, 0, false, 0, 0);
        for (Process p : replicas.values()) {
            p.destroy();
        }
        for (Process p : replicas.values()) {
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        if (driver != null) {
            driver.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    @Test
    @Order(1)
    void theScheduledSyncRunsAcrossReplicasAndAppliesTheFeedExactly() {
        long head = TestSimulator.advance(400);
        awaitCheckpoint(head, Duration.ofSeconds(90));
        // Both replicas sync on a schedule; the lease lets one run at a time from the checkpoint. A run that fails (here: a
        // deadlock between one replica's registry batch and the other's list sync) rolls its batch back, and the next
        // run reads those pages again: reads may repeat, applications may not.
        Map<Long, Integer> served = TestSimulator.served();
        assertThat(served.keySet()).as("every change of the feed, from the first").hasSize((int) head);
        System.out.printf("ReplicasApiTest: %d changes, %d read more than once%n", head, served.values().stream().filter(n -> n > 1).count());
        TestSimulator.assertGraphEqualsSource(driver);
    }

    @Test
    @Order(2)
    void outboxDeliveriesRunOnceAcrossReplicas() {
        String batch = "REPL-" + KEYS.incrementAndGet();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String payload = "{\"resultId\":\"" + batch + "-" + i + "\",\"uscc\":\"" + uscc(i) + "\",\"inspectingDepartment\":\"MS-430100\","
                    + "\"category\":\"NO_PROBLEM_FOUND\",\"endedOn\":\"2026-11-30\",\"publishedAt\":\"2026-12-01T10:00:00+08:00\"}";
            messages.add(Map.of("id", "OUT-" + batch + "-" + i, "key", batch + "-" + i + ":published", "payload", payload));
        }
        // As a publication writes them (ResultService.announce): pending, due now.
        driver.executableQuery("UNWIND $messages AS m CREATE (o:OutboxMessage {id: m.id, idempotencyKey: m.key, destination: 'CREDIT_PLATFORM',"
                + " kind: 'INSPECTION_RESULT', payload: m.payload, status: 'PENDING', attempts: 0, createdAt: datetime(), nextAttemptAt: datetime()})")
                .withParameters(Map.of("messages", messages)).execute();
        assertThat(MarketSyncApiTest.waitUpTo(Duration.ofSeconds(60), Duration.ofMillis(200), () -> driver.executableQuery(
                "MATCH (o:OutboxMessage) WHERE o.id STARTS WITH $b AND o.status = 'DELIVERED' RETURN count(o) AS n")
                .withParameters(Map.of("b", "OUT-" + batch)).execute().records().get(0).get("n").asLong() == 30)).as("all delivered").isTrue();
        Map<String, Integer> arrivals = TestSimulator.resultArrivals();
        for (Map<String, Object> m : messages) {
            assertThat(arrivals.get((String) m.get("key"))).as("arrivals of %s", m.get("key")).isEqualTo(1);
        }
        assertThat(driver.executableQuery("MATCH (o:OutboxMessage) WHERE o.id STARTS WITH $b RETURN collect(DISTINCT o.status) AS s, max(o.attempts) AS a")
                .withParameters(Map.of("b", "OUT-" + batch)).execute().records().get(0).asMap()).isEqualTo(Map.of("s", List.of("DELIVERED"), "a", 1L));
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void aSubscriberOnReplicaBHearsOfAListingRecordedThroughReplicaA() throws Exception {
        String admin = token("replicas-admin", "ADMIN", null);
        String x = newUscc();
        http("a", admin).document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", x, "name", "副本订阅测试公司", "orgType", "COMPANY", "regionCode", "430100"))
                .execute().path("upsertEnterprise.uscc").entity(String.class).isEqualTo(x);
        BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Disposable subscription = webSocket("b", admin).document("""
                        subscription($s: [SubjectInput!]!) { restrictionChanges(subjects: $s, domains: [BIDDING_TENDERING], purpose: "replicas",
                          includeCurrent: true) { causes triggerIds answer { restricted } } }""")
                .variable("s", List.of(Map.of("uscc", x))).executeSubscription().toFlux()
                .subscribe(r -> events.add(r.path("restrictionChanges").entity(Map.class).get()), failed::set);
        try {
            Map<String, Object> current = events.poll(30, TimeUnit.SECONDS);
            assertThat(current).as("the current answer, from replica B (%s)", failed.get()).isNotNull();
            assertThat(current.get("causes")).isEqualTo(List.of("CURRENT"));
            String listing = http("a", token("replicas-officer", "OFFICER", "MS-430100")).document("""
                            mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }""")
                    .variable("in", Map.of("uscc", x, "type", "SERIOUS_VIOLATION_LIST", "issuingDepartmentId", "MS-430100",
                            "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", "副本测试"))
                    .execute().path("recordCreditListing.id").entity(String.class).get();
            Map<String, Object> listed = events.poll(30, TimeUnit.SECONDS);
            assertThat(listed).as("the listing made through replica A, heard on replica B (%s)", failed.get()).isNotNull();
            assertThat(listed.get("causes")).isEqualTo(List.of("LISTED"));
            assertThat((List<String>) listed.get("triggerIds")).contains(listing);
            assertThat((Map<String, Object>) listed.get("answer")).containsEntry("restricted", true);
        } finally {
            subscription.dispose();
        }
    }

    @Test
    @Order(4)
    void aReplicaKilledMidSyncIsTakenOverByTheOtherAndTheFeedAppliedOnce() throws Exception {
        long from = checkpoint();
        TestSimulator.resetServed();
        TestSimulator.faults(0, 40, 0, false, 0, 0);
        long head = TestSimulator.advance(1500);
        MarketSyncApiTest.waitUpTo(Duration.ofSeconds(60), Duration.ofMillis(20), () -> checkpoint() >= from + (head - from) / 3);
        String owner = driver.executableQuery("MATCH (l:SyncLock {name: $n}) RETURN l.owner AS o").withParameters(Map.of("n", LOCK))
                .execute().records().get(0).get("o").asString();
        // FeedSync's owner is "<pid>@<host>/<uuid>".
        long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        String victim = replicas.entrySet().stream().filter(e -> e.getValue().pid() == pid).map(Map.Entry::getKey).findFirst().orElseThrow();
        replicas.get(victim).destroyForcibly().waitFor();  // SIGKILL: no shutdown hook, no lease released
        long killedAt = checkpoint();
        assertThat(killedAt).as("killed between the first and the last batch").isGreaterThan(from).isLessThan(head);
        // Batches commit whole with their checkpoint: the graph holds exactly the feed up to the checkpoint.
        TestSimulator.assertGraphHoldsFeedUpTo(driver, killedAt);

        // The other replica takes the lease once the dead one's has run out (10 s), and goes on from the checkpoint.
        TestSimulator.faults(0, 0, 0, false, 0, 0);
        awaitCheckpoint(head, Duration.ofSeconds(90));
        assertThat(replicas.get(victim.equals("a") ? "b" : "a").isAlive()).as("the survivor").isTrue();
        Map<Long, Integer> served = TestSimulator.served();
        assertThat(served.keySet()).as("every change after the earlier checkpoint").containsAll(java.util.stream.LongStream.rangeClosed(from + 1, head).boxed().toList());
        TestSimulator.assertGraphEqualsSource(driver);
    }

    // --- helpers ---

    static long checkpoint() {
        var rows = driver.executableQuery("MATCH (c:SyncCheckpoint {source: 'MARKET_SUPERVISION', stream: 'changes'}) RETURN c.position AS p").execute().records();
        return rows.isEmpty() ? 0 : rows.get(0).get("p").asLong();
    }

    static void awaitCheckpoint(long head, Duration atMost) {
        MarketSyncApiTest.waitUpTo(atMost, Duration.ofMillis(100), () -> checkpoint() >= head);
        assertThat(checkpoint()).as("synced to the head").isEqualTo(head);
    }

    static boolean ready(String name) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(name)
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static HttpGraphQlTester http(String replica, String token) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + ports.get(replica) + "/graphql")
                .responseTimeout(Duration.ofSeconds(60)).defaultHeader("Authorization", "Bearer " + token).build());
    }

    static WebSocketGraphQlTester webSocket(String replica, String token) {
        return WebSocketGraphQlTester.builder("ws://127.0.0.1:" + ports.get(replica) + "/graphql", new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                }).build();
    }

    /** A token of the identity provider both replicas trust; valid from 2000 to 2100, so no clock is read here. */
    static String token(String subject, String role, String department) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of(role))
                .issueTime(Date.from(java.time.Instant.parse("2000-01-01T00:00:00Z")))
                .expirationTime(Date.from(java.time.Instant.parse("2100-01-01T00:00:00Z")));
        if (department != null) {
            claims.claim("department", department);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("replicas").build(), claims.build());
        jwt.sign(new RSASSASigner(ISSUER));
        return jwt.serialize();
    }

    static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("replicas").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Numbers the keys this class creates in its own store, the same ones every run. */
    private static final java.util.concurrent.atomic.AtomicLong KEYS = new java.util.concurrent.atomic.AtomicLong();

    static String newUscc() {
        String body = "91430100" + String.format("%09d", KEYS.incrementAndGet());
        return body + Uscc.checkCharacter(body);
    }

    static String uscc(int i) {
        String body = "91430100" + String.format("%09d", i);
        return body + Uscc.checkCharacter(body);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
