package org.supervisionhub.api.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.connectors.simulator.SimulatorApplication;

/** The simulator of the external systems on {@link HubIntegrationTest#SIMULATOR_PORT}, started once per test JVM, and its switches. */
final class TestSimulator {

    static final int ENTERPRISES = 300;
    private static ConfigurableApplicationContext context;
    private static RestClient http;

    private TestSimulator() {
    }

    static synchronized RestClient start() {
        if (context == null) {
            // The external systems run on a clock of their own, started where the hub's test clock starts.
            context = SimulatorApplication.start(new TestClock(TestClock.configuredStart().toInstant(), java.time.ZoneOffset.UTC),
                    "--server.port=" + HubIntegrationTest.SIMULATOR_PORT, "--simulator.enterprises=" + ENTERPRISES,
                    "--simulator.seed=42");
            http = RestClient.builder().baseUrl("http://127.0.0.1:" + HubIntegrationTest.SIMULATOR_PORT).build();
        }
        return http;
    }

    static void faults(double errorRate, long latencyMs, double malformedRate, boolean outage, double slowRate, long slowMs) {
        faults(errorRate, latencyMs, malformedRate, outage, slowRate, slowMs, 0);
    }

    static void faults(double errorRate, long latencyMs, double malformedRate, boolean outage, double slowRate, long slowMs, double ackLossRate) {
        start().put().uri("/sim/faults").contentType(MediaType.APPLICATION_JSON).body(Map.of("errorRate", errorRate, "latencyMs", latencyMs,
                "malformedRate", malformedRate, "outage", outage, "slowRate", slowRate, "slowMs", slowMs, "ackLossRate", ackLossRate))
                .retrieve().toBodilessEntity();
    }

    /** The tax and joint-punishment list entries as they stand: {@code tax} and {@code credit}, by entry id. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Map<String, Object>>> lists() {
        return start().get().uri("/sim/lists").retrieve().body(Map.class);
    }

    /** Each subject's version as of change {@code upTo}. */
    static Map<String, Long> versions(long upTo) {
        Map<String, Number> raw = start().get().uri("/sim/market/versions?upTo={n}", upTo).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Number>>() { });
        Map<String, Long> out = new HashMap<>();
        raw.forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }

    /** The idempotency keys the credit platform recorded, in order. */
    static List<String> receivedResults() {
        return start().get().uri("/sim/credit/received").retrieve().body(new ParameterizedTypeReference<List<String>>() { });
    }

    /** How many times each idempotency key arrived at the credit platform. */
    static Map<String, Integer> resultArrivals() {
        return start().get().uri("/sim/credit/arrivals").retrieve().body(new ParameterizedTypeReference<Map<String, Integer>>() { });
    }

    /** Per change of the registry's feed, how many times it was served since {@link #resetServed()}. */
    static Map<Long, Integer> served() {
        Map<String, Number> raw = start().get().uri("/sim/market/served").retrieve().body(new ParameterizedTypeReference<Map<String, Number>>() { });
        Map<Long, Integer> out = new java.util.TreeMap<>();
        raw.forEach((k, v) -> out.put(Long.parseLong(k), v.intValue()));
        return out;
    }

    static void resetServed() {
        start().delete().uri("/sim/market/served").retrieve().toBodilessEntity();
    }

    static long advance(int changes) {
        return ((Number) start().post().uri("/sim/market/advance?changes={n}", changes).retrieve().body(Map.class).get("marketHead")).longValue();
    }

    static List<Long> malformed() {
        return start().get().uri("/sim/market/malformed").retrieve().body(new ParameterizedTypeReference<List<Long>>() { });
    }

    /** Every subject as the registry holds it now (read with no faults switched on). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> enterprises() {
        return (List<Map<String, Object>>) start().get().uri("/market/v1/enterprises?limit=1000").retrieve().body(Map.class).get("items");
    }

    /** Every subject the feed touched up to {@code position} is in the graph at its version as of then, no later one. */
    static void assertGraphHoldsFeedUpTo(Driver driver, long position) {
        assertGraphHoldsFeedUpTo(driver, position, uscc -> true);
    }

    /** The same for the {@code subjects} chosen (a partition's). */
    static void assertGraphHoldsFeedUpTo(Driver driver, long position, java.util.function.Predicate<String> subjects) {
        Map<String, Long> expected = new HashMap<>(versions(position));
        expected.keySet().removeIf(subjects.negate());
        Map<String, Long> inGraph = new HashMap<>();
        driver.executableQuery("UNWIND $u AS u MATCH (e:Enterprise {uscc: u}) RETURN u, e.sourceVersion AS v")
                .withParameters(Map.of("u", List.copyOf(expected.keySet()))).execute().records()
                .forEach(r -> inGraph.put(r.get("u").asString(), r.get("v").asLong()));
        assertThat(inGraph).isEqualTo(expected);
    }

    /** The graph holds exactly the registry's subjects, each at the source's version, with its links and listings. */
    @SuppressWarnings("unchecked")
    static void assertGraphEqualsSource(Driver driver) {
        List<Map<String, Object>> source = enterprises();
        assertThat(source).hasSize(ENTERPRISES);
        Map<String, Map<String, Object>> graph = new HashMap<>();
        driver.executableQuery("""
                UNWIND $usccs AS u MATCH (e:Enterprise {uscc: u})
                RETURN u AS uscc, e.sourceVersion AS version, e.name AS name, e.status AS status,
                  [(p:Person)-[l:LEGAL_REPRESENTATIVE_OF]->(e) WHERE l.validTo IS NULL | p.name] AS legal,
                  [(p:Person)-[l:OFFICER_OF]->(e) WHERE l.validTo IS NULL | p.name] AS officers,
                  [(e)-[l:BRANCH_OF]->(h) WHERE l.validTo IS NULL | h.uscc] AS heads,
                  [(h)-[l:SHAREHOLDER_OF]->(e) WHERE l.validTo IS NULL | coalesce(h.uscc, h.name) + ' ' + toString(l.sharePct)] AS holders,
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
            assertThat((List<String>) g.get("holders")).as("shareholders of %s", e.get("uscc")).containsExactlyInAnyOrderElementsOf(
                    (e.get("shareholders") == null ? List.<Map<String, Object>>of() : (List<Map<String, Object>>) e.get("shareholders")).stream().map(h -> ("ENTERPRISE".equals(h.get("kind"))
                            ? h.get("key") : h.get("name")) + " " + Double.parseDouble((String) h.get("sharePercent"))).toList());
            assertThat(g.get("heads")).isEqualTo(e.get("parentUscc") == null ? List.of() : List.of(e.get("parentUscc")));
            assertThat(g.get("listings")).as("listings of %s", e.get("uscc")).isEqualTo((long) entries.size());
            assertThat(g.get("listed")).isEqualTo(entries.stream().filter(a -> a.get("removedOn") == null).count());
        }
    }
}
