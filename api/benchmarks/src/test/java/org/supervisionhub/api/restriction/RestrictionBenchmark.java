package org.supervisionhub.api.restriction;

import static org.supervisionhub.api.BenchmarkSupport.appendResult;
import static org.supervisionhub.api.BenchmarkSupport.check;
import static org.supervisionhub.api.BenchmarkSupport.deleteRecursively;
import static org.supervisionhub.api.BenchmarkSupport.exitAfter;
import static org.supervisionhub.api.BenchmarkSupport.loadAverage;
import static org.supervisionhub.api.BenchmarkSupport.loadProvince;
import static org.supervisionhub.api.BenchmarkSupport.ms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.supervisionhub.api.BenchmarkSupport;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.api.access.DemoIssuer;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.restriction.RestrictionChecker.Evaluated;
import org.supervisionhub.api.restriction.RestrictionChecker.Question;
import org.supervisionhub.graph.restriction.RestrictionQuery;
import org.supervisionhub.graph.restriction.Restrictions.CheckRequest;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.synthetic.SyntheticListings;
import org.supervisionhub.graph.synthetic.SyntheticOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restriction checks on the synthetic province with about 5% of enterprises listed. Not a test: run by
 * {@code bench/restriction-benchmark.sh}. Arguments: {@code [enterprises=1000000] [resultFile] [concurrency=4] [requests=20000]}.
 *
 * <ol>
 *   <li>A fresh embedded Neo4j (page cache 2048 MiB) with the province ({@link org.supervisionhub.api.BenchmarkSupport#loadProvince})
 *       and {@link SyntheticListings} (seeded).</li>
 *   <li>The application with its web server on a free port, the benchmark's PARTNER client exempt from the rate limit, and a
 *       servlet filter in front of everything (security included) that times each request at the server.</li>
 *   <li>Questions: 40% random enterprises, 20% listed ones, 15% their branches and enterprise shareholders, 25% persons
 *       (half of them representatives or officers of listed enterprises), each in a random one of the 13 domains, as of now.</li>
 *   <li>In rounds (floor, then hub; twice with {@code concurrency} threads, then once with one): the <b>floor</b> asks each question as {@link RestrictionQuery#CHECK} with its
 *       parameters through the driver, {@code concurrency} threads at once; the <b>hub</b> asks it as {@code restrictionCheck} over
 *       HTTP with the same concurrency. Each round first warms up on other questions.</li>
 *   <li>Batches of 1,000 ({@code restrictionChecks}) over HTTP, against the statement with the same 1,000 through the driver.</li>
 *   <li>Where the time goes, single-threaded in the application: {@link RestrictionChecker#evaluate} (statement + Java) and
 *       {@link RestrictionChecker#give} (the receipt's write transaction).</li>
 * </ol>
 */
public final class RestrictionBenchmark {
    // Time is the tests' clock (-Dhub.test.clock), as in the suite: the hub started here runs on it and asOf is its now.

    static final long PAGE_CACHE_MB = BenchmarkSupport.pageCacheMb();
    static final String PASSWORD = "restriction-benchmark-password";
    static final String CLIENT = "restriction-benchmark";
    static final double LISTED = 0.05;
    static final int BATCH = 1_000;
    /** Batches sent over HTTP, the first to warm up; more (-Dbench.batches=30) give a profiler enough of them to sample. */
    static final int BATCHES = Math.max(4, Integer.getInteger("bench.batches", 4));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CHECK = "query($s: SubjectInput!, $d: RestrictionDomain!) { restrictionCheck(subject: $s, domain: $d,"
            + " purpose: \"benchmark\") { restricted digest receiptId restrictions { effect measureId trigger { id uscc }"
            + " path { nodes { id } } } alerts { measureId trigger { id } } freshness { source state } } }";
    public static final String CHECKS = org.supervisionhub.api.graphql.CostedDocuments.RESTRICTION_CHECKS;

    /** A question as the partner sends it. */
    record Ask(String uscc, String personId, RestrictionDomain domain) {
        Map<String, Object> subject() {
            return uscc != null ? Map.of("uscc", uscc) : Map.of("personId", personId);
        }
    }

    /** Request latencies in milliseconds, sorted. */
    record Latencies(double[] ms, double seconds) {
        static Latencies of(double[] ms, double seconds) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            return new Latencies(sorted, seconds);
        }

        double p(double q) {
            return ms[Math.min(ms.length - 1, (int) Math.ceil(q * ms.length) - 1)];
        }

        double perSecond() {
            return ms.length / seconds;
        }

        String text() {
            return String.format(Locale.ROOT, "p50=%.2f p90=%.2f p99=%.2f max=%.1f ms, %.0f/s", p(0.5), p(0.9), p(0.99), ms[ms.length - 1],
                    perSecond());
        }
    }

    /** Server-side time of each {@code /graphql} request, from the first filter to the response's completion. */
    public static final class ServerTimes {
        static final double[] MS = new double[4_000_000];
        static final AtomicInteger N = new AtomicInteger();

        static void reset() {
            N.set(0);
        }

        static double[] taken() {
            return Arrays.copyOf(MS, Math.min(N.get(), MS.length));
        }

        @Bean
        FilterRegistrationBean<Filter> serverTimer() {
            Filter filter = (request, response, chain) -> {
                long start = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (request.isAsyncStarted()) {
                        request.getAsyncContext().addListener(new AsyncListener() {
                            @Override
                            public void onComplete(AsyncEvent event) {
                                record(start);
                            }

                            @Override
                            public void onTimeout(AsyncEvent event) {
                            }

                            @Override
                            public void onError(AsyncEvent event) {
                            }

                            @Override
                            public void onStartAsync(AsyncEvent event) {
                            }
                        });
                    } else if (((HttpServletRequest) request).getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST) {
                        record(start);
                    }
                }
            };
            FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(filter);
            bean.addUrlPatterns("/graphql");
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return bean;
        }

        static void record(long start) {
            int i = N.getAndIncrement();
            if (i < MS.length) {
                MS[i] = (System.nanoTime() - start) / 1e6;
            }
        }
    }

    private RestrictionBenchmark() {
    }

    public static void main(String[] args) {
        // A difference between the answers, or any failure, ends the run here, loudly.
        exitAfter(() -> run(args));
    }

    static void run(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/restriction.txt");
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        Path home = Files.createTempDirectory("hub-restriction-benchmark");
        String summary;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB, PASSWORD);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD),
                     Config.builder().withLogging(Logging.none()).withMaxConnectionPoolSize(64).build())) {
            double loadSeconds = loadProvince(driver, enterprises, home);
            long t0 = System.nanoTime();
            SyntheticListings.Report listings = SyntheticListings.load(driver, SyntheticOptions.demo().seed(), LISTED,
                    TestClock.configuredStart().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate(), null);
            System.out.printf(Locale.ROOT, "listings: %,d enterprises listed (%.1f%%), %,d listings and decisions, %,d removed, in %.1f s%n",
                    listings.listed().size(), 100.0 * listings.listed().size() / enterprises, listings.triggers(), listings.removed(),
                    ms(t0) / 1000);
            summary = benchmark(server, driver, enterprises, listings, loadSeconds, concurrency, requests);
        } catch (Exception | Error e) {
            deleteRecursively(home);
            throw e;
        }
        // The server has shut down (a checkpoint): its files now hold the whole store.
        summary += String.format(Locale.ROOT, " store_mb=%d", BenchmarkSupport.storeMb(home));
        deleteRecursively(home);
        System.out.println(summary);
        appendResult(resultFile, PAGE_CACHE_MB, summary);
    }

    static String benchmark(EmbeddedNeo4jServer server, Driver driver, int enterprises, SyntheticListings.Report listings,
                            double loadSeconds, int concurrency, int requests) throws Exception {
        List<Ask> asks = questions(driver, listings.listed(), requests + requests / 4 + (BATCHES + 9) * BATCH + 8_000);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SupervisionHubApplication.class, ServerTimes.class, TestClock.Configuration.class)
                .run("--spring.neo4j.uri=" + server.boltUri(),
                        "--spring.neo4j.authentication.username=neo4j",
                        "--spring.neo4j.authentication.password=" + PASSWORD,
                        "--hub.demo.enabled=false",
                        "--hub.security.demo-issuer.enabled=true",
                        "--hub.security.rate-limit.clients." + CLIENT + "=100000000",
                        "--server.port=0",
                        "--logging.level.root=warn",
                        "--logging.level.org.springframework.data.neo4j.cypher.unrecognized=error")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
            DemoIssuer issuer = app.getBean(DemoIssuer.class);
            java.time.Clock clock = app.getBean(TestClock.class);
            DemoIssuer.Subject partner = new DemoIssuer.Subject(CLIENT, List.of(Role.PARTNER), "PARTNER-BIDDING-430000", null, null);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(concurrency)).build();
            QueryConfig read = QueryConfig.builder().withRouting(RoutingControl.READ).build();
            ZoneId zone = ZoneId.of("Asia/Shanghai");

            List<String> lines = new ArrayList<>();
            // Rounds 1 and 2 at the given concurrency (the summary reports round 2); round 3 with one thread: no queueing.
            Latencies[] floor = new Latencies[3];
            Latencies[] hubClient = new Latencies[3];
            Latencies[] hubServer = new Latencies[3];
            int[] restricted = new int[1];
            int cursor = 0;
            for (int round = 0; round < 3; round++) {
                int threads = round < 2 ? concurrency : 1;
                int size = round < 2 ? requests / 2 : requests / 4;
                List<Ask> warm = asks.subList(cursor, cursor + 2_000);
                List<Ask> measured = asks.subList(cursor + 2_000, cursor + 2_000 + size);
                cursor += 2_000 + size;
                // ---- floor: the statement alone, through the driver
                IntConsumer floorCall = i -> {
                    Ask a = i < 0 ? warm.get(-i - 1) : measured.get(i);
                    OffsetDateTime asOf = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                    var request = new CheckRequest(0, a.uscc(), a.personId(), a.domain(), asOf, asOf.atZoneSameInstant(zone).toLocalDate());
                    var records = driver.executableQuery(RestrictionQuery.CHECK).withParameters(RestrictionQuery.parameters(List.of(request)))
                            .withConfig(read).execute().records();
                    check(records.size() == 1, "the statement returned " + records.size() + " rows");
                };
                run(threads, warm.size(), i -> floorCall.accept(-i - 1));
                floor[round] = run(threads, measured.size(), floorCall);
                // ---- the hub, over HTTP
                String token = issuer.mint(partner).accessToken();
                IntConsumer hubCall = i -> {
                    Ask a = i < 0 ? warm.get(-i - 1) : measured.get(i);
                    String body = post(http, endpoint, token, CHECK, Map.of("s", a.subject(), "d", a.domain().name()));
                    if (i >= 0 && body.contains("\"restricted\":true")) {
                        synchronized (restricted) {
                            restricted[0]++;
                        }
                    }
                };
                run(threads, warm.size(), i -> hubCall.accept(-i - 1));
                ServerTimes.reset();
                hubClient[round] = run(threads, measured.size(), hubCall);
                hubServer[round] = Latencies.of(ServerTimes.taken(), hubClient[round].seconds());
                check(hubServer[round].ms().length == measured.size(), "server timed " + hubServer[round].ms().length + " of "
                        + measured.size() + " requests");
                lines.add(String.format(Locale.ROOT, "round %d (%d threads, %,d questions): floor %s | hub at server %s | hub at client %s",
                        round + 1, threads, measured.size(), floor[round].text(), hubServer[round].text(), hubClient[round].text()));
                System.out.println(lines.get(lines.size() - 1));
            }

            // ---- batches of 1,000
            double[] batchServer = new double[3];
            double[] batchClient = new double[3];
            double[] batchFloor = new double[3];
            double[] batchChecker = new double[3];
            io.micrometer.core.instrument.Timer checked = app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get(org.supervisionhub.api.restriction.RestrictionMetrics.CHECK).tag("result", "ok").timer();
            java.util.function.DoubleSupplier checkedMs = () -> checked.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
            for (int b = 0; b < BATCHES; b++) {
                List<Ask> batch = asks.subList(cursor, cursor + BATCH);
                cursor += BATCH;
                List<Map<String, Object>> inputs = batch.stream().map(a -> Map.<String, Object>of("subject", a.subject(),
                        "domain", a.domain().name(), "purpose", "benchmark batch")).toList();
                OffsetDateTime asOf = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                List<CheckRequest> requestsOfBatch = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Ask a = batch.get(i);
                    requestsOfBatch.add(new CheckRequest(i, a.uscc(), a.personId(), a.domain(), asOf, asOf.atZoneSameInstant(zone).toLocalDate()));
                }
                long f0 = System.nanoTime();
                int rows = driver.executableQuery(RestrictionQuery.CHECK).withParameters(RestrictionQuery.parameters(requestsOfBatch))
                        .withConfig(read).execute().records().size();
                double floorMs = ms(f0);
                check(rows == BATCH, "the batch statement returned " + rows + " rows");
                String token = issuer.mint(partner).accessToken();
                ServerTimes.reset();
                double checked0 = checkedMs.getAsDouble();
                long c0 = System.nanoTime();
                String body = post(http, endpoint, token, CHECKS, Map.of("r", inputs));
                double clientMs = ms(c0);
                double serverMs = ServerTimes.taken()[0];
                // The checker's own time in the request (statement, answers, receipts): the rest is GraphQL, access and HTTP.
                double checkMs = checkedMs.getAsDouble() - checked0;
                check(count(body, "\"receiptId\"") == BATCH, "the batch answered " + count(body, "\"receiptId\"") + " questions");
                System.out.printf(Locale.ROOT, "batch %d: floor %.0f ms | hub at server %.0f ms (checker %.0f ms) | at client %.0f ms%n", b + 1,
                        floorMs, serverMs, checkMs, clientMs);
                if (b > 0 && b < 4) {
                    // The first batch warms the plan cache for 1,000-row parameters.
                    batchFloor[b - 1] = floorMs;
                    batchServer[b - 1] = serverMs;
                    batchClient[b - 1] = clientMs;
                    batchChecker[b - 1] = checkMs;
                }
            }

            // ---- where the time goes, in the application, one thread
            RestrictionChecker checker = app.getBean(RestrictionChecker.class);
            org.supervisionhub.api.access.Viewer viewer = new org.supervisionhub.api.access.Viewer(CLIENT, CLIENT, java.util.Set.of(Role.PARTNER),
                    "PARTNER-BIDDING-430000", null, null, java.util.Set::of, java.util.Set::of);
            List<Ask> breakdown = asks.subList(cursor, cursor + 2_000);
            double[] evaluate = new double[breakdown.size()];
            double[] give = new double[breakdown.size()];
            for (int i = 0; i < breakdown.size(); i++) {
                Ask a = breakdown.get(i);
                Question q = new Question(a.uscc() == null ? null : Uscc.of(a.uscc()), a.personId() == null ? null : new PersonId(a.personId()), a.domain(),
                        "benchmark", checker.now());
                long e0 = System.nanoTime();
                List<Evaluated> evaluated = checker.evaluate(List.of(q));
                evaluate[i] = ms(e0);
                long g0 = System.nanoTime();
                checker.give(evaluated, viewer);
                give[i] = ms(g0);
            }
            Latencies evaluated = Latencies.of(evaluate, 1);
            Latencies given = Latencies.of(give, 1);
            System.out.printf(Locale.ROOT, "breakdown (1 thread, %,d questions): evaluate (statement + Java) p50=%.2f p99=%.2f ms;"
                    + " receipt write p50=%.2f p99=%.2f ms%n", breakdown.size(), evaluated.p(0.5), evaluated.p(0.99), given.p(0.5), given.p(0.99));
            cursor += breakdown.size();
            // A batch of 1,000 in the application: the statement and the answers' JSON (read in parts side by side, as the hub
            // does, and in one statement, in turn on the same questions), then the receipts' write; the rest of a batch's
            // server time is GraphQL, access, audit and serialising the response.
            int pairs = 8;
            double[] batchEvaluate = new double[pairs];
            double[] batchOneRead = new double[pairs];
            double[] batchGive = new double[pairs];
            for (int b = -1; b < pairs; b++) {
                List<Question> questions = asks.subList(cursor, cursor + BATCH).stream().map(a -> new Question(a.uscc() == null ? null
                        : Uscc.of(a.uscc()), a.personId() == null ? null : new PersonId(a.personId()), a.domain(), "benchmark batch", checker.now())).toList();
                cursor += BATCH;
                double oneReadMs = 0;
                if (b % 2 == 0) {
                    long o0 = System.nanoTime();
                    checker.evaluate(questions, checker.now());
                    oneReadMs = ms(o0);
                }
                long e0 = System.nanoTime();
                List<Evaluated> answers = checker.evaluate(questions);
                double evaluateMs = ms(e0);
                if (b % 2 != 0) {
                    long o0 = System.nanoTime();
                    checker.evaluate(questions, checker.now());
                    oneReadMs = ms(o0);
                }
                long g0 = System.nanoTime();
                checker.give(answers, viewer);
                double giveMs = ms(g0);
                System.out.printf(Locale.ROOT, "batch breakdown %d: evaluate (statement + Java) in parts %.0f ms, in one read %.0f ms"
                        + " | receipts' write %.0f ms%n", b + 1, evaluateMs, oneReadMs, giveMs);
                if (b >= 0) {
                    // The first pair warms up.
                    batchEvaluate[b] = evaluateMs;
                    batchOneRead[b] = oneReadMs;
                    batchGive[b] = giveMs;
                }
            }
            Latencies partsLatency = Latencies.of(batchEvaluate, 1);
            Latencies oneReadLatency = Latencies.of(batchOneRead, 1);
            Latencies receiptsLatency = Latencies.of(batchGive, 1);

            Latencies f = floor[1];
            Latencies s = hubServer[1];
            return String.format(Locale.ROOT,
                    "restriction-benchmark enterprises=%d listed=%d triggers=%d removed=%d concurrency=%d questions=%d restricted_share=%.3f"
                            + " floor_p50_ms=%.2f floor_p99_ms=%.2f hub_server_p50_ms=%.2f hub_server_p99_ms=%.2f hub_client_p50_ms=%.2f"
                            + " hub_client_p99_ms=%.2f overhead_p50=%.2f overhead_p99=%.2f hub_per_s=%.0f floor_per_s=%.0f"
                            + " round1_floor_p50_ms=%.2f round1_floor_p99_ms=%.2f round1_hub_server_p50_ms=%.2f round1_hub_server_p99_ms=%.2f"
                            + " one_thread_floor_p50_ms=%.2f one_thread_floor_p99_ms=%.2f one_thread_hub_server_p50_ms=%.2f"
                            + " one_thread_hub_server_p99_ms=%.2f"
                            + " batch1000_server_ms=%.0f,%.0f,%.0f batch1000_client_ms=%.0f,%.0f,%.0f batch1000_floor_ms=%.0f,%.0f,%.0f batch1000_server_checker_ms=%.0f,%.0f,%.0f batch1000_evaluate_p50_ms=%.0f batch1000_evaluate_one_read_p50_ms=%.0f batch1000_receipts_p50_ms=%.0f"
                            + " evaluate_p50_ms=%.2f receipt_write_p50_ms=%.2f receipt_write_p99_ms=%.2f load_s=%.1f loadavg=%s"
                            + " targets=p99<=5ms,overhead<=1.3x,batch<=150ms java=%s",
                    enterprises, listings.listed().size(), listings.triggers(), listings.removed(), concurrency, requests,
                    restricted[0] / (double) (hubClient[0].ms().length + hubClient[1].ms().length + hubClient[2].ms().length),
                    f.p(0.5), f.p(0.99), s.p(0.5), s.p(0.99), hubClient[1].p(0.5), hubClient[1].p(0.99), s.p(0.5) / f.p(0.5),
                    s.p(0.99) / f.p(0.99), s.perSecond(), f.perSecond(),
                    floor[0].p(0.5), floor[0].p(0.99), hubServer[0].p(0.5), hubServer[0].p(0.99),
                    floor[2].p(0.5), floor[2].p(0.99), hubServer[2].p(0.5), hubServer[2].p(0.99),
                    batchServer[0], batchServer[1], batchServer[2], batchClient[0], batchClient[1], batchClient[2],
                    batchFloor[0], batchFloor[1], batchFloor[2], batchChecker[0], batchChecker[1], batchChecker[2], partsLatency.p(0.5), oneReadLatency.p(0.5), receiptsLatency.p(0.5), evaluated.p(0.5), given.p(0.5), given.p(0.99), loadSeconds,
                    loadAverage(), Runtime.version());
        }
    }

    /** Runs {@code call(0..n-1)} on {@code threads} threads, each call timed. */
    static Latencies run(int threads, int n, IntConsumer call) throws Exception {
        double[] ms = new double[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        call.accept(i);
                        ms[i] = ms(t0);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        return Latencies.of(ms, (System.nanoTime() - start) / 1e9);
    }

    /** Posts a GraphQL request ({@code token} null: none sent) and fails on any status but 200 or any error in the body. */
    static String post(HttpClient http, URI endpoint, String token, String document, Map<String, Object> variables) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json");
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            HttpRequest request = builder
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 200 && !response.body().contains("\"errors\""),
                    "HTTP " + response.statusCode() + ": " + response.body().substring(0, Math.min(500, response.body().length())));
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The question mix of the class comment, seeded. */
    static List<Ask> questions(Driver driver, List<String> listed, int n) {
        List<String> all = strings(driver, "MATCH (e:Enterprise) RETURN e.uscc AS v");
        List<String> near = strings(driver, "MATCH (x:Enterprise)<-[:CONCERNS]-(:RestrictionTrigger)"
                + " MATCH (x)<-[:BRANCH_OF|SHAREHOLDER_OF]-(n:Enterprise) RETURN DISTINCT n.uscc AS v");
        List<String> people = strings(driver, "MATCH (x:Enterprise)<-[:CONCERNS]-(:RestrictionTrigger)"
                + " MATCH (x)<-[:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]-(p:Person) RETURN DISTINCT p.personId AS v");
        List<String> persons = strings(driver, "MATCH (p:Person) RETURN p.personId AS v");
        System.out.printf(Locale.ROOT, "question pool: %,d enterprises, %,d listed, %,d branches and holders of listed, %,d people of listed,"
                + " %,d persons%n", all.size(), listed.size(), near.size(), people.size(), persons.size());
        SplittableRandom random = new SplittableRandom(20261122L);
        RestrictionDomain[] domains = RestrictionDomain.values();
        List<Ask> asks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            RestrictionDomain d = domains[random.nextInt(domains.length)];
            if (kind < 40) {
                asks.add(new Ask(pick(random, all), null, d));
            } else if (kind < 60) {
                asks.add(new Ask(pick(random, listed), null, d));
            } else if (kind < 75) {
                asks.add(new Ask(pick(random, near.isEmpty() ? all : near), null, d));
            } else if (kind < 88) {
                asks.add(new Ask(null, pick(random, people.isEmpty() ? persons : people), d));
            } else {
                asks.add(new Ask(null, pick(random, persons), d));
            }
        }
        return asks;
    }

    static String pick(SplittableRandom random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    static List<String> strings(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().stream().map(r -> r.get("v").asString()).toList();
    }
}
