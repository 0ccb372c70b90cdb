package org.supervisionhub.api.connectors;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.supervisionhub.api.HubIntegrationTest;
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
            context = SimulatorApplication.start("--server.port=" + HubIntegrationTest.SIMULATOR_PORT, "--simulator.enterprises=" + ENTERPRISES,
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

    /** The idempotency keys the credit platform recorded, in order. */
    static List<String> receivedResults() {
        return start().get().uri("/sim/credit/received").retrieve().body(new ParameterizedTypeReference<List<String>>() { });
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
}
