package org.supervisionhub.api.sampling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.RosterScopeInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.StratumRatioInput;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.DrawStratum;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.store.GraphMigrations;
import org.supervisionhub.graph.synthetic.LoadReport;
import org.supervisionhub.graph.synthetic.SyntheticOptions;
import org.supervisionhub.graph.synthetic.SyntheticProvince;

/**
 * End-to-end benchmark of the verifiable draw (vdraw-1) on a synthetic province, against a naive
 * {@code ORDER BY rand()} baseline. Not a test: run by {@code bench/draw-benchmark.sh}.
 * Arguments: {@code [enterprises=1000000] [resultFile=bench/results/draw.txt]}.
 *
 * <ol>
 *   <li>Starts a fresh embedded Neo4j (page cache 2048 MiB, Bolt with a password) in a temporary directory,
 *       migrates it and loads the synthetic province (secondary indexes dropped for the load and rebuilt
 *       after, as {@code LoadBenchmark} does). Timed, reported separately.</li>
 *   <li>Starts the application ({@link SupervisionHubApplication}, no web server) against that server's Bolt
 *       URI, demo data off.</li>
 *   <li>For each run: the province department ({@code HRSS-430000}, the whole province is its pool) gets a
 *       plan with one REGULAR task on a KEY item of {@code CL-HRSS-430000-REGULAR-PROVINCE-2}, stratified by
 *       credit-risk class A-D at ratio 0.05 each; the plan is published, then {@link DrawService#commit} and
 *       {@link DrawService#execute} are timed. Run 1 is the cold one; run 2 uses the next year's plan, so it
 *       does exactly the same work (no yearly-cap exclusions, no same-year overlaps) in a warm JVM.</li>
 *   <li>Checks the persisted inspections through the driver against {@code sum(ceil(n_s * 0.05))}.</li>
 *   <li>Breakdown, without touching the services: the pool read query through the driver, and the in-JVM
 *       steps of commit and execute (canonical order, pool digest, gzip of the frozen pool, ranking) on
 *       that pool, plus {@link DrawService#frozenPool} (reads the stored pool back).</li>
 *   <li>The naive baselines, twice each: one {@code ORDER BY rand() LIMIT $k} over the open enterprises,
 *       and one such query per credit-risk class with that class's quota.</li>
 * </ol>
 */
public final class DrawBenchmark {

    static final long PAGE_CACHE_MB = 2048;
    static final int BATCH_SIZE = 2_000;
    static final String PASSWORD = "draw-benchmark-password";
    static final String DEPARTMENT = "HRSS-430000";
    static final String CHECKLIST_VERSION = "CL-HRSS-430000-REGULAR-PROVINCE-2";
    static final String RATIO = "0.05";
    static final String ACTOR = "draw-benchmark";
    static final List<String> CLOSED = DrawRepository.CLOSED_STATUSES;

    static final String NAIVE = "MATCH (e:Enterprise) WHERE NOT e.status IN ['DEREGISTERED','REVOKED']"
            + " WITH e ORDER BY rand() LIMIT $k RETURN e.uscc";
    static final String NAIVE_STRATUM = "MATCH (e:Enterprise) WHERE NOT e.status IN ['DEREGISTERED','REVOKED']"
            + " AND e.creditRiskClass = $class WITH e ORDER BY rand() LIMIT $k RETURN e.uscc";
    /** What {@code DrawRepository.candidates} runs for an undirected task (criteria all null). */
    static final String POOL_READ = "UNWIND $regions AS code MATCH (e:Enterprise {regionCode: code})"
            + " WHERE NOT e.status IN $closed RETURN e.uscc AS uscc, e.creditRiskClass AS riskClass";
    static final String REGIONS_GOVERNED = "MATCH (:Department {id: $departmentId})-[:GOVERNS]->(r:Region)<-[:PART_OF*0..3]-(c:Region)"
            + " WHERE NOT EXISTS { (:Region)-[:PART_OF]->(c) } RETURN DISTINCT c.code AS code";

