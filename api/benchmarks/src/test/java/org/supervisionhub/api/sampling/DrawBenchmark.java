package org.supervisionhub.api.sampling;

import static org.supervisionhub.api.BenchmarkSupport.appendResult;
import static org.supervisionhub.api.BenchmarkSupport.check;
import static org.supervisionhub.api.BenchmarkSupport.deleteRecursively;
import static org.supervisionhub.api.BenchmarkSupport.exitAfter;
import static org.supervisionhub.api.BenchmarkSupport.loadAverage;
import static org.supervisionhub.api.BenchmarkSupport.loadProvince;
import static org.supervisionhub.api.BenchmarkSupport.ms;
import static org.supervisionhub.api.BenchmarkSupport.processCpuNanos;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supervisionhub.api.BenchmarkSupport;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.RosterScopeInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.StratumRatioInput;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.PoolRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.DrawStratum;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

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
 *   <li>Breakdown, without touching the services: the pool read through {@code PoolRepository.candidates}, and the in-JVM
 *       steps of commit and execute (canonical order, pool digest, gzip of the frozen pool, ranking) on
 *       that pool, plus {@link DrawService#frozenPool} (reads the stored pool back).</li>
 *   <li>The naive baselines, twice each: one {@code ORDER BY rand() LIMIT $k} over the open enterprises,
 *       and one such query per credit-risk class with that class's quota.</li>
 * </ol>
 */
public final class DrawBenchmark {

    static final long PAGE_CACHE_MB = BenchmarkSupport.pageCacheMb();
    static final String PASSWORD = "draw-benchmark-password";
    static final String DEPARTMENT = "HRSS-430000";
    static final String CHECKLIST_VERSION = "CL-HRSS-430000-REGULAR-PROVINCE-2";
    static final String RATIO = "0.05";
    static final String ACTOR = "draw-benchmark";
    static final List<String> CLOSED = PoolRepository.CLOSED_STATUSES;

    static final String NAIVE = "MATCH (e:Enterprise) WHERE NOT e.status IN ['DEREGISTERED','REVOKED']"
            + " WITH e ORDER BY rand() LIMIT $k RETURN e.uscc";
    static final String NAIVE_STRATUM = "MATCH (e:Enterprise) WHERE NOT e.status IN ['DEREGISTERED','REVOKED']"
            + " AND e.creditRiskClass = $class WITH e ORDER BY rand() LIMIT $k RETURN e.uscc";

    private DrawBenchmark() {
    }


    /** One draw: commit and execute times (execute null when the watchdog terminated it), what it persisted. */
    record Run(String label, int year, String drawId, int pool, int expected, long inspections, long targets, double commitMs,
               Double executeMs, String terminatedIn, double coresBusy, String loadAverage, double commitCpuMs, double executeCpuMs,
               List<Segment> commitSegments,
               List<Segment> executeSegments) {
        Double totalMs() {
            return executeMs == null ? null : commitMs + executeMs;
        }
    }

    /** A statement (or the transaction begin) and the time from it to the next statement. */
    record Segment(String statement, double ms) {
    }

    public static void main(String[] args) {
        // Any failure ends the run here, loudly, and the JVM with it.
        exitAfter(() -> run(args));
    }

    static void run(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/draw.txt");
        int limitSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path home = Files.createTempDirectory("hub-draw-benchmark");
        String summary;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB, PASSWORD);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD),
                     Config.builder().withLogging(Logging.none()).build())) {
            double loadSeconds = loadProvince(driver, enterprises, home);
            summary = benchmark(server, driver, enterprises, loadSeconds, limitSeconds);
        } finally {
            deleteRecursively(home);
        }
        System.out.println(summary);
        appendResult(resultFile, PAGE_CACHE_MB, summary);
        // Neo4j and Spring leave non-daemon threads behind on some paths; the run is over.
    }

    static String benchmark(EmbeddedNeo4jServer server, Driver driver, int enterprises, double loadSeconds, int limitSeconds) {
        long appStart = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupervisionHubApplication.class, org.supervisionhub.api.TestClock.Configuration.class)
                // A servlet context on a free port: the GET route of /graphql needs the web handler to start at all.
                .web(WebApplicationType.SERVLET)
                // As command-line arguments: builder properties are defaults, below application.yml.
                .run("--spring.neo4j.uri=" + server.boltUri(),
                        "--spring.neo4j.authentication.username=neo4j",
                        "--spring.neo4j.authentication.password=" + PASSWORD,
                        "--hub.demo.enabled=false",
                        "--hub.security.demo-issuer.enabled=true",
                        "--server.port=0",
                        "--logging.level.root=warn",
                        // Notifications about properties no row has yet (filedAt, assignedFor…), one per query.
                        "--logging.level.org.springframework.data.neo4j.cypher.unrecognized=error");
             Watchdog watchdog = new Watchdog(driver, limitSeconds)) {
            System.out.printf(Locale.ROOT, "application started in %.1f s; a service transaction running longer than %d s is terminated%n",
                    (System.nanoTime() - appStart) / 1e9, limitSeconds);
            PlanService plans = app.getBean(PlanService.class);
            DrawService draws = app.getBean(DrawService.class);
            DrawRepository drawRepository = app.getBean(DrawRepository.class);
            PoolRepository poolRepository = app.getBean(PoolRepository.class);
            Item item = keyItem(app.getBean(ChecklistRepository.class));
            System.out.printf(Locale.ROOT, "task item: %s (%s, %s, methods %s)%n", item.id(), item.code(), item.itemClass(), item.methods());

            int year = org.supervisionhub.api.TestClock.configuredStart().getYear();
            Run cold = drawRun("run 1 (cold)", plans, draws, driver, watchdog, item, year, null);
            // Run 2: the same work (next plan year: no yearly-cap exclusions, no same-year overlaps) in a warm JVM.
            // Skipped when run 1 was terminated: it would only hit the same limit.
            Run warm = cold.executeMs() == null ? null : drawRun("run 2 (warm)", plans, draws, driver, watchdog, item, year + 1, null);
            // Run 3 is timed statement by statement from Spring Data Neo4j's cypher log.
            QueryLog log = QueryLog.attach();
            Run profiled;
            try {
                profiled = drawRun("run 3 (warm, statement log on)", plans, draws, driver, watchdog, item, year + 2, log);
            } finally {
                log.detach();
            }
            Draw lastDraw = drawRepository.draw(profiled.drawId()).orElseThrow();

            // ---- where the time goes, outside the services
            Map<String, Double> breakdown = breakdown(driver, poolRepository, draws, lastDraw);
            Map<String, Double> replay = replay(driver, watchdog, draws, lastDraw, item, year + 9);

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

            return String.format(Locale.ROOT,
                    "draw-benchmark enterprises=%d pool=%d selected=%d inspections=%d commit_ms=%.0f execute_ms=%s total_ms=%s"
                            + " warm_commit_ms=%s warm_execute_ms=%s warm_total_ms=%s profiled_commit_ms=%.0f profiled_execute_ms=%s"
                            + " overlap_check_ms=%s create_inspections_ms=%s"
                            + " naive_orderby_rand_ms=%.0f,%.0f naive_per_stratum_ms=%.0f,%.0f"
                            + " pool_read_ms=%.0f canonical_ms=%.0f digest_ms=%.0f gzip_chunks_ms=%.0f rank_ms=%.0f frozen_pool_read_ms=%.0f"
                            + " load_s=%.1f cores_busy=%.2f loadavg=%s warm_cpu_ms=%s warm_loadavg=%s limit_s=%d target_total_ms=2000 java=%s",
                    enterprises, cold.pool(), cold.expected(), cold.inspections(), cold.commitMs(), fmt(cold.executeMs(), limitSeconds),
                    fmt(cold.totalMs(), limitSeconds),
                    warm == null ? "skipped" : fmt(warm.commitMs(), limitSeconds), warm == null ? "skipped" : fmt(warm.executeMs(), limitSeconds),
                    warm == null ? "skipped" : fmt(warm.totalMs(), limitSeconds), profiled.commitMs(), fmt(profiled.executeMs(), limitSeconds),
                    fmt(replay.get("overlap"), limitSeconds), fmt(replay.get("create_inspections"), limitSeconds),
                    naive[0], naive[1], perStratum[0], perStratum[1],
                    breakdown.get("pool_read"), breakdown.get("canonical"), breakdown.get("digest"), breakdown.get("gzip_chunks"),
                    breakdown.get("rank"), breakdown.get("frozen_pool_read"), loadSeconds, cold.coresBusy(), cold.loadAverage(),
                    warm == null ? "skipped" : String.format(Locale.ROOT, "%.0f+%.0f", warm.commitCpuMs(), warm.executeCpuMs()),
                    warm == null ? "skipped" : warm.loadAverage(), limitSeconds, Runtime.version());
        }
    }

    /** Milliseconds, or {@code timeout>Ns} for a terminated step. */
    static String fmt(Double ms, int limitSeconds) {
        return ms == null ? "timeout>" + limitSeconds + "s" : String.format(Locale.ROOT, "%.0f", ms);
    }

    /**
     * Plan for {@code year}, one task, published; then commit and execute, each timed and each under the
     * watchdog; the persisted inspections checked. A terminated execute leaves the draw committed, unexecuted.
     */
    static Run drawRun(String label, PlanService plans, DrawService draws, Driver driver, Watchdog watchdog, Item item, int year,
                       QueryLog log) {
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
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        watchdog.arm();
        Draw committed;
        try {
            committed = draws.commit(task.id(), ACTOR);
        } catch (RuntimeException e) {
            String in = watchdog.terminatedQuery();
            throw in == null ? e : new IllegalStateException(label + ": commit terminated after " + watchdog.limitSeconds()
                    + " s in: " + oneLine(in, 300), e);
        } finally {
            watchdog.disarm();
        }
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        double commitMs = (t1 - t0) / 1e6;
        List<Segment> commitSegments = log == null ? List.of() : QueryLog.segments(t0, log.drain(), t1);
        String sizes = committed.strata().stream().map(s -> s.label() + "=" + s.size() + "/" + s.selectedCount())
                .collect(Collectors.joining(" "));
        System.out.printf(Locale.ROOT, "%s: plan %s, draw %s | pool %,d (stratum=size/quota: %s) | commit %,.0f ms%n", label, plan.id(),
                committed.id(), committed.poolSize(), sizes, commitMs);

        Draw executed = null;
        String terminatedIn = null;
        watchdog.arm();
        try {
            executed = draws.execute(committed.id(), "draw-benchmark-" + year, ACTOR);
        } catch (RuntimeException e) {
            terminatedIn = watchdog.terminatedQuery();
            if (terminatedIn == null) {
                throw e;
            }
            System.out.printf(Locale.ROOT, "%s: execute terminated after %d s in: %s%n  (%s)%n", label, watchdog.limitSeconds(),
                    oneLine(terminatedIn, 300), oneLine(String.valueOf(e.getMessage()), 200));
        } finally {
            watchdog.disarm();
        }
        long t2 = System.nanoTime();
        long cpu2 = processCpuNanos();
        double coresBusy = (cpu2 - cpu0) / (double) (t2 - t0);
        Double executeMs = executed == null ? null : (t2 - t1) / 1e6;
        List<Segment> executeSegments = log == null ? List.of() : QueryLog.segments(t1, log.drain(), t2);
        if (log != null) {
            QueryLog.print("commit", commitMs, commitSegments);
            QueryLog.print(executed == null ? "execute (terminated: the last segment ends at the termination)" : "execute",
                    (t2 - t1) / 1e6, executeSegments);
        }

        int expected = 0;
        BigDecimal ratio = new BigDecimal(RATIO);
        for (DrawStratum s : committed.strata()) {
            int quota = BigDecimal.valueOf(s.size()).multiply(ratio).setScale(0, java.math.RoundingMode.CEILING).intValueExact();
            check(quota == s.selectedCount(), "stratum " + s.label() + ": stored quota " + s.selectedCount() + ", ceil(n*0.05) " + quota);
            expected += quota;
        }
        Record counts = driver.executableQuery("MATCH (i:Inspection {drawId: $id}) OPTIONAL MATCH (i)-[t:TARGETS]->(:Enterprise)"
                + " RETURN count(DISTINCT i) AS inspections, count(t) AS targets").withParameters(Map.of("id", committed.id()))
                .execute().records().get(0);
        long inspections = counts.get("inspections").asLong();
        long targets = counts.get("targets").asLong();
        System.out.printf(Locale.ROOT, "%s: commit %,.0f ms | execute %s | total %s | inspections persisted %,d (TARGETS %,d),"
                        + " expected sum ceil(n_s*0.05) = %,d | process CPU %.2f cores busy (commit %,.0f ms, execute %,.0f ms of CPU),"
                        + " machine load average %s%n",
                label, commitMs, executeMs == null ? "terminated after " + watchdog.limitSeconds() + " s" : String.format(Locale.ROOT, "%,.0f ms", executeMs),
                executeMs == null ? "-" : String.format(Locale.ROOT, "%,.0f ms", commitMs + executeMs),
                inspections, targets, expected, coresBusy, (cpu1 - cpu0) / 1e6, (cpu2 - cpu1) / 1e6, loadAverage);
        if (executed != null) {
            check(executed.executed(), "draw " + executed.id() + " is " + executed.status());
            check(inspections == expected && targets == expected, "persisted " + inspections + " inspections (" + targets
                    + " TARGETS), expected " + expected);
        } else {
            check(inspections == 0, "a terminated execute persisted " + inspections + " inspections");
        }
        return new Run(label, year, committed.id(), committed.poolSize(), expected, inspections, targets, commitMs, executeMs,
                terminatedIn, coresBusy, loadAverage, (cpu1 - cpu0) / 1e6, (cpu2 - cpu1) / 1e6, commitSegments, executeSegments);
    }

    static String oneLine(String text, int max) {
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    /**
     * Terminates, through the driver, any transaction that has run longer than the limit while armed: a draw
     * step that takes minutes is reported as such instead of holding the benchmark for an hour.
     */
    static final class Watchdog implements AutoCloseable {

        private final Driver driver;
        private final int limitSeconds;
        private final Thread thread;
        private volatile boolean armed;
        private volatile boolean closed;
        private volatile String terminatedQuery;

        Watchdog(Driver driver, int limitSeconds) {
            this.driver = driver;
            this.limitSeconds = limitSeconds;
            this.thread = new Thread(this::watch, "draw-benchmark-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        int limitSeconds() {
            return limitSeconds;
        }

        void arm() {
            terminatedQuery = null;
            armed = true;
        }

        void disarm() {
            armed = false;
        }

        String terminatedQuery() {
            return terminatedQuery;
        }

        private void watch() {
            while (!closed) {
                try {
                    Thread.sleep(1000);
                    if (!armed) {
                        continue;
                    }
                    List<Record> longRunning = driver.executableQuery("SHOW TRANSACTIONS YIELD transactionId, elapsedTime, currentQuery"
                                    + " WHERE elapsedTime.seconds >= $limit AND NOT currentQuery STARTS WITH 'SHOW'"
                                    + " RETURN transactionId, currentQuery")
                            .withParameters(Map.of("limit", limitSeconds)).execute().records();
                    for (Record r : longRunning) {
                        terminatedQuery = r.get("currentQuery").asString();
                        driver.executableQuery("TERMINATE TRANSACTION $id").withParameters(Map.of("id", r.get("transactionId").asString()))
                                .execute();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.out.println("watchdog: " + oneLine(String.valueOf(e.getMessage()), 200));
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
        }
    }

    /**
     * Execute's write and its DRAW-13 overlap check, replayed through the driver in one transaction that is rolled back:
     * the selected inspections (a fresh ranking of the stored pool) created with {@code DrawRepository}'s own statement,
     * then the overlap check with {@code DrawRepository}'s own statement on a sample of the targets (extrapolated), and
     * the same check with an index hint that makes it start from the enterprises (also on the sample), and driven by the
     * year's inspections instead (all targets). Under the watchdog. Statements are read from
     * {@link DrawRepository} so the replay follows the code.
     */
    static Map<String, Double> replay(Driver driver, Watchdog watchdog, DrawService draws, Draw draw, Item item, int year) {
        Map<String, Double> out = new LinkedHashMap<>();
        String create = repositoryStatement("CREATE_INSPECTIONS");
        String overlaps = repositoryStatement("OVERLAPS");
        if (create == null || overlaps == null) {
            System.out.println("replay skipped: DrawRepository.CREATE_INSPECTIONS / OVERLAPS not found");
            return out;
        }
        List<Candidate> pool = draws.frozenPool(draw);
        var strata = Vdraw1.draw(pool, DrawService.ratiosOf(draw), Vdraw1.seed(Vdraw1.newSecret(), draw.taskId(), draw.poolDigest(), ""));
        String drawId = "DRW-BENCHMARK-REPLAY";
        List<Map<String, Object>> rows = new ArrayList<>();
        strata.values().forEach(s -> {
            for (int i = 0; i < s.quota(); i++) {
                var r = s.ordered().get(i);
                Map<String, Object> m = new java.util.HashMap<>();
                m.put("id", drawId + "-" + r.id());
                m.put("uscc", r.id());
                m.put("stratum", r.stratum());
                m.put("order", i + 1);
                m.put("rank", Vdraw1.hex(r.rank()));
                m.put("inspectedBy", DEPARTMENT);
                m.put("replacementOf", null);
                rows.add(m);
            }
        });
        List<String> usccs = rows.stream().map(m -> (String) m.get("uscc")).toList();
        List<String> codes = List.of(item.code());
        watchdog.arm();
        try (var session = driver.session(); var tx = session.beginTransaction()) {
            long t = System.nanoTime();
            for (int i = 0; i < rows.size(); i += 10_000) {
                Map<String, Object> p = new java.util.HashMap<>();
                p.put("rows", rows.subList(i, Math.min(rows.size(), i + 10_000)));
                p.put("drawId", drawId);
                p.put("taskId", draw.taskId());
                p.put("year", year);
                p.put("drawnBy", DEPARTMENT);
                p.put("itemCodes", codes);
                p.put("now", org.supervisionhub.api.TestClock.configuredStart().withOffsetSameInstant(java.time.ZoneOffset.UTC));
                tx.run(create, p).consume();
            }
            out.put("create_inspections", ms(t));
            Map<String, Object> p = new java.util.HashMap<>();
            p.put("drawId", drawId);
            p.put("departmentId", DEPARTMENT);
            p.put("year", year);
            p.put("itemCodes", codes);
            p.put("usccs", usccs);
            t = System.nanoTime();
            int found = tx.run(overlaps, p).list().size();
            out.put("overlap", ms(t));
            tx.rollback();
            System.out.printf(Locale.ROOT, "replay (one driver transaction, rolled back; %,d inspections in year %d):"
                            + " create inspections (DrawRepository.CREATE_INSPECTIONS, batches of 10,000) %,.0f ms"
                            + " | DRAW-13 overlap check (DrawRepository.OVERLAPS) on all %,d targets: %,.0f ms, %,d overlaps%n",
                    rows.size(), year, out.get("create_inspections"), usccs.size(), out.get("overlap"), found);
        } catch (RuntimeException e) {
            String in = watchdog.terminatedQuery();
            if (in == null) {
                throw e;
            }
            System.out.printf(Locale.ROOT, "replay terminated after %d s in: %s; measured so far: %s%n", watchdog.limitSeconds(),
                    oneLine(in, 200), out);
        } finally {
            watchdog.disarm();
        }
        return out;
    }

    static String repositoryStatement(String name) {
        try {
            var field = DrawRepository.class.getDeclaredField(name);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Where the time of commit and execute goes, measured outside the services: the pool read through the
     * driver (the query commit runs), then the pure steps on that pool, and the stored pool read back.
     */
    static Map<String, Double> breakdown(Driver driver, PoolRepository repository, DrawService draws, Draw draw) {
        Map<String, Double> out = new LinkedHashMap<>();
        System.gc();
        long t = System.nanoTime();
        List<String> regions = repository.regionsGoverned(DEPARTMENT);
        out.put("regions", ms(t));
        t = System.nanoTime();
        List<PoolRepository.PoolRow> rows = repository.candidates(regions, org.supervisionhub.domain.sampling.TaskData.Criteria.NONE);
        out.put("pool_read", ms(t));
        t = System.nanoTime();
        List<Candidate> pool = new ArrayList<>(rows.size());
        for (PoolRepository.PoolRow r : rows) {
            pool.add(new Candidate(r.uscc(), r.riskClass() == null ? PlanService.UNCLASSIFIED : r.riskClass()));
        }
        out.put("pool_map", ms(t));
        t = System.nanoTime();
        List<Candidate> canonical = Vdraw1.canonical(pool);
        out.put("canonical", ms(t));
        // As commit does it: L built once, hashed, gzipped.
        t = System.nanoTime();
        List<byte[]> lines = Vdraw1.lines(canonical, DrawService.CHUNK_LINES);
        String digest = Vdraw1.poolDigestOfLines(lines);
        out.put("digest", ms(t));
        t = System.nanoTime();
        var chunks = DrawService.gzipped(lines);
        out.put("gzip_chunks", ms(t));
        long bytes = chunks.stream().mapToLong(c -> c.data().length).sum();
        // As execute does it: steps 9 and 10 from L, only the selected ordered in full.
        t = System.nanoTime();
        Vdraw1.select(lines, DrawService.ratiosOf(draw), Vdraw1.seed(Vdraw1.newSecret(), draw.taskId(), digest, ""));
        out.put("rank", ms(t));
        t = System.nanoTime();
        List<byte[]> frozen = draws.frozenLines(draw);
        out.put("frozen_pool_read", ms(t));
        check(frozen.stream().mapToInt(b -> b.length).sum() == lines.stream().mapToInt(b -> b.length).sum(),
                "the frozen pool differs in length from the pool read");
        check(digest.equals(draw.poolDigest()), "pool read through the driver does not hash to the draw's pool digest");
        System.out.printf(Locale.ROOT, "breakdown (outside the services, on the same %,d-candidate pool; %d leaf regions):"
                        + " regions query %,.0f ms | pool read (PoolRepository.candidates) %,.0f ms + mapping %,.0f ms | canonical order %,.0f ms"
                        + " | L and its digest %,.0f ms | gzip into %d chunks (%,d KiB) %,.0f ms | rank + select (vdraw-1 steps 9-10) %,.0f ms"
                        + " | frozenLines (read chunks, gunzip, digest) %,.0f ms%n",
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

        /** Segments: from the start to the first statement (transaction begin), then from each statement to the next. */
        static List<Segment> segments(long start, List<Entry> entries, long end) {
            List<Segment> out = new ArrayList<>();
            long previous = start;
            String label = "(before the first statement: transaction begin)";
            for (int i = 0; i <= entries.size(); i++) {
                long at = i < entries.size() ? entries.get(i).nanos() : end;
                out.add(new Segment(label, (at - previous) / 1e6));
                if (i < entries.size()) {
                    previous = at;
                    label = entries.get(i).query().replaceAll("\\s+", " ");
                }
            }
            return out;
        }

        static void print(String phase, double totalMs, List<Segment> segments) {
            System.out.printf(Locale.ROOT, "  %s, %,.0f ms, %d statements (segment = statement + Java work until the next):%n",
                    phase, totalMs, segments.size() - 1);
            segments.forEach(seg -> System.out.printf(Locale.ROOT, "    %8.0f ms  %s%n", seg.ms(), oneLine(seg.statement(), 150)));
        }
    }

    static Item keyItem(ChecklistRepository checklists) {
        var page = checklists.items(List.of(CHECKLIST_VERSION), 100, null).get(CHECKLIST_VERSION);
        check(page != null, "no checklist version " + CHECKLIST_VERSION);
        return page.items().stream().filter(i -> "KEY".equals(i.itemClass())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no KEY item in " + CHECKLIST_VERSION));
    }
}
