package org.supervisionhub.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.neo4j.driver.Driver;
import org.supervisionhub.graph.store.GraphMigrations;
import org.supervisionhub.graph.synthetic.LoadBenchmark;
import org.supervisionhub.graph.synthetic.LoadReport;
import org.supervisionhub.graph.synthetic.SyntheticOptions;
import org.supervisionhub.graph.synthetic.SyntheticProvince;

/** What the benchmarks share: loading the synthetic province, timing, the machine's load, clean-up. */
public final class BenchmarkSupport {

    public static final int BATCH_SIZE = 2_000;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private BenchmarkSupport() {
    }

    /**
     * The embedded server's page cache: 2,048 MiB unless {@code -Dbench.pageCacheMb} says otherwise (Neo4j's advice is a
     * page cache that holds the store: see {@link #storeMb}).
     */
    public static long pageCacheMb() {
        return Long.getLong("bench.pageCacheMb", 2048);
    }

    /**
     * MiB on disk of the database's store files (transaction logs excluded) under a server's {@code home}. Take it once the
     * server has shut down: until its checkpoint the files lag behind the page cache.
     */
    public static long storeMb(Path home) {
        try (var files = Files.walk(home.resolve("data/databases/neo4j"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() >> 20;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of this process so far, in nanoseconds. */
    public static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** The machine's 1-minute load average (other work on a shared machine shows here). */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", OS.getSystemLoadAverage());
        }
    }

    /** Migrations, then the synthetic province with deferred secondary indexes; returns the seconds taken (load + index rebuild). */
    public static double loadProvince(Driver driver, int enterprises, Path home) {
        GraphMigrations.apply(driver, null);
        SyntheticOptions options = new SyntheticOptions(SyntheticOptions.demo().seed(), enterprises, BATCH_SIZE, null);
        System.out.printf(Locale.ROOT, "loading %,d enterprises (seed %d, batch %,d) into %s…%n", enterprises, options.seed(),
                options.batchSize(), home);
        List<String> indexes = LoadBenchmark.dropSecondaryIndexes(driver);
        long start = System.nanoTime();
        LoadReport report = SyntheticProvince.load(driver, options);
        long indexStart = System.nanoTime();
        for (String index : indexes) {
            driver.executableQuery(index).execute();
        }
        driver.executableQuery("CALL db.awaitIndexes(3600)").execute();
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "load: %,d enterprises, %,d nodes, %,d relationships in %.1f s + index rebuild %.1f s%n",
                report.enterprises(), report.nodes(), report.relationships(), (indexStart - start) / 1e9, (end - indexStart) / 1e9);
        return (end - start) / 1e9;
    }

    public static void deleteRecursively(Path root) {
        LoadBenchmark.deleteRecursively(root);
    }

    /** Appends {@code summary} to {@code resultFile} with the date (wall time on purpose: when it was measured), cores, heap and page cache, and prints where. */
    public static void appendResult(Path resultFile, long pageCacheMb, String summary) throws IOException {
        String line = String.format(Locale.ROOT, "%s | %d cores | heap %,d MiB | page cache %,d MiB | %s%n",
                LocalDateTime.now(Clock.systemDefaultZone()).truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, pageCacheMb, summary);
        if (resultFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(resultFile.toAbsolutePath().getParent());
        }
        Files.writeString(resultFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + resultFile);
    }

    public static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    public static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    /** A benchmark's body, run by {@link #exitAfter}. */
    @FunctionalInterface
    public interface Run {
        void run() throws Exception;
    }

    /**
     * Runs a benchmark's main and ends the JVM, also when it fails: the embedded server's, the application's and the
     * HTTP client's threads would otherwise keep a failed run alive.
     */
    public static void exitAfter(Run run) {
        try {
            run.run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
