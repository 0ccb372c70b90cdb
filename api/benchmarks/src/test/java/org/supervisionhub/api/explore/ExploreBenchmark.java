package org.supervisionhub.api.explore;

import static org.supervisionhub.api.BenchmarkSupport.appendResult;
import static org.supervisionhub.api.BenchmarkSupport.deleteRecursively;
import static org.supervisionhub.api.BenchmarkSupport.exitAfter;
import static org.supervisionhub.api.BenchmarkSupport.loadAverage;
import static org.supervisionhub.api.BenchmarkSupport.loadProvince;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import java.util.function.IntPredicate;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.AccessMode;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.api.BenchmarkSupport;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.api.explore.ExploreService.Subject;
import org.supervisionhub.graph.explore.Explore.Kind;
import org.supervisionhub.graph.explore.ExploreRepository;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.synthetic.SyntheticListings;
import org.supervisionhub.graph.synthetic.SyntheticOptions;

/**
 * Exploration on the synthetic province (with ~5% of enterprises listed). Not a test: run by {@code bench/explore-benchmark.sh}.
 * Arguments: {@code [enterprises=1000000] [resultFile] [concurrency=4] [requests=2000] [naiveRequests=100]}.
 *
 * <p>Measures {@link ExploreService} in process (its statements through the driver and its Java; no HTTP, no GraphQL), at
 * {@code concurrency} threads: {@code subjectGraph} 2 hops (perNode 25, limit 200) of random enterprises; {@code paths} up to
 * 6 hops between an enterprise and one a random walk of 2 to 5 links away (80%) or a random one (20%, mostly no connection);
 * {@code beneficialOwners} of enterprises with enterprise shareholders. Next to each, the naive Cypher a first attempt would
 * write (variable-length pattern or {@code allShortestPaths} without bounds on hub nodes), fewer requests, each cut at
 * 10 s (counted as timeouts and as 10 s).
 */
public final class ExploreBenchmark {

    static final long PAGE_CACHE_MB = BenchmarkSupport.pageCacheMb();
    static final String PASSWORD = "explore-benchmark-password";
    static final double LISTED = 0.05;
    static final Duration NAIVE_TIMEOUT = Duration.ofSeconds(10);
    static final String RELS = "LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF|BRANCH_OF";
    static final String ACTIVE = "all(r IN relationships(p) WHERE r.validFrom <= $d AND (r.validTo IS NULL OR $d < r.validTo))";
    static final String NAIVE_GRAPH = "MATCH (s:Enterprise {uscc: $a}) MATCH p = (s)-[:" + RELS + "*1..2]-(x) WHERE " + ACTIVE
            + " RETURN count(DISTINCT x) AS n";
    static final String NAIVE_PATHS = "MATCH (a:Enterprise {uscc: $a}), (b:Enterprise {uscc: $b})"
            + " MATCH p = allShortestPaths((a)-[:" + RELS + "*..6]-(b)) WHERE " + ACTIVE + " RETURN p LIMIT 10";
    static final String NAIVE_OWNERS = "MATCH p = (x:Person)-[:SHAREHOLDER_OF*1..10]->(e:Enterprise {uscc: $a}) WHERE " + ACTIVE
            + " RETURN x.personId AS id, sum(reduce(s = 1.0, r IN relationships(p) | s * r.sharePct / 100)) AS share";

    record Latencies(double[] ms, int timeouts) {
        static Latencies of(double[] ms, int timeouts) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            return new Latencies(sorted, timeouts);
        }

