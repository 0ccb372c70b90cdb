package org.supervisionhub.api.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * The registry sync against the simulator on loopback, through the real API and graph: with 30% server errors,
 * timeouts, malformed records and an outage in the middle it converges to exactly the source's state; the breaker
 * opens during the outage while the hub keeps answering; dead letters are exactly the malformed records, and replayed
 * after the source's fix.
 */
class MarketSyncApiTest extends HubIntegrationTest {

    static final String SOURCES = "{ connectorSources { source state breaker running lastRun { outcome position } streams { stream position }"
            + " openDeadLetters } }";

    @Autowired
    Driver driver;

    @SuppressWarnings("unchecked")
    Map<String, Object> market() {
        List<Map<String, Object>> sources = graphQl(admin()).document(SOURCES).execute().path("connectorSources").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        return sources.stream().filter(s -> "MARKET_SUPERVISION".equals(s.get("source"))).findFirst().orElseThrow();
    }

    long position() {
        List<?> streams = (List<?>) market().get("streams");
        return streams.isEmpty() ? 0 : ((Number) ((Map<?, ?>) streams.get(0)).get("position")).longValue();
    }

    void sync() {
        graphQl(admin()).document("mutation { syncSource(source: MARKET_SUPERVISION) { started } }").execute().path("syncSource.started")
                .entity(Boolean.class).get();
    }

    void waitUntilIdle() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Boolean.TRUE.equals(market().get("running")) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
    }

    /** Runs syncs until one reaches the head (breaker waits included). */
    void syncToHead(long head) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            sync();
            Thread.sleep(200);
            waitUntilIdle();
            if (position() == head && "OK".equals(market().get("state"))) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no convergence: " + market());
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
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (position() < head / 3 && Instant.now().isBefore(until)) {
            if (!Boolean.TRUE.equals(market().get("running"))) {
                sync();
            }
            Thread.sleep(100);
        }
        assertThat(position()).as("progress before the outage").isBetween(1L, head - 1);
        TestSimulator.faults(0.3, 40, 0.03, true, 0, 0);
        waitUntilIdle();
        Map<String, Object> during = market();
        // Open, or already half-open after its 5 s wait, letting a few probes through.
        assertThat(during.get("breaker")).isIn("OPEN", "HALF_OPEN");
        assertThat(during.get("state")).isEqualTo("CIRCUIT_OPEN");
        assertThat(((Map<String, Object>) during.get("lastRun")).get("outcome")).isEqualTo("CIRCUIT_OPEN");
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

        // The source fixes its records; each dead letter is applied again, read anew from where its page began.
        TestSimulator.faults(0, 0, 0, false, 0, 0);
        for (Map<String, Object> d : open) {
            Map<String, Object> replayed = graphQl(admin()).document("mutation { replayDeadLetter(id: \"" + d.get("id") + "\") { status resolution } }")
                    .execute().path("replayDeadLetter").entity(Map.class).get();
            assertThat(replayed).containsEntry("status", "RESOLVED");
        }
        assertGraphEqualsSource();

        // A full re-sync from the beginning changes nothing: every snapshot is already there.
        graphQl(admin()).document("mutation { syncSource(source: MARKET_SUPERVISION, mode: FULL) { started } }").execute();
        Thread.sleep(200);
        waitUntilIdle();
        assertThat(((Map<String, Object>) market().get("lastRun"))).containsEntry("outcome", "CAUGHT_UP");
        assertGraphEqualsSource();
    }

    @SuppressWarnings("unchecked")
    void assertGraphEqualsSource() {
        List<Map<String, Object>> source = TestSimulator.enterprises();
        assertThat(source).hasSize(TestSimulator.ENTERPRISES);
        Map<String, Map<String, Object>> graph = new HashMap<>();
        driver.executableQuery("""
                UNWIND $usccs AS u MATCH (e:Enterprise {uscc: u})
                RETURN u AS uscc, e.sourceVersion AS version, e.name AS name, e.status AS status,
                  [(p:Person)-[l:LEGAL_REPRESENTATIVE_OF]->(e) WHERE l.validTo IS NULL | p.name] AS legal,
                  [(p:Person)-[l:OFFICER_OF]->(e) WHERE l.validTo IS NULL | p.name] AS officers,
                  [(e)-[l:BRANCH_OF]->(h) WHERE l.validTo IS NULL | h.uscc] AS heads,
                  COUNT { MATCH (t:RestrictionTrigger {uscc: u}) WHERE t.source = 'MARKET_SUPERVISION' AND t.removedAt IS NULL } AS listed,
                  COUNT { MATCH (t:RestrictionTrigger {uscc: u}) WHERE t.source = 'MARKET_SUPERVISION' } AS listings""")
                .withParameters(Map.of("usccs", source.stream().map(e -> e.get("uscc")).toList())).execute().records()
                .forEach(r -> graph.put(r.get("uscc").asString(), r.asMap()));
        assertThat(graph).as("every subject, once").hasSize(source.size());
        for (Map<String, Object> e : source) {
            Map<String, Object> g = graph.get(e.get("uscc"));
            List<Map<String, Object>> entries = (List<Map<String, Object>>) e.get("abnormalEntries");
            Map<String, Object> legal = (Map<String, Object>) e.get("legalRepresentative");
            assertThat(g.get("version")).as("version of %s", e.get("uscc")).isEqualTo(((Number) e.get("version")).longValue());
            assertThat(g.get("name")).isEqualTo(e.get("name"));
            assertThat(g.get("status")).isEqualTo("ACTIVE".equals(e.get("status")) ? "ACTIVE" : "REVOKED");
            assertThat(g.get("legal")).as("one legal representative in office").isEqualTo(List.of(legal.get("name")));
            assertThat((List<String>) g.get("officers")).containsExactlyInAnyOrderElementsOf(((List<Map<String, Object>>) e.get("officers")).stream()
                    .map(o -> (String) o.get("name")).toList());
            assertThat(g.get("heads")).isEqualTo(e.get("parentUscc") == null ? List.of() : List.of(e.get("parentUscc")));
            assertThat(g.get("listings")).as("listings of %s", e.get("uscc")).isEqualTo((long) entries.size());
            assertThat(g.get("listed")).isEqualTo(entries.stream().filter(a -> a.get("removedOn") == null).count());
        }
    }
}