    private DrawBenchmark() {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** The machine's 1-minute load average (other work on a shared machine shows here). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", OS.getSystemLoadAverage());
        }
    }

    record Run(String label, int year, String drawId, int pool, int expected, long inspections, long targets, double commitMs,
               double executeMs, double coresBusy, String loadAverage) {
        double totalMs() {
            return commitMs + executeMs;
        }
    }

    public static void main(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/draw.txt");
        Path home = Files.createTempDirectory("hub-draw-benchmark");
        String summary;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB, PASSWORD);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD),
                     Config.builder().withLogging(Logging.none()).build())) {
            double loadSeconds = load(driver, enterprises, home);
            summary = benchmark(server, driver, enterprises, loadSeconds);
        } finally {
            deleteRecursively(home);
        }
        System.out.println(summary);
        String line = String.format(Locale.ROOT, "%s | %d cores | heap %,d MiB | page cache %,d MiB | %s%n",
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, PAGE_CACHE_MB, summary);
        if (resultFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(resultFile.toAbsolutePath().getParent());
        }
        Files.writeString(resultFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + resultFile);
        // Neo4j and Spring leave non-daemon threads behind on some paths; the run is over.
        System.exit(0);
    }

    /** Migrations, then the synthetic province with deferred secondary indexes; returns the seconds taken (load + index rebuild). */
    static double load(Driver driver, int enterprises, Path home) {
        GraphMigrations.apply(driver, null);
        SyntheticOptions options = new SyntheticOptions(SyntheticOptions.demo().seed(), enterprises, BATCH_SIZE, null);
        System.out.printf(Locale.ROOT, "loading %,d enterprises (seed %d, batch %,d) into %s…%n", enterprises, options.seed(),
                options.batchSize(), home);
        List<Record> indexes = driver.executableQuery("SHOW INDEXES YIELD name, type, owningConstraint, createStatement"
                + " WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name, createStatement").execute().records();
        for (Record index : indexes) {
            driver.executableQuery("DROP INDEX `" + index.get("name").asString() + "`").execute();
        }
        long start = System.nanoTime();
        LoadReport report = SyntheticProvince.load(driver, options);
        long indexStart = System.nanoTime();
        for (Record index : indexes) {
            driver.executableQuery(index.get("createStatement").asString()).execute();
        }
        driver.executableQuery("CALL db.awaitIndexes(3600)").execute();
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "load: %,d enterprises, %,d nodes, %,d relationships in %.1f s + index rebuild %.1f s%n",
                report.enterprises(), report.nodes(), report.relationships(), (indexStart - start) / 1e9, (end - indexStart) / 1e9);
        return (end - start) / 1e9;
    }

    static String benchmark(EmbeddedNeo4jServer server, Driver driver, int enterprises, double loadSeconds) {
        long appStart = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupervisionHubApplication.class)
                .web(WebApplicationType.NONE)
                // As command-line arguments: builder properties are defaults, below application.yml.
                .run("--spring.neo4j.uri=" + server.boltUri(),
                        "--spring.neo4j.authentication.username=neo4j",
                        "--spring.neo4j.authentication.password=" + PASSWORD,
                        "--hub.demo.enabled=false",
                        "--hub.security.demo-issuer.enabled=true",
                        "--server.port=0",
                        "--logging.level.root=warn",
                        // Notifications about properties no row has yet (filedAt, assignedFor…), one per query.
                        "--logging.level.org.springframework.data.neo4j.cypher.unrecognized=error")) {
            System.out.printf(Locale.ROOT, "application started in %.1f s%n", (System.nanoTime() - appStart) / 1e9);
            PlanService plans = app.getBean(PlanService.class);
            DrawService draws = app.getBean(DrawService.class);
            ChecklistRepository checklists = app.getBean(ChecklistRepository.class);
            Item item = keyItem(checklists);
            System.out.printf(Locale.ROOT, "task item: %s (%s, %s, methods %s)%n", item.id(), item.code(), item.itemClass(), item.methods());

            int year = LocalDate.now().getYear();
            List<Run> runs = new ArrayList<>();
            runs.add(drawRun("run 1 (cold)", plans, draws, driver, item, year));
            runs.add(drawRun("run 2 (warm)", plans, draws, driver, item, year + 1));
            // Run 3 is timed query by query from Spring Data Neo4j's cypher log (its own plan year again).
            QueryLog log = QueryLog.attach();
            Run profiled;
            try {
                profiled = drawRun("run 3 (warm, query log on)", plans, draws, driver, item, year + 2, log);
            } finally {
                log.detach();
            }
            runs.add(profiled);
            Run last = runs.get(runs.size() - 1);
            Draw lastDraw = app.getBean(DrawRepository.class).draw(last.drawId()).orElseThrow();

            // ---- where the time goes (read-only; the services are not touched)
            Map<String, Double> breakdown = breakdown(driver, draws, lastDraw);

            // ---- naive baselines
            int k = lastDraw.strata().stream().mapToInt(DrawStratum::selectedCount).sum();
            Map<String, Integer> quotas = new LinkedHashMap<>();
            lastDraw.strata().forEach(s -> quotas.put(s.label(), s.selectedCount()));
            double[] naive = new double[2];
            double[] perStratum = new double[2];
            for (int i = 0; i < 2; i++) {
                System.gc();
                long t0 = System.nanoTime();
                int rows = driver.executableQuery(NAIVE).withParameters(Map.of("k", k)).execute().records().size();
                naive[i] = ms(t0);
                check(rows == k, "naive query returned " + rows + " rows, expected " + k);
                long t1 = System.nanoTime();
                int total = 0;
                for (var q : quotas.entrySet()) {
                    total += driver.executableQuery(NAIVE_STRATUM).withParameters(Map.of("class", q.getKey(), "k", q.getValue()))
                            .execute().records().size();
                }
                perStratum[i] = ms(t1);
                check(total == k, "per-stratum naive queries returned " + total + " rows, expected " + k);
                System.out.printf(Locale.ROOT, "naive %d: ORDER BY rand() LIMIT %,d: %,.0f ms | per stratum (%s): %,.0f ms%n", i + 1, k,
                        naive[i], quotas, perStratum[i]);
            }

            Run cold = runs.get(0);
            Run warm = runs.get(1);
            return String.format(Locale.ROOT,
                    "draw-benchmark enterprises=%d pool=%d selected=%d inspections=%d commit_ms=%.0f execute_ms=%.0f total_ms=%.0f"
                            + " warm_commit_ms=%.0f warm_execute_ms=%.0f warm_total_ms=%.0f naive_orderby_rand_ms=%.0f,%.0f"
                            + " naive_per_stratum_ms=%.0f,%.0f pool_read_ms=%.0f canonical_ms=%.0f digest_ms=%.0f gzip_chunks_ms=%.0f"
                            + " rank_ms=%.0f frozen_pool_read_ms=%.0f profiled_total_ms=%.0f load_s=%.1f cores_busy=%.2f loadavg=%s target_total_ms=2000 java=%s",
                    enterprises, cold.pool(), cold.expected(), cold.inspections(), cold.commitMs(), cold.executeMs(), cold.totalMs(),
                    warm.commitMs(), warm.executeMs(), warm.totalMs(), naive[0], naive[1], perStratum[0], perStratum[1],
                    breakdown.get("pool_read"), breakdown.get("canonical"), breakdown.get("digest"), breakdown.get("gzip_chunks"),
                    breakdown.get("rank"), breakdown.get("frozen_pool_read"), profiled.totalMs(), loadSeconds, cold.coresBusy(), cold.loadAverage(), Runtime.version());
        }
    }

    /** Plan for {@code year}, one task, published; then commit and execute, timed; the persisted inspections checked. */
    static Run drawRun(String label, PlanService plans, DrawService draws, Driver driver, Item item, int year) {
        return drawRun(label, plans, draws, driver, item, year, null);
    }

    static Run drawRun(String label, PlanService plans, DrawService draws, Driver driver, Item item, int year, QueryLog log) {
        Plan plan = plans.createPlan(new CreateSamplingPlanInput(DEPARTMENT, year, "抽签基准测试 " + year));
        String method = item.methods().contains("ON_SITE") ? "ON_SITE" : item.methods().get(0);
        List<StratumRatioInput> strata = PlanService.RISK_CLASSES.stream().map(c -> new StratumRatioInput(c, RATIO)).toList();
        Task task = plans.addTask(plan.id(), new SamplingTaskInput("全省随机抽查基准 " + year, "REGULAR", List.of(item.id()), method,
                "UNDIRECTED", null, "CREDIT_RISK_CLASS", strata, null, null, LocalDate.of(year, 3, 1), LocalDate.of(year, 12, 31),
                1, 2, null, new RosterScopeInput(null, false), "SELF", null, true), null, ACTOR);
        plans.publish(plan.id());

        System.gc();
        if (log != null) {
            log.clear();
        }
        String loadAverage = loadAverage();
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        Draw committed = draws.commit(task.id(), ACTOR);
        long t1 = System.nanoTime();
        List<QueryLog.Entry> commitQueries = log == null ? List.of() : log.drain();
        Draw executed = draws.execute(committed.id(), "draw-benchmark-" + year, ACTOR);
        long t2 = System.nanoTime();
        double coresBusy = (OS.getProcessCpuTime() - cpu0) / (double) (t2 - t0);
        if (log != null) {
            QueryLog.print("commit", t0, commitQueries, t1);
            QueryLog.print("execute", t1, log.drain(), t2);
        }
        double commitMs = (t1 - t0) / 1e6;
        double executeMs = (t2 - t1) / 1e6;

        int expected = 0;
        BigDecimal ratio = new BigDecimal(RATIO);
        for (DrawStratum s : committed.strata()) {
            int quota = BigDecimal.valueOf(s.size()).multiply(ratio).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
            check(quota == s.selectedCount(), "stratum " + s.label() + ": stored quota " + s.selectedCount() + ", ceil(n*0.05) " + quota);
            expected += quota;
        }
        Record counts = driver.executableQuery("MATCH (i:Inspection {drawId: $id}) OPTIONAL MATCH (i)-[t:TARGETS]->(:Enterprise)"
                + " RETURN count(DISTINCT i) AS inspections, count(t) AS targets").withParameters(Map.of("id", executed.id()))
                .execute().records().get(0);
        long inspections = counts.get("inspections").asLong();
        long targets = counts.get("targets").asLong();
        String sizes = committed.strata().stream().map(s -> s.label() + "=" + s.size() + "/" + s.selectedCount())
                .collect(Collectors.joining(" "));
        System.out.printf(Locale.ROOT, "%s: plan %s, draw %s | pool %,d (%s) | commit %,.0f ms | execute %,.0f ms | total %,.0f ms"
                        + " | inspections persisted %,d (TARGETS %,d), expected sum ceil(n_s*0.05) = %,d"
                        + " | process CPU %.2f cores busy, machine load average %s%n",
                label, plan.id(), executed.id(), committed.poolSize(), sizes, commitMs, executeMs, commitMs + executeMs,
                inspections, targets, expected, coresBusy, loadAverage);
        check(executed.executed(), "draw " + executed.id() + " is " + executed.status());
        check(inspections == expected && targets == expected, "persisted " + inspections + " inspections (" + targets
                + " TARGETS), expected " + expected);
        return new Run(label, year, executed.id(), committed.poolSize(), expected, inspections, targets, commitMs, executeMs,
                coresBusy, loadAverage);
    }

    /**
     * Where the time of commit and execute goes, measured outside the services: the pool read through the
     * driver (the query commit runs), then the pure steps on that pool, and the stored pool read back.
     */
    static Map<String, Double> breakdown(Driver driver, DrawService draws, Draw draw) {
        Map<String, Double> out = new LinkedHashMap<>();
        System.gc();
        long t = System.nanoTime();
        List<String> regions = driver.executableQuery(REGIONS_GOVERNED).withParameters(Map.of("departmentId", DEPARTMENT)).execute()
                .records().stream().map(r -> r.get("code").asString()).toList();
        out.put("regions", ms(t));
        t = System.nanoTime();
        List<Record> rows = driver.executableQuery(POOL_READ).withParameters(Map.of("regions", regions, "closed", CLOSED)).execute()
                .records();
        out.put("pool_read", ms(t));
        t = System.nanoTime();
        List<Candidate> pool = new ArrayList<>(rows.size());
        for (Record r : rows) {
            pool.add(new Candidate(r.get(0).asString(), r.get(1).isNull() ? PlanService.UNCLASSIFIED : r.get(1).asString()));
        }
        out.put("pool_map", ms(t));
        t = System.nanoTime();
        List<Candidate> canonical = Vdraw1.canonical(pool);
        out.put("canonical", ms(t));
        t = System.nanoTime();
        String digest = Vdraw1.poolDigest(canonical);
        out.put("digest", ms(t));
        t = System.nanoTime();
        var chunks = DrawService.chunks(canonical);
        out.put("gzip_chunks", ms(t));
        long bytes = chunks.stream().mapToLong(c -> c.data().length).sum();
        t = System.nanoTime();
        Vdraw1.draw(canonical, DrawService.ratiosOf(draw), Vdraw1.seed(Vdraw1.newSecret(), draw.taskId(), digest, ""));
        out.put("rank", ms(t));
        t = System.nanoTime();
        List<Candidate> frozen = draws.frozenPool(draw);
        out.put("frozen_pool_read", ms(t));
        check(frozen.size() == canonical.size(), "frozen pool has " + frozen.size() + " lines, the pool read " + canonical.size());
        check(digest.equals(draw.poolDigest()), "pool read through the driver does not hash to the draw's pool digest");
        System.out.printf(Locale.ROOT, "breakdown (outside the services, on the same %,d-candidate pool; %d leaf regions):"
                        + " regions query %,.0f ms | pool read query %,.0f ms + mapping %,.0f ms | canonical order %,.0f ms"
                        + " | pool digest %,.0f ms | gzip into %d chunks (%,d KiB) %,.0f ms | rank + sort (vdraw-1 steps 9-10) %,.0f ms"
                        + " | frozenPool (read chunks, gunzip, digest) %,.0f ms%n",
                canonical.size(), regions.size(), out.get("regions"), out.get("pool_read"), out.get("pool_map"), out.get("canonical"),
                out.get("digest"), chunks.size(), bytes >> 10, out.get("gzip_chunks"), out.get("rank"), out.get("frozen_pool_read"));
        // The same pool without the region index: a label scan with the status filter.
        t = System.nanoTime();
        int scanned = driver.executableQuery("MATCH (e:Enterprise) WHERE NOT e.status IN $closed RETURN e.uscc, e.creditRiskClass")
                .withParameters(Map.of("closed", CLOSED)).execute().records().size();
        double scan = ms(t);
        System.out.printf(Locale.ROOT, "for comparison: label scan of open enterprises (%,d rows) %,.0f ms%n", scanned, scan);
        return out;
    }

    /**
     * Spring Data Neo4j logs every statement at DEBUG on {@code org.springframework.data.neo4j.cypher} just before
     * running it (parameters only at TRACE). Capturing those events with {@link System#nanoTime()} splits a service
     * call into segments: from one statement to the next is that statement's execution and result handling plus
     * the Java work before the next one.
     */
    static final class QueryLog extends ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> {

        record Entry(long nanos, String query) {
        }

        private final List<Entry> entries = java.util.Collections.synchronizedList(new ArrayList<>());
        private ch.qos.logback.classic.Logger logger;
        private ch.qos.logback.classic.Level previousLevel;
        private boolean previousAdditive;

        static QueryLog attach() {
            QueryLog log = new QueryLog();
            log.logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.springframework.data.neo4j.cypher");
            log.previousLevel = log.logger.getLevel();
            log.previousAdditive = log.logger.isAdditive();
            log.setContext(log.logger.getLoggerContext());
            log.setName("draw-benchmark-query-log");
            log.start();
            log.logger.addAppender(log);
            log.logger.setAdditive(false);
            log.logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
            return log;
        }

        void detach() {
            logger.detachAppender(this);
            logger.setLevel(previousLevel);
            logger.setAdditive(previousAdditive);
            stop();
        }

        @Override
        protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
            if (event.getLoggerName().equals("org.springframework.data.neo4j.cypher")) {
                entries.add(new Entry(System.nanoTime(), event.getFormattedMessage().replace("Executing:", "").strip()));
            }
        }

        void clear() {
            entries.clear();
        }

        List<Entry> drain() {
            synchronized (entries) {
                List<Entry> out = List.copyOf(entries);
                entries.clear();
                return out;
            }
        }

        /** One line per segment, longest first are easy to spot: start offset, duration, statement. */
        static void print(String phase, long start, List<Entry> entries, long end) {
            System.out.printf(Locale.ROOT, "  %s, %,.0f ms, %d statements (segment = statement + Java work until the next):%n",
                    phase, (end - start) / 1e6, entries.size());
            long previous = start;
            String label = "(before the first statement: transaction begin)";
            for (int i = 0; i <= entries.size(); i++) {
                long at = i < entries.size() ? entries.get(i).nanos() : end;
                System.out.printf(Locale.ROOT, "    %7.0f ms  %s%n", (at - previous) / 1e6, label);
                if (i < entries.size()) {
                    previous = at;
                    String q = entries.get(i).query().replaceAll("\\s+", " ");
                    label = q.length() > 150 ? q.substring(0, 150) + "…" : q;
                }
            }
        }
    }

    static Item keyItem(ChecklistRepository checklists) {
        var page = checklists.items(List.of(CHECKLIST_VERSION), 100, null).get(CHECKLIST_VERSION);
        check(page != null, "no checklist version " + CHECKLIST_VERSION);
        return page.items().stream().filter(i -> "KEY".equals(i.itemClass())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no KEY item in " + CHECKLIST_VERSION));
    }

    static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
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