        double p(double q) {
            return ms[Math.min(ms.length - 1, (int) Math.ceil(q * ms.length) - 1)];
        }
    }

    private ExploreBenchmark() {
    }

    public static void main(String[] args) {
        // Any failure ends the run here, loudly, and the JVM with it.
        exitAfter(() -> run(args));
    }

    static void run(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/explore.txt");
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int naiveRequests = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        Path home = Files.createTempDirectory("hub-explore-benchmark");
        String summary;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB, PASSWORD);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD),
                     Config.builder().withLogging(Logging.none()).withMaxConnectionPoolSize(64).build())) {
            double loadSeconds = loadProvince(driver, enterprises, home);
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Clock clock = new TestClock(TestClock.configuredStart().toInstant(), zone);
            LocalDate today = LocalDate.now(clock);
            SyntheticListings.load(driver, SyntheticOptions.demo().seed(), LISTED, today, null);
            summary = "explore-benchmark enterprises=" + enterprises + " concurrency=" + concurrency + " requests=" + requests
                    + " naive_requests=" + naiveRequests + " " + benchmark(driver, clock, concurrency, requests, naiveRequests)
                    + String.format(Locale.ROOT, " load_s=%.1f loadavg=%s targets=graph2_p99<=20ms,paths_p99<=50ms,owners_p99<=20ms java=%s",
                    loadSeconds, loadAverage(), System.getProperty("java.version"));
        } finally {
            deleteRecursively(home);
        }
        System.out.println(summary);
        appendResult(resultFile, PAGE_CACHE_MB, summary);
    }

    static String benchmark(Driver driver, Clock clock, int concurrency, int requests, int naiveRequests) throws Exception {
        ExploreService explore = new ExploreService(new ExploreRepository(driver, null), new TriggerRepository(Neo4jClient.create(driver)), clock);
        LocalDate today = LocalDate.now(clock);
        SplittableRandom random = new SplittableRandom(20261205L);
        List<String> all = driver.executableQuery("MATCH (e:Enterprise) RETURN e.uscc AS u").execute().records().stream()
                .map(r -> r.get("u").asString()).toList();
        List<String> held = driver.executableQuery("MATCH (e:Enterprise) WHERE EXISTS { (e)<-[:SHAREHOLDER_OF]-(:Enterprise) }"
                + " RETURN e.uscc AS u LIMIT 200000").execute().records().stream().map(r -> r.get("u").asString()).toList();
        int n = requests + 300;
        List<String> graphSubjects = sample(all, n, random);
        List<String> ownerSubjects = sample(held.isEmpty() ? all : held, n, random);
        List<Pair> pairs = pairs(driver, all, n, random, today);
        int[] found = {0};
        System.out.printf(Locale.ROOT, "%,d enterprises, %,d with enterprise shareholders; %,d path pairs%n", all.size(), held.size(), pairs.size());

        Latencies graph = run(concurrency, 300, requests, i -> {
            explore.subjectGraph(subject(graphSubjects.get(i)), 2, ExploreService.ALL_TYPES, today, 200, 25);
            return true;
        });
        AtomicInteger pathsFound = new AtomicInteger();
        AtomicInteger pathsBounded = new AtomicInteger();
        AtomicInteger walkedFound = new AtomicInteger();
        List<Pair> unfound = java.util.Collections.synchronizedList(new ArrayList<>());
        long walked = pairs.subList(0, requests).stream().filter(p -> !p.walk().isEmpty()).count();
        Latencies paths = run(concurrency, 300, requests, i -> {
            Pair p = pairs.get(i);
            // Warm-up calls (i >= requests) are not counted.
            var search = explore.paths(subject(p.a()), subject(p.b()), 6, ExploreService.ALL_TYPES, today, 10);
            if (search.shortestLength() != null && i < requests) {
                pathsFound.incrementAndGet();
                if (!p.walk().isEmpty()) {
                    walkedFound.incrementAndGet();
                }
            } else if (search.truncated() && i < requests) {
                pathsBounded.incrementAndGet();
            } else if (!p.walk().isEmpty() && i < requests && unfound.size() < 5) {
                unfound.add(p);
            }
            return true;
        });
        AtomicInteger withOwners = new AtomicInteger();
        Latencies owners = run(concurrency, 300, requests, i -> {
            if (!explore.beneficialOwners(subject(ownerSubjects.get(i)), today, 0.25).owners().isEmpty() && i < requests) {
                withOwners.incrementAndGet();
            }
            return true;
        });
        found[0] = pathsFound.get();
        unfound.forEach(p -> System.out.println("walked but not found: " + p.walk()));
        System.out.println("hub done; naive queries (each cut at " + NAIVE_TIMEOUT.toSeconds() + " s)…");
        Latencies naiveGraph = naive(driver, concurrency, naiveRequests, i -> Map.of("a", graphSubjects.get(i), "d", today), NAIVE_GRAPH);
        Latencies naivePaths = naive(driver, concurrency, naiveRequests, i -> Map.of("a", pairs.get(i).a(), "b", pairs.get(i).b(), "d", today), NAIVE_PATHS);
        Latencies naiveOwners = naive(driver, concurrency, naiveRequests, i -> Map.of("a", ownerSubjects.get(i), "d", today), NAIVE_OWNERS);
        return String.format(Locale.ROOT, "graph2_p50_ms=%.2f graph2_p99_ms=%.2f paths6_p50_ms=%.2f paths6_p99_ms=%.2f paths_found=%.2f paths_walked=%.2f paths_walked_found=%.2f paths_bounded=%.2f"
                        + " owners_p50_ms=%.2f owners_p99_ms=%.2f owners_nonempty=%.2f"
                        + " naive_graph2_p50_ms=%.2f naive_graph2_p99_ms=%.2f naive_graph2_timeouts=%d"
                        + " naive_paths6_p50_ms=%.2f naive_paths6_p99_ms=%.2f naive_paths6_timeouts=%d"
                        + " naive_owners_p50_ms=%.2f naive_owners_p99_ms=%.2f naive_owners_timeouts=%d",
                graph.p(0.5), graph.p(0.99), paths.p(0.5), paths.p(0.99), (double) found[0] / requests, (double) walked / requests,
                walked == 0 ? 0.0 : (double) walkedFound.get() / walked, (double) pathsBounded.get() / requests,
                owners.p(0.5), owners.p(0.99), (double) withOwners.get() / requests,
                naiveGraph.p(0.5), naiveGraph.p(0.99), naiveGraph.timeouts(), naivePaths.p(0.5), naivePaths.p(0.99), naivePaths.timeouts(),
                naiveOwners.p(0.5), naiveOwners.p(0.99), naiveOwners.timeouts());
    }

    static Subject subject(String uscc) {
        return new Subject("subject", Kind.ENTERPRISE, uscc);
    }

    static List<String> sample(List<String> from, int n, SplittableRandom random) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(from.get(random.nextInt(from.size())));
        }
        return out;
    }

    /** Two enterprises to connect; {@code walk}: the subjects walked from {@code a} to {@code b} (empty for a random pair). */
    record Pair(String a, String b, List<String> walk) {
    }

    /**
     * 80%: an enterprise and another a random walk of 2 to 5 links away; 20%: two random enterprises. The kind of pair is
     * drawn first and a walk that reaches no other enterprise is retried from another start, so the shares hold (most
     * enterprises' links end at persons linked to nothing else: rejecting failed walks while drawing again between the
     * kinds made random pairs about half of all, and only 37% of the pairs connected).
     */
    static List<Pair> pairs(Driver driver, List<String> all, int n, SplittableRandom random, LocalDate today) {
        List<Pair> out = new ArrayList<>(n);
        String step = "OPTIONAL MATCH (e:Enterprise {uscc: $id}) OPTIONAL MATCH (p:Person {personId: $id})"
                + " WITH coalesce(e, p) AS n MATCH (n)-[r:" + RELS + "]-(m) WHERE r.validFrom <= $d AND (r.validTo IS NULL OR $d < r.validTo)"
                + " RETURN coalesce(m.uscc, m.personId) AS id, m:Enterprise AS enterprise";
        while (out.size() < n) {
            if (random.nextInt(5) == 0) {
                out.add(new Pair(all.get(random.nextInt(all.size())), all.get(random.nextInt(all.size())), List.of()));
                continue;
            }
            List<String> toLast = null;
            for (int attempt = 0; toLast == null && attempt < 1_000; attempt++) {
                String a = all.get(random.nextInt(all.size()));
                String at = a;
                List<String> walk = new ArrayList<>(List.of(a));
                int steps = 2 + random.nextInt(4);
                for (int s = 0; s < steps; s++) {
                    var next = driver.executableQuery(step).withParameters(Map.of("id", at, "d", today)).execute().records();
                    if (next.isEmpty()) {
                        break;
                    }
                    var r = next.get(random.nextInt(next.size()));
                    at = r.get("id").asString();
                    walk.add(at);
                    if (r.get("enterprise").asBoolean() && !at.equals(a)) {
                        toLast = List.copyOf(walk);
                    }
                }
            }
            if (toLast == null) {
                throw new IllegalStateException("no random walk of 1,000 reached a second enterprise: a province without links?");
            }
            out.add(new Pair(toLast.get(0), toLast.get(toLast.size() - 1), toLast));
        }
        return out;
    }

    static Latencies run(int threads, int warm, int measured, IntPredicate call) throws Exception {
        execute(threads, warm, i -> call.test(measured + i % 300), new double[warm]);
        double[] ms = new double[measured];
        execute(threads, measured, call, ms);
        return Latencies.of(ms, 0);
    }

    static void execute(int threads, int count, IntPredicate call, double[] ms) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    call.test(i);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static Latencies naive(Driver driver, int threads, int count, java.util.function.IntFunction<Map<String, Object>> params, String cypher)
            throws Exception {
        AtomicInteger timeouts = new AtomicInteger();
        double[] ms = new double[count];
        TransactionConfig tx = TransactionConfig.builder().withTimeout(NAIVE_TIMEOUT).build();
        execute(threads, count, i -> {
            try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                session.run(cypher, params.apply(i), tx).consume();
            } catch (RuntimeException e) {
                timeouts.incrementAndGet();
            }
            return true;
        }, ms);
        for (int i = 0; i < ms.length; i++) {
            ms[i] = Math.min(ms[i], NAIVE_TIMEOUT.toMillis());
        }
        return Latencies.of(ms, timeouts.get());
    }
}
