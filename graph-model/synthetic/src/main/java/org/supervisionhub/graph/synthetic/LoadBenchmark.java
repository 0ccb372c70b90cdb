package org.supervisionhub.graph.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.store.GraphMigrations;

/**
 * Load benchmark of an empty store: a fresh embedded server's home in a temporary directory, filled with the synthetic
 * province one of two ways. Arguments:
 * {@code [enterprises=1000000] [resultFile=bench/results/load.txt] [batchSize=2000] [deferIndexes=true] [path=import]}.
 * <ul>
 *   <li>{@code import} (the default): {@link ProvinceImport} writes the store with Neo4j's bulk importer before the
 *       server starts; then the server starts and {@code GraphMigrations} builds the constraints and indexes over the
 *       data. All three are timed; the total is until the indexes are online.</li>
 *   <li>{@code bolt}: the server starts, migrations run on the empty graph, then {@link SyntheticProvince#load} writes
 *       through Bolt. With deferred indexes the secondary (non-constraint) indexes are dropped before the load and
 *       rebuilt after it; uniqueness constraints stay, since the loader matches on them. Load and rebuild are timed.</li>
 * </ul>
 * Prints a summary with the process CPU and the machine's load average, appends it to the result file; the store is
 * deleted afterwards.
 */
public final class LoadBenchmark {

