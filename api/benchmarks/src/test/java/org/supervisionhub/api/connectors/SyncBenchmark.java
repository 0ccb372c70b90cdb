package org.supervisionhub.api.connectors;

import static org.supervisionhub.api.BenchmarkSupport.appendResult;
import static org.supervisionhub.api.BenchmarkSupport.check;
import static org.supervisionhub.api.BenchmarkSupport.deleteRecursively;
import static org.supervisionhub.api.BenchmarkSupport.exitAfter;
import static org.supervisionhub.api.BenchmarkSupport.loadAverage;
import static org.supervisionhub.api.BenchmarkSupport.ms;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supervisionhub.api.BenchmarkSupport;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.connectors.market.MarketRegistrySync;
import org.supervisionhub.connectors.sync.FeedSync.Mode;
import org.supervisionhub.connectors.sync.FeedSync.Run;
import org.supervisionhub.connectors.simulator.SimulatorApplication;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.springframework.web.client.RestClient;

/**
 * A full sync of the simulated registry over HTTP into an empty embedded Neo4j, end to end: pages of 1,000 read
 * through the generated client and the Resilience4j guard, mapped, and written with their links and checkpoints. Not a
 * test: run by {@code bench/sync-benchmark.sh}. Arguments: {@code [enterprises=1000000] [resultFile] [latencyMs=0]}, the last
 * making the simulator answer each page after that delay, as a source over a network would.
 *
 * <p>Also measured: the source alone (every page read over HTTP and parsed, nothing written), so the figure can be
 * split between the source and the graph. Target: 10,000 enterprises per second end to end.
 */
public final class SyncBenchmark {

    static final long PAGE_CACHE_MB = BenchmarkSupport.pageCacheMb();
    static final String PASSWORD = "benchmark-password";

    private SyncBenchmark() {
    }

    public static void main(String[] args) {
        // Any failure ends the run here, loudly, and the JVM with it.
        exitAfter(() -> run(args));
    }

    static void run(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/sync.txt");
        long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path home = Files.createTempDirectory("hub-sync-benchmark");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String summary;
        try (ConfigurableApplicationContext simulator = SimulatorApplication.start("--server.port=" + port, "--simulator.enterprises=" + enterprises,
                "--simulator.seed=1", "--logging.level.root=warn");
             EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB, PASSWORD);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD),
                     Config.builder().withLogging(Logging.none()).build());
             ConfigurableApplicationContext hub = new SpringApplicationBuilder(SupervisionHubApplication.class, org.supervisionhub.api.TestClock.Configuration.class).run(
                     "--spring.neo4j.uri=" + server.boltUri(), "--spring.neo4j.authentication.username=neo4j",
                     "--spring.neo4j.authentication.password=" + PASSWORD, "--hub.demo.enabled=false",
                     "--hub.security.demo-issuer.enabled=true", "--server.port=0", "--logging.level.root=warn",
                     "--hub.connectors.market.base-url=http://127.0.0.1:" + port + "/market", "--hub.connectors.market.page-size=1000",
                     "--hub.connectors.market.max-pages-per-run=100000", "--hub.connectors.lock-lease=PT1H",
                     // -Dsync.writers=N: writers side by side (0, the default: one per core).
                     "--hub.connectors.market.writers=" + Integer.getInteger("sync.writers", 0),
                     "--resilience4j.ratelimiter.instances.market.limit-for-period=100000")) {
            // The source alone: every page over HTTP, parsed; nothing written.
            RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/market").build();
            long t0 = System.nanoTime();
            String after = null;
            long read = 0;
            while (true) {
                String cursor = after;
                java.util.Map<?, ?> page = http.get().uri(u -> cursor == null ? u.path("/v1/changes").queryParam("limit", 1000).build()
                        : u.path("/v1/changes").queryParam("limit", 1000).queryParam("after", cursor).build()).retrieve().body(java.util.Map.class);
                read += ((java.util.List<?>) page.get("changes")).size();
                after = (String) page.get("nextCursor");
                if (!Boolean.TRUE.equals(page.get("hasMore"))) {
                    break;
                }
            }
            double sourceSeconds = ms(t0) / 1000;
            check(read == enterprises, "read " + read);
            System.out.printf(Locale.ROOT, "source alone: %,d records in %.1f s (%,.0f/s)%n", read, sourceSeconds, read / sourceSeconds);

            // A source farther away: each page answered after latencyMs, as over a network (pages are read ahead while a batch is applied).
            http.put().uri("http://127.0.0.1:" + port + "/sim/faults").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(java.util.Map.of("errorRate", 0, "latencyMs", latencyMs, "malformedRate", 0, "outage", false, "slowRate", 0, "slowMs", 0, "ackLossRate", 0)).retrieve().toBodilessEntity();
            // The counties the registry places its enterprises in, as a deployment configures its regions: the sync leaves a
            // record in a region the hub does not know as a dead letter.
            driver.executableQuery("UNWIND $counties AS code CREATE (:Region {code: code, name: code, level: 'COUNTY'})")
                    .withParameters(java.util.Map.of("counties", org.supervisionhub.connectors.simulator.MarketDataset.REGIONS)).execute();
            MarketRegistrySync sync = hub.getBean(MarketRegistrySync.class);
            long t1 = System.nanoTime();
            Run run = sync.run(Mode.FULL);
            double seconds = ms(t1) / 1000;
            check("CAUGHT_UP".equals(run.outcome()), "run ended " + run);
            long inGraph = driver.executableQuery("MATCH (e:Enterprise) RETURN count(e) AS n").execute().records().get(0).get("n").asLong();
            long links = driver.executableQuery("MATCH ()-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF|BRANCH_OF]->() RETURN count(l) AS n").execute()
                    .records().get(0).get("n").asLong();
            check(inGraph == enterprises, "enterprises in the graph: " + inGraph);
            summary = String.format(Locale.ROOT, "sync: %,d enterprises with %,d links in %.1f s = %,.0f enterprises/s end to end (%d pages;"
                            + " source alone %,.0f/s; source latency %d ms per page; %d writers); load %s", enterprises, links, seconds, enterprises / seconds, run.pages(),
                    read / sourceSeconds, latencyMs, hub.getBean(org.supervisionhub.connectors.sync.ConnectorProperties.class).market().writers(), loadAverage());
        } finally {
            deleteRecursively(home);
        }
        System.out.println(summary);
        appendResult(resultFile, PAGE_CACHE_MB, summary);
    }
}
