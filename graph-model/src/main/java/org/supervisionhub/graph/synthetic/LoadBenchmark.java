package org.supervisionhub.graph.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.store.GraphMigrations;

/**
 * Bulk-load benchmark: a fresh embedded server in a temporary directory, migrations, then
 * {@link SyntheticProvince#load}. Arguments: {@code [enterprises=1000000] [resultFile=bench/results/load.txt]}.
 * Prints a summary and appends it to the result file; the store is deleted afterwards.
 */
public final class LoadBenchmark {

    static final long PAGE_CACHE_MB = 2048;
    static final int BATCH_SIZE = 5_000;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/load.txt");
        SyntheticOptions options = new SyntheticOptions(SyntheticOptions.demo().seed(), enterprises, BATCH_SIZE, null);
        Path home = Files.createTempDirectory("hub-load-benchmark");
        LoadReport report;
        long nodesInStore;
        long relationshipsInStore;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            GraphMigrations.apply(driver, null);
            System.out.printf(Locale.ROOT, "loading %,d enterprises (seed %d, batch %,d) into %s%n",
                    enterprises, options.seed(), options.batchSize(), home);
            report = SyntheticProvince.load(driver, options);
            // Cross-check against the store's counts (count store lookups, constant time).
            nodesInStore = driver.executableQuery("MATCH (n) RETURN count(n) AS c").execute().records().get(0).get("c").asLong();
            relationshipsInStore = driver.executableQuery("MATCH ()-[r]->() RETURN count(r) AS c").execute().records().get(0).get("c").asLong();
        } finally {
            deleteRecursively(home);
        }
        double seconds = report.elapsed().toNanos() / 1e9;
        String summary = String.format(Locale.ROOT,
                "enterprises %,d | persons %,d | nodes %,d | relationships %,d | %.1f s | %,.0f enterprises/s | %,.0f entities/s",
                report.enterprises(), report.persons(), report.nodes(), report.relationships(), seconds,
                report.enterprisesPerSecond(), (report.nodes() + report.relationships()) / seconds);
        System.out.println(summary);
        System.out.printf(Locale.ROOT, "store after load: %,d nodes, %,d relationships (includes migration bookkeeping)%n",
                nodesInStore, relationshipsInStore);
        String line = String.format(Locale.ROOT, "%s | java %s | %d cores | heap %,d MiB | page cache %,d MiB | batch %,d | %s%n",
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, PAGE_CACHE_MB, options.batchSize(), summary);
        if (resultFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(resultFile.toAbsolutePath().getParent());
        }
        Files.writeString(resultFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + resultFile);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
