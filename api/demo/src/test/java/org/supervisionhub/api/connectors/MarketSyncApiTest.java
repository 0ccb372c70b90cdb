package org.supervisionhub.api.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * The registry sync against the simulator on loopback, through the real API and graph: with 30% server errors,
 * timeouts, malformed records and an outage in the middle it converges to exactly the source's state; the breaker
 * opens during the outage while the hub keeps answering; dead letters are exactly the malformed records, and replayed
 * after the source's fix.
 */
class MarketSyncApiTest extends HubIntegrationTest {

    static final String SOURCES = "{ connectorSources { source state breaker running lastRuns { mode outcome records applied position } streams { stream position }"
            + " openDeadLetters } }";

    @Autowired
    Driver driver;

    @Autowired
    EmbeddedNeo4jServer neo4j;

    Map<String, Object> market() {
        return source("MARKET_SUPERVISION");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> source(String name) {
        List<Map<String, Object>> sources = graphQl(admin()).document(SOURCES).execute().path("connectorSources").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        return sources.stream().filter(s -> name.equals(s.get("source"))).findFirst().orElseThrow();
    }

    /**
     * Waits (real elapsed time, not the hub's clock) until {@code condition} holds, polling every {@code every}; false
     * when {@code atMost} passed first.
     */
    static boolean waitUpTo(Duration atMost, Duration every, Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(every).pollInSameThread().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Runs syncs of the source until one catches up. */
    void syncUntilCaughtUp(String name) {
        syncUntil(name, s -> "OK".equals(s.get("state")));
    }

    /**
     * Runs syncs of the source, one after another (the next as soon as the last has ended), until the state left by a
     * run started here passes {@code done}; the breaker's waits are short in the tests' context.
     */
    void syncUntil(String name, Predicate<Map<String, Object>> done) {
        syncUntil(name, done, Duration.ofMinutes(3));
    }

    void syncUntil(String name, Predicate<Map<String, Object>> done, Duration atMost) {
        AtomicBoolean ran = new AtomicBoolean();
        boolean reached = waitUpTo(atMost, Duration.ofMillis(200), () -> {
            Map<String, Object> s = source(name);
            if (Boolean.TRUE.equals(s.get("running"))) {
                return false;
            }
            if (ran.get() && done.test(s)) {
                return true;
            }
            // The run is under way when the mutation answers (or one was already): the next poll waits for it to end.
            graphQl(admin()).document("mutation { syncSource(source: " + name + ") { started } }").execute();
            ran.set(true);
            return false;
        });
        if (!reached) {
            throw new AssertionError("not reached: " + source(name));
        }
    }

    /** An actuator endpoint as read with {@code token} (null: anonymously); the HTTP status when refused. */
    @SuppressWarnings("unchecked")
    Map<String, Object> actuator(String path, String token) {
        return org.springframework.web.client.RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(h -> { if (token != null) h.setBearerAuth(token); }).exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
                        ? response.bodyTo(Map.class) : Map.of("httpStatus", response.getStatusCode().value()));
    }

    /** The breaker's state gauge: 1.0 for the state it is in; {@code state} null sums every state's gauge. */
    double breakerGauge(String name, String state) {
        Map<String, Object> metric = actuator("/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:" + name
                + (state == null ? "" : "&tag=state:" + state), token(admin()));
        return ((Number) ((Map<?, ?>) ((List<?>) metric.get("measurements")).get(0)).get("value")).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSourceBreakerOpenedByAnOutageShowsInHealthAndMetricsForAdministratorsWhileTheHubStaysUp() throws Exception {
        TestSimulator.start();
        TestSimulator.faults(0, 0, 0, true, 0, 0);
        try {
            syncUntil("CREDIT_PLATFORM", s -> "CIRCUIT_OPEN".equals(s.get("state")));
            // Anyone sees the hub up (a source down does not make the hub unhealthy) but no details.
            Map<String, Object> anonymous = actuator("/actuator/health", null);
            assertThat(anonymous).containsEntry("status", "UP").doesNotContainKey("components");
            // An administrator sees the breaker of the credit platform open (or half-open once its wait is over), the others closed.
            Map<String, Object> health = actuator("/actuator/health", token(admin()));
            assertThat(health).containsEntry("status", "UP");
            Map<String, Object> breakers = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) health.get("components"))
                    .get("circuitBreakers")).get("details");
            assertThat(((Map<String, Object>) ((Map<String, Object>) breakers.get("credit")).get("details")).get("state")).isIn("OPEN", "HALF_OPEN");
            assertThat(((Map<String, Object>) ((Map<String, Object>) breakers.get("market")).get("details")).get("state")).isEqualTo("CLOSED");
            // One state at a time (its gauge 1.0), and not closed: open or half-open. Read as one sum, not open and half-open in two
            // reads, which the breaker's short wait can fall between.
            assertThat(breakerGauge("credit", null)).isEqualTo(1.0);
            assertThat(breakerGauge("credit", "closed")).isZero();
            assertThat(actuator("/actuator/metrics/resilience4j.circuitbreaker.state", null)).containsEntry("httpStatus", 401);
            assertThat(actuator("/actuator/metrics/resilience4j.circuitbreaker.state", token(officer("HRSS-430100")))).containsEntry("httpStatus", 403);
        } finally {
            TestSimulator.faults(0, 0, 0, false, 0, 0);
        }
        // Back: the half-open breaker lets probes through, they succeed, it closes.
        syncUntil("CREDIT_PLATFORM", s -> "OK".equals(s.get("state")) && "CLOSED".equals(s.get("breaker")));
        assertThat(breakerGauge("credit", "closed")).isEqualTo(1.0);
    }

    @Test
    void theTaxAndJointPunishmentListsBecomeListingsAndTheGradesAsTheSourcesHoldThemThroughErrorsAsTheyGrow() throws Exception {
        TestSimulator.start();
        // The lists grow as the registry advances: new listings and re-assessed grades come after the first items.
        Map<String, Map<String, Map<String, Object>>> initial = TestSimulator.lists();
        TestSimulator.advance(300);
        TestSimulator.faults(0.3, 0, 0, false, 0, 0);
        syncUntilCaughtUp("TAX");
        syncUntilCaughtUp("CREDIT_PLATFORM");
        TestSimulator.faults(0, 0, 0, false, 0, 0);
        Map<String, Map<String, Map<String, Object>>> lists = TestSimulator.lists();
        assertThat(lists.get("tax").size()).isGreaterThan(initial.get("tax").size());
        assertThat(lists.get("credit").size()).isGreaterThan(initial.get("credit").size());
        Map<String, Map<String, Object>> graph = new java.util.HashMap<>();
        driver.executableQuery("MATCH (t:RestrictionTrigger)-[:CONCERNS]->(e:Enterprise) WHERE t.source IN ['TAX', 'CREDIT_PLATFORM'] AND t.recordedBy STARTS WITH 'sync:'"
                + " RETURN t.sourceRef AS ref, t.source AS source, t.triggerType AS type, e.uscc AS uscc, t.removedAt IS NOT NULL AS removed")
                .execute().records().forEach(r -> graph.put(r.get("ref").asString(), r.asMap()));
        lists.get("tax").forEach((id, e) -> assertThat(graph.get(id)).as("tax entry %s", id).containsEntry("source", "TAX")
                .containsEntry("type", "MAJOR_TAX_VIOLATION_LIST").containsEntry("uscc", e.get("uscc")).containsEntry("removed", e.get("removed")));
        lists.get("credit").forEach((id, e) -> assertThat(graph.get(id)).as("joint-punishment entry %s", id).containsEntry("source", "CREDIT_PLATFORM")
                .containsEntry("type", "SERIOUS_DISHONESTY".equals(e.get("listType")) ? "SERIOUS_VIOLATION_LIST" : "DISHONEST_JUDGMENT_DEBTOR_LIST")
                .containsEntry("uscc", e.get("uscc")).containsEntry("removed", e.get("removed")));
        assertThat(graph).as("nothing more, nothing twice").hasSize(lists.get("tax").size() + lists.get("credit").size());
        // The tax credit grades: each subject and year once, at the source's latest assessment, re-assessments included.
        Map<String, String> grades = new java.util.HashMap<>();
        driver.executableQuery("MATCH (g:TaxCreditGrade)-[:OF]->(e:Enterprise) RETURN e.uscc + ':' + g.year AS key, g.grade AS grade").execute().records()
                .forEach(r -> assertThat(grades.put(r.get("key").asString(), r.get("grade").asString())).as("once").isNull());
        Map<String, String> sourceGrades = new java.util.HashMap<>();
        lists.get("grades").forEach((key, g) -> sourceGrades.put(key, (String) g.get("grade")));
        assertThat(grades).isEqualTo(sourceGrades);
        String graded = sourceGrades.keySet().iterator().next().split(":")[0];
        assertThat(graphQl(as(org.supervisionhub.api.access.Role.PARTNER, "PARTNER-BIDDING-430000"))
                .document("{ enterprise(uscc: \"" + graded + "\") { taxCreditGrades { year grade } } }").execute()
                .path("enterprise.taxCreditGrades[0]").entity(Map.class).get()).isEqualTo(Map.of("year", 2025, "grade", sourceGrades.get(graded + ":2025")));
        // A partner's restriction answer now reports the tax system as fresh.
        List<Map<String, Object>> freshness = graphQl(as(org.supervisionhub.api.access.Role.PARTNER, "PARTNER-BIDDING-430000"))
                .document("{ restrictionCheck(subject: {uscc: \"" + lists.get("tax").values().iterator().next().get("uscc")
                        + "\"}, domain: BIDDING_TENDERING, purpose: \"test\") { freshness { source state } } }")
                .execute().path("restrictionCheck.freshness").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(freshness).contains(Map.of("source", "TAX", "state", "OK"), Map.of("source", "CREDIT_PLATFORM", "state", "OK"));
    }

    long position() {
        return position(market());
    }

    static long position(Map<String, Object> source) {
        List<?> streams = (List<?>) source.get("streams");
        return streams.isEmpty() ? 0 : ((Number) ((Map<?, ?>) streams.get(0)).get("position")).longValue();
    }

    void sync() {
        graphQl(admin()).document("mutation { syncSource(source: MARKET_SUPERVISION) { started } }").execute().path("syncSource.started")
                .entity(Boolean.class).get();
    }

    void waitUntilIdle() {
        waitUpTo(Duration.ofMinutes(3), Duration.ofMillis(100), () -> !Boolean.TRUE.equals(market().get("running")));
    }

    /** Runs syncs until one reaches the head (breaker waits included). */
    void syncToHead(long head) {
        try {
            syncUntil("MARKET_SUPERVISION", s -> position(s) == head && "OK".equals(s.get("state")), Duration.ofMinutes(4));
        } catch (AssertionError e) {
            throw new AssertionError("no convergence: " + market(), e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void syncConvergesToTheSourceThroughErrorsTimeoutsMalformedRecordsAndAnOutageAndDeadLettersAreExactlyTheMalformedOnes() throws Exception {
        TestSimulator.start();
        long head = TestSimulator.advance(600);
        String uscc = (String) TestSimulator.enterprises().get(0).get("uscc");
        // 30% errors, some answers slower than the hub's 1 s read timeout, 3% malformed records, and latency to leave room for an outage.
        TestSimulator.faults(0.3, 40, 0.03, false, 0.05, 1500);
        sync();
        waitUpTo(Duration.ofMinutes(2), Duration.ofMillis(100), () -> {
            if (position() >= head / 3) {
                return true;
            }
            if (!Boolean.TRUE.equals(market().get("running"))) {
                sync();
            }
            return false;
        });
        assertThat(position()).as("progress before the outage").isBetween(1L, head - 1);
        TestSimulator.faults(0.3, 40, 0.03, true, 0, 0);
        waitUntilIdle();
        // Runs during the outage fail until the failures open the breaker; then a run is refused at once.
        waitUpTo(Duration.ofMinutes(2), Duration.ofMillis(100), () -> {
            Map<String, Object> m = market();
            if (Boolean.TRUE.equals(m.get("running"))) {
                return false;
            }
            if ("CIRCUIT_OPEN".equals(m.get("state"))) {
                return true;
            }
            sync();
            return false;
        });
        Map<String, Object> during = market();
        assertThat(during.get("state")).isEqualTo("CIRCUIT_OPEN");
        assertThat(((List<Map<String, Object>>) during.get("lastRuns")).get(0).get("outcome")).isEqualTo("CIRCUIT_OPEN");
        // Open, or already half-open after its wait (short in the tests' context), letting a few probes through.
        assertThat(during.get("breaker")).isIn("OPEN", "HALF_OPEN");
        // The hub keeps answering, from the graph, while the source is down.
        assertThat(graphQl(officer("HRSS-430100")).document("{ enterprise(uscc: \"" + uscc + "\") { uscc name } }").execute()
                .path("enterprise.uscc").entity(String.class).get()).isEqualTo(uscc);

        TestSimulator.faults(0.3, 0, 0.03, false, 0.05, 1500);
        syncToHead(head);

        Set<Long> malformed = new TreeSet<>(TestSimulator.malformed());
        assertThat(malformed).isNotEmpty();
        List<Map<String, Object>> open = graphQl(admin()).document("{ deadLetters(source: MARKET_SUPERVISION, status: \"OPEN\", first: 200) { id position"
                + " reason } }").execute().path("deadLetters").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        Set<Long> deadPositions = open.stream().map(d -> ((Number) d.get("position")).longValue()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(deadPositions).as("dead letters are exactly the malformed records").isEqualTo(malformed);
        // Among them records placed in a region the hub does not know: well formed, refused by what the graph holds.
        assertThat(open).extracting(d -> (String) d.get("reason"))
                .contains("enterprise.regionCode: no region " + org.supervisionhub.connectors.simulator.MarketDataset.UNKNOWN_REGION + " in the hub");

        // The source fixes its records; each dead letter is applied again, read anew from where its page began.
        TestSimulator.faults(0, 0, 0, false, 0, 0);
        for (Map<String, Object> d : open) {
            Map<String, Object> replayed = graphQl(admin()).document("mutation { replayDeadLetter(id: \"" + d.get("id") + "\") { status resolution } }")
                    .execute().path("replayDeadLetter").entity(Map.class).get();
            assertThat(replayed).containsEntry("status", "RESOLVED");
        }
        assertGraphEqualsSource();

        // A full re-sync reads the stream again from its beginning and changes nothing: every snapshot is already there.
        graphQl(admin()).document("mutation { syncSource(source: MARKET_SUPERVISION, mode: FULL) { started } }").execute();
        // Running from the moment the mutation answers: wait for it to end.
        waitUntilIdle();
        Map<String, Object> full = ((List<Map<String, Object>>) market().get("lastRuns")).get(0);
        assertThat(full).containsEntry("mode", "FULL").containsEntry("outcome", "CAUGHT_UP").containsEntry("applied", 0);
        assertThat(((Number) full.get("records")).longValue()).as("every record read again, from the first").isEqualTo(head);
        assertThat(((Number) full.get("position")).longValue()).isEqualTo(head);
        assertGraphEqualsSource();
    }

    void assertGraphEqualsSource() {
        TestSimulator.assertGraphEqualsSource(driver);
    }

    long checkpoint() {
        var rows = driver.executableQuery("MATCH (c:SyncCheckpoint {source: 'MARKET_SUPERVISION', stream: 'changes'}) RETURN c.position AS p").execute()
                .records();
        return rows.isEmpty() ? 0 : rows.get(0).get("p").asLong();
    }

    /** Where the feed's head stood and the stream's checkpoint when the sync process was killed. */
    record Killed(long head, long killedAt) {
    }

    /** The hub synced to the head; 3,000 changes more, and a second hub process with {@code writers} killed a third of the way through them. */
    Killed killedMidway(int writers) throws Exception {
        TestSimulator.start();
        TestSimulator.faults(0, 0, 0, false, 0, 0);
        syncToHead(TestSimulator.advance(0));
        long from = checkpoint();
        long head = TestSimulator.advance(3000);
        // A second hub process syncs in small batches, slowed by the source, and is killed (SIGKILL) a third of the way.
        TestSimulator.faults(0, 15, 0, false, 0, 0);
        Process process = syncProcess(writers);
        waitUpTo(Duration.ofMinutes(2), Duration.ofMillis(50), () -> checkpoint() >= from + (head - from) / 3 || !process.isAlive());
        process.destroyForcibly().waitFor();
        long killedAt = checkpoint();
        assertThat(killedAt).as("killed between the first and the last batch").isGreaterThan(from).isLessThan(head);
        return new Killed(head, killedAt);
    }

    /** The hub takes over once the dead process's lease has expired, from its checkpoint, and ends where an uninterrupted run would. */
    void resumedByTheHub(long head) {
        TestSimulator.faults(0, 0, 0, false, 0, 0);
        // The dead process's 2 s lease runs out on the hub's clock.
        clock.advance(Duration.ofMillis(2500));
        syncToHead(head);
        assertGraphEqualsSource();
    }

    @Test
    void aSyncProcessKilledBetweenBatchesIsResumedFromItsCheckpointWithTheSameResult() throws Exception {
        Killed killed = killedMidway(1);
        // Batches commit whole with their checkpoint: the graph holds exactly the feed up to the checkpoint, no more, no less.
        TestSimulator.assertGraphHoldsFeedUpTo(driver, killed.killedAt());

        resumedByTheHub(killed.head());
    }

    /** Each partition's checkpoint of the registry's stream among {@code partitions}. */
    Map<Integer, Long> partitionCheckpoints(int partitions) {
        return driver.executableQuery("MATCH (c:SyncPartitionCheckpoint {source: 'MARKET_SUPERVISION', stream: 'changes', partitions: $n})"
                + " RETURN c.partition AS p, c.position AS position").withParameters(Map.of("n", partitions)).execute().records().stream()
                .collect(Collectors.toMap(r -> r.get("p").asInt(), r -> r.get("position").asLong()));
    }

    @Test
    void aSyncProcessWithTwoWritersKilledBetweenBatchesHoldsExactlyEachPartitionsPrefixAndIsResumedWithTheSameResult() throws Exception {
        Killed killed = killedMidway(2);
        long killedAt = killed.killedAt();
        // Each partition commits its share of a batch with its own checkpoint, at or ahead of the stream's: the graph holds
        // exactly each partition's subjects as of that partition's checkpoint.
        Map<Integer, Long> partitions = partitionCheckpoints(2);
        for (int p = 0; p < 2; p++) {
            int partition = p;
            long upTo = partitions.getOrDefault(p, killedAt);
            assertThat(upTo).as("partition %d at or ahead of the stream", p).isGreaterThanOrEqualTo(killedAt);
            TestSimulator.assertGraphHoldsFeedUpTo(driver, upTo, uscc -> FeedSync.partition(uscc, 2) == partition);
        }

        resumedByTheHub(killed.head());
    }

    /** A second hub process syncing the registry with {@code writers} writers, in batches of 20 (the source slowed by the test's faults). */
    Process syncProcess(int writers) throws java.io.IOException {
        // It leases the stream on a clock started where the hub's stands, so the hub sees its lease expire on time.
        // C1 only: the process lives seconds, too short for C2's compiles to pay back.
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-D" + org.supervisionhub.api.TestClock.PROPERTY + "=" + clock.now(), "-cp",
                System.getProperty("java.class.path"), SyncProcess.class.getName(),
                "--spring.neo4j.uri=" + neo4j.boltUri(), "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + neo4j.password(),
                "--hub.connectors.market.base-url=http://127.0.0.1:" + SIMULATOR_PORT + "/market",
                "--hub.connectors.market.page-size=20", "--hub.connectors.market.records-per-transaction=20", "--hub.connectors.lock-lease=PT2S",
                "--hub.connectors.market.writers=" + writers)
                .redirectErrorStream(true).redirectOutput(Path.of("target", "sync-process-" + writers + ".log").toFile()).start();
    }
}