    static final long PAGE_CACHE_MB = 2048;
    static final int BATCH_SIZE = 2_000; // measured best on 2 cores (500-10,000 tried)
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/load.txt");
        int batchSize = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : BATCH_SIZE;
        boolean deferIndexes = args.length <= 3 || Boolean.parseBoolean(args[3]);
        String path = args.length > 4 ? args[4].strip().toLowerCase(Locale.ROOT) : "import";
        if (!path.equals("import") && !path.equals("bolt")) {
            throw new IllegalArgumentException("path must be import or bolt, not " + path);
        }
        SyntheticOptions options = new SyntheticOptions(SyntheticOptions.demo().seed(), enterprises, batchSize, null);
        Path home = Files.createTempDirectory("hub-load-benchmark");
        double loadBefore = OS.getSystemLoadAverage();
        String summary;
        try {
            summary = path.equals("import") ? importPath(home, options) : boltPath(home, options, deferIndexes);
        } finally {
            deleteRecursively(home);
        }
        summary += String.format(Locale.ROOT, " | load average %.2f before, %.2f after", loadBefore, OS.getSystemLoadAverage());
        System.out.println(summary);
        String line = String.format(Locale.ROOT, "%s | java %s | %d cores | heap %,d MiB | page cache %,d MiB | batch %,d%s | %s%n",
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, PAGE_CACHE_MB, options.batchSize(),
                path.equals("bolt") ? " x " + SyntheticProvince.WRITERS + " writers" : "", summary);
        if (resultFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(resultFile.toAbsolutePath().getParent());
        }
        Files.writeString(resultFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + resultFile);
    }

    /** Bulk import, server start, migrations with their index population: the whole way from nothing to a queryable store. */
    private static String importPath(Path home, SyntheticOptions options) throws IOException {
        System.out.printf(Locale.ROOT, "importing %,d enterprises (seed %d, chunks of %,d) with Neo4j's bulk importer into %s%n",
                options.enterprises(), options.seed(), options.batchSize(), home);
        long cpuBefore = OS.getProcessCpuTime();
        LoadReport report = ProvinceImport.importInto(home, null, options, System.out);
        long cpuImported = OS.getProcessCpuTime();
        long cpuStarted;
        long started = System.nanoTime();
        double startSeconds;
        double schemaSeconds;
        long nodesInStore;
        long relationshipsInStore;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB);
             Driver driver = driver(server)) {
            long migrating = System.nanoTime();
            startSeconds = (migrating - started) / 1e9;
            cpuStarted = OS.getProcessCpuTime();
            GraphMigrations.apply(driver, null);
            driver.executableQuery("CALL db.awaitIndexes(3600)").execute();
            schemaSeconds = (System.nanoTime() - migrating) / 1e9;
            nodesInStore = count(driver, "MATCH (n) RETURN count(n) AS c");
            relationshipsInStore = count(driver, "MATCH ()-[r]->() RETURN count(r) AS c");
        }
        long cpuAfter = OS.getProcessCpuTime();
        double cpuSeconds = (cpuAfter - cpuBefore) / 1e9;
        double importSeconds = report.elapsed().toNanos() / 1e9;
        double total = importSeconds + startSeconds + schemaSeconds;
        System.out.printf(Locale.ROOT, "store after start and migrations: %,d nodes, %,d relationships (includes migration bookkeeping)%n",
                nodesInStore, relationshipsInStore);
        return String.format(Locale.ROOT,
                "path import | enterprises %,d | persons %,d | nodes %,d | relationships %,d | import %.1f s (%,.0f enterprises/s, %,.0f entities/s)"
                        + " | server start %.1f s | migrations with index population %.1f s | total %.1f s = %,.0f enterprises/s"
                        + " | process CPU %.0f s (%.2f cores busy; import %.0f s, start %.0f s, migrations %.0f s)",
                report.enterprises(), report.persons(), report.nodes(), report.relationships(), importSeconds,
                report.enterprises() / importSeconds, (report.nodes() + report.relationships()) / importSeconds,
                startSeconds, schemaSeconds, total, report.enterprises() / total, cpuSeconds, cpuSeconds / total,
                (cpuImported - cpuBefore) / 1e9, (cpuStarted - cpuImported) / 1e9, (cpuAfter - cpuStarted) / 1e9);
    }

    /** The server first, migrations on the empty graph (timed apart, not in the total), then the province through Bolt and the deferred indexes. */
    private static String boltPath(Path home, SyntheticOptions options, boolean deferIndexes) {
        LoadReport report;
        long cpuBefore;
        long cpuAfter;
        long nodesInStore;
        long relationshipsInStore;
        double indexSeconds = 0;
        double migrationSeconds;
        double migrationCpu;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB);
             Driver driver = driver(server)) {
            long migrating = System.nanoTime();
            long cpuMigrating = OS.getProcessCpuTime();
            GraphMigrations.apply(driver, null);
            migrationSeconds = (System.nanoTime() - migrating) / 1e9;
            migrationCpu = (OS.getProcessCpuTime() - cpuMigrating) / 1e9;
            System.out.printf(Locale.ROOT, "loading %,d enterprises (seed %d, batch %,d, %d writers) through Bolt into %s%n",
                    options.enterprises(), options.seed(), options.batchSize(), SyntheticProvince.WRITERS, home);
            java.util.List<String> deferred = deferIndexes ? dropSecondaryIndexes(driver) : java.util.List.of();
            cpuBefore = OS.getProcessCpuTime();
            report = SyntheticProvince.load(driver, options);
            long indexStart = System.nanoTime();
            for (String create : deferred) {
                driver.executableQuery(create).execute();
            }
            if (!deferred.isEmpty()) {
                driver.executableQuery("CALL db.awaitIndexes(3600)").execute();
            }
            indexSeconds = (System.nanoTime() - indexStart) / 1e9;
            cpuAfter = OS.getProcessCpuTime();
            // Cross-check against the store's counts (count store lookups, constant time).
            nodesInStore = count(driver, "MATCH (n) RETURN count(n) AS c");
            relationshipsInStore = count(driver, "MATCH ()-[r]->() RETURN count(r) AS c");
        }
        double seconds = report.elapsed().toNanos() / 1e9;
        double total = seconds + indexSeconds;
        double cpuSeconds = (cpuAfter - cpuBefore) / 1e9;
        System.out.printf(Locale.ROOT, "store after load: %,d nodes, %,d relationships (includes migration bookkeeping)%n",
                nodesInStore, relationshipsInStore);
        // CPU time shows how much of the machine the load actually got (other work may share it).
        return String.format(Locale.ROOT,
                "path bolt | enterprises %,d | persons %,d | nodes %,d | relationships %,d | load %.1f s (%,.0f enterprises/s, %,.0f entities/s)"
                        + " | secondary indexes %s | total %.1f s = %,.0f enterprises/s | process CPU %.0f s (%.2f cores busy)"
                        + " | not in the total: migrations on the empty store %.1f s (CPU %.0f s)",
                report.enterprises(), report.persons(), report.nodes(), report.relationships(), seconds,
                report.enterprisesPerSecond(), (report.nodes() + report.relationships()) / seconds,
                deferIndexes ? String.format(Locale.ROOT, "rebuilt after load in %.1f s", indexSeconds) : "maintained during load",
                total, report.enterprises() / total, cpuSeconds, cpuSeconds / total, migrationSeconds, migrationCpu);
    }

    private static Driver driver(EmbeddedNeo4jServer server) {
        // Driver 6.1's default System.Logger adapter formats every RUN message (all parameters)
        // at DEBUG before the level check; with 5,000-row parameters that is pure waste.
        return GraphDatabase.driver(server.boltUri(), AuthTokens.none(), Config.builder().withLogging(Logging.none()).build());
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get("c").asLong();
    }

    /** Drops every index that no constraint owns and returns the statements that recreate them. */
    public static java.util.List<String> dropSecondaryIndexes(Driver driver) {
        java.util.List<org.neo4j.driver.Record> indexes = driver.executableQuery(
                "SHOW INDEXES YIELD name, type, owningConstraint, createStatement"
                        + " WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name, createStatement").execute().records();
        for (org.neo4j.driver.Record index : indexes) {
            driver.executableQuery("DROP INDEX `" + index.get("name").asString() + "`").execute();
        }
        return indexes.stream().map(r -> r.get("createStatement").asString()).toList();
    }

    /** Deletes a benchmark's temporary store. */
    public static void deleteRecursively(Path root) {
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
