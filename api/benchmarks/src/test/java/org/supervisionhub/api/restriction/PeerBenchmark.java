package org.supervisionhub.api.restriction;

import static org.supervisionhub.api.BenchmarkSupport.check;
import static org.supervisionhub.api.BenchmarkSupport.deleteRecursively;
import static org.supervisionhub.api.BenchmarkSupport.loadProvince;
import static org.supervisionhub.api.BenchmarkSupport.ms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supervisionhub.api.BenchmarkSupport;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.api.access.DemoIssuer;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.restriction.RestrictionBenchmark.Ask;
import org.supervisionhub.api.restriction.RestrictionBenchmark.Latencies;
import org.supervisionhub.api.restriction.RestrictionBenchmark.ServerTimes;
import org.supervisionhub.api.restriction.RestrictionChecker.Question;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.restriction.RestrictionQuery;
import org.supervisionhub.graph.restriction.Restrictions.CheckRequest;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.synthetic.SyntheticListings;
import org.supervisionhub.graph.synthetic.SyntheticOptions;
import tools.jackson.databind.JsonNode;

/**
 * The hub side by side with its peer, {@code @neo4j/graphql} with Apollo Server (issue 23), and the floor (the Cypher alone
 * through the driver), on the same Neo4j and data. Not a test: run by {@code bench/peer-benchmark.sh}. Arguments:
 * {@code mode} ({@code demo}: the demo profile loads its province into the server; {@code 1m}: the 1,000,000-enterprise
 * province and listings of the other benchmarks), {@code resultFile}, {@code peerDir} (bench/peer, installed),
 * {@code versions} (of the peer's packages, for the result line), {@code requests} per round and question at concurrency 1.
 *
 * <ol>
 *   <li>A fresh embedded Neo4j with Bolt on 127.0.0.1 (a password), the data, then the hub (its web server on a free port,
 *       a PARTNER client of the demo issuer exempt from the rate limit), then the peer ({@code node server.js}) on the same
 *       Bolt server, with the hub's check statement ({@link RestrictionQuery#CHECK}) handed to it in a file.</li>
 *   <li>Three questions, asked of all three with the same arguments, {@code asOf} fixed to the hub's now after the load:
 *       <b>point</b>, an enterprise by USCC with its legal representative on that day and its active restriction triggers
 *       (listings and penalty decisions: id and type; the peer projects a DateTime through APOC, which the embedded server
 *       lacks, so no times are asked); <b>page</b>, the first 100 enterprises of a county by USCC with their legal
 *       representatives; <b>check</b>, the restriction check (the hub: {@code restrictionCheck}, which applies the measures,
 *       digests and writes a receipt; the peer: the hub's statement as a {@code @cypher} field; the floor: the statement).</li>
 *   <li>A sample of each question is compared first and the run stops on any difference: point and page answers field by
 *       field; the check's rows of floor and peer field by field, and the hub's digest against the digest the hub's own Java
 *       makes of the floor's rows.</li>
 *   <li>Then, at concurrency 1 and 4, for each question, {@link #ROUNDS} interleaved rounds of floor, peer and hub (order
 *       rotating), each after a warm-up: p50, p99 and requests/s at the client, over all rounds, and the ratios.</li>
 * </ol>
 */
public final class PeerBenchmark {

    static final long PAGE_CACHE_MB = BenchmarkSupport.pageCacheMb();
    static final String PASSWORD = "peer-benchmark-password";
    static final String CLIENT = "peer-benchmark";
    static final int ROUNDS = 3;
    static final int SAMPLE = 50;
    static final int PAGE = 100;

    enum Kind { POINT, PAGE, CHECK }

    enum Sut { FLOOR, PEER, HUB }

    static final String REPS_FLOOR = "[(e)<-[r:LEGAL_REPRESENTATIVE_OF]-(p:Person) WHERE r.validFrom <= $day"
            + " AND (r.validTo IS NULL OR r.validTo > $day) | p {.personId, .name}] AS reps";
    static final String POINT_FLOOR = "MATCH (e:Enterprise {uscc: $u}) RETURN e.uscc AS uscc, e.name AS name, " + REPS_FLOOR
            + ", [(e)<-[:CONCERNS]-(t:RestrictionTrigger) WHERE " + TriggerRepository.activeAt("$at")
            + " | t {.id, .triggerType}] AS triggers";
    // The best one statement: the county's enterprises off the (regionCode, uscc) index in order, as the hub reads a page.
    static final String PAGE_FLOOR = "MATCH (e:Enterprise) WHERE e.regionCode = $r AND e.uscc IS NOT NULL WITH e ORDER BY e.regionCode, e.uscc LIMIT " + PAGE
            + " RETURN e.uscc AS uscc, e.name AS name, " + REPS_FLOOR;

    static final String POINT_HUB = "query($u: ID!, $day: Date!, $at: DateTime!) { enterprise(uscc: $u) { uscc name"
            + " legalRepresentative(asOf: $day) { personId name } restrictionTriggers(asOf: $at) { id type } } }";
    static final String PAGE_HUB = "query($r: ID!, $day: Date!) { enterprises(filter: {regionCode: $r}, orderBy: USCC, first: " + PAGE
            + ") { edges { node { uscc name legalRepresentative(asOf: $day) { personId name } } } } }";
    static final String CHECK_HUB = "query($s: SubjectInput!, $d: RestrictionDomain!, $at: DateTime!) { restrictionCheck(subject: $s,"
            + " domain: $d, purpose: \"peer benchmark\", asOf: $at, knownAt: $at) { subject { known name } restricted digest receiptId"
            + " restrictions { effect measureId trigger { id uscc } path { nodes { id } } } alerts { measureId trigger { id } } } }";

    static final String REPS_PEER = "legalRepresentativesConnection(where: {edge: {validFrom: {lte: $day},"
            + " OR: [{validTo: {eq: null}}, {validTo: {gt: $day}}]}}) { edges { node { personId name } } }";
    static final String POINT_PEER = "query($u: ID!, $day: Date!, $at: DateTime!) { enterprises(where: {uscc: {eq: $u}}) { uscc name "
            + REPS_PEER + " restrictionTriggers(where: {activeFrom: {lte: $at}, AND: [{OR: [{removedAt: {eq: null}}, {removedAt: {gt: $at}}]},"
            + " {OR: [{expiresAt: {eq: null}}, {expiresAt: {gt: $at}}]}]}) { id triggerType } } }";
    static final String PAGE_PEER = "query($r: String!, $day: Date!) { enterprises(where: {regionCode: {eq: $r}}, sort: [{uscc: ASC}],"
            + " limit: " + PAGE + ") { uscc name " + REPS_PEER + " } }";
    static final String CHECK_PEER = "query($u: ID, $p: ID, $d: String!, $at: DateTime!, $day: Date!) { restrictionCheck(uscc: $u,"
            + " personId: $p, domain: $d, asOf: $at, asOfDate: $day, knownAt: $at) { found name measures { measureId version }"
            + " candidates { t { id triggerType } reach via share nodes { id } } } }";

    private PeerBenchmark() {
    }

    public static void main(String[] args) {
        // A difference between the answers, or any failure, ends the run here, loudly.
        BenchmarkSupport.exitAfter(() -> run(args));
    }

    static void run(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "demo";
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/peer.txt");
        Path peerDir = Path.of(args.length > 2 ? args[2] : "bench/peer").toAbsolutePath();
        String versions = args.length > 3 ? args[3] : "";
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 400;
        check(mode.equals("demo") || mode.equals("1m"), "mode: demo or 1m, not " + mode);
        String loadBefore = loadAverages();
        Path home = Files.createTempDirectory("hub-peer-benchmark");
        Process peer = null;
        List<String> report;
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB, PASSWORD);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD),
                     Config.builder().withLogging(Logging.none()).withMaxConnectionPoolSize(64).build())) {
            List<String> listed = null;
            List<String> hubArgs = new ArrayList<>(List.of("--spring.neo4j.uri=" + server.boltUri(),
                    "--spring.neo4j.authentication.username=neo4j", "--spring.neo4j.authentication.password=" + PASSWORD,
                    "--hub.security.demo-issuer.enabled=true", "--hub.security.rate-limit.clients." + CLIENT + "=100000000",
                    "--server.port=0", "--logging.level.root=warn",
                    "--logging.level.org.springframework.data.neo4j.cypher.unrecognized=error"));
            SpringApplicationBuilder hub;
            if (mode.equals("1m")) {
                loadProvince(driver, 1_000_000, home);
                listed = SyntheticListings.load(driver, SyntheticOptions.demo().seed(), RestrictionBenchmark.LISTED,
                        TestClock.configuredStart().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate(), null).listed();
                hub = new SpringApplicationBuilder(SupervisionHubApplication.class, ServerTimes.class, TestClock.Configuration.class);
                hubArgs.add("--hub.demo.enabled=false");
            } else {
                // The demo's own loader fills the empty server on start, as ./run-hub does with its embedded store.
                hub = new SpringApplicationBuilder(SupervisionHubApplication.class, ServerTimes.class).profiles("demo");
                hubArgs.add("--hub.graphiql.enabled=false");
            }
            long t0 = System.nanoTime();
            try (ConfigurableApplicationContext app = hub.run(hubArgs.toArray(String[]::new))) {
                System.out.printf(Locale.ROOT, "hub ready in %.1f s%n", ms(t0) / 1000);
                if (listed == null) {
                    listed = strings(driver, "MATCH (e:Enterprise)<-[:CONCERNS]-(:RestrictionTrigger) RETURN DISTINCT e.uscc AS v");
                }
                Path statement = home.resolve("check.cypher");
                Files.writeString(statement, RestrictionQuery.CHECK, StandardCharsets.UTF_8);
                peer = startPeer(peerDir, server, statement, home.resolve("peer.log"));
                report = benchmark(app, driver, peer, home.resolve("peer.log"), listed, requests);
            }
        } finally {
            if (peer != null) {
                peer.destroy();
            }
            deleteRecursively(home);
        }
        String header = String.format(Locale.ROOT, "%s | peer-benchmark %s | %d cores | load before %s, after %s | java %s | %s",
                LocalDateTime.now(Clock.systemDefaultZone()).truncatedTo(ChronoUnit.SECONDS), mode,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverages(), Runtime.version(), versions);
        StringBuilder out = new StringBuilder(header).append('\n');
        report.forEach(l -> out.append("  ").append(l).append('\n'));
        System.out.print(out);
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        Files.writeString(resultFile, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + resultFile);
    }

    /** The three load averages of /proc/loadavg, as uptime shows them. */
    static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return BenchmarkSupport.loadAverage();
        }
    }

    static Process startPeer(Path peerDir, EmbeddedNeo4jServer server, Path statement, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "server.js").directory(peerDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("NEO4J_URI", server.boltUri());
        pb.environment().put("NEO4J_USER", "neo4j");
        pb.environment().put("NEO4J_PASSWORD", PASSWORD);
        pb.environment().put("HUB_CHECK_STATEMENT_FILE", statement.toString());
        pb.environment().put("PORT", "0");
        pb.environment().put("NODE_ENV", "production");
        Process p = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        return p;
    }

    static URI peerEndpoint(Process peer, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            int at = text.indexOf("peer ready ");
            if (at >= 0 && text.indexOf('\n', at) > 0) {
                return URI.create(text.substring(at + "peer ready ".length(), text.indexOf('\n', at)).trim());
            }
            check(peer.isAlive(), "the peer stopped:\n" + text);
            Thread.sleep(100);
        }
        throw new IllegalStateException("the peer did not start in 60 s:\n" + Files.readString(log));
    }

    static List<String> benchmark(ConfigurableApplicationContext app, Driver driver, Process peer, Path peerLog,
                                  List<String> listed, int requests) throws Exception {
        URI hubEndpoint = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/graphql");
        URI peerEndpoint = peerEndpoint(peer, peerLog);
        DemoIssuer issuer = app.getBean(DemoIssuer.class);
        RestrictionChecker checker = app.getBean(RestrictionChecker.class);
        ZoneId zone = app.getBean(Clock.class).getZone();
        DemoIssuer.Subject partner = new DemoIssuer.Subject(CLIENT, List.of(Role.PARTNER), "PARTNER-BIDDING-430000", null, null);
        // One instant for every question of the run, after the load: the hub's now, so knownAt is not in its future.
        OffsetDateTime at = checker.now();
        String atText = at.toString();
        String day = at.atZoneSameInstant(zone).toLocalDate().toString();
        QueryConfig read = QueryConfig.builder().withRouting(RoutingControl.READ).build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(8)).build();
        String neo4j = driver.executableQuery("CALL dbms.components() YIELD versions RETURN versions[0] AS v").execute().records().get(0)
                .get("v").asString();
        long enterprises = driver.executableQuery("MATCH (e:Enterprise) RETURN count(e) AS n").execute().records().get(0).get("n").asLong();
        System.out.printf(Locale.ROOT, "hub %s, peer %s, Neo4j %s, %,d enterprises, %,d listed; asOf %s (%s)%n", hubEndpoint, peerEndpoint,
                neo4j, enterprises, listed.size(), atText, day);

        // ---- questions, seeded
        SplittableRandom random = new SplittableRandom(20261205L);
        List<String> all = strings(driver, "MATCH (e:Enterprise) RETURN e.uscc AS v");
        List<String> points = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            points.add(RestrictionBenchmark.pick(random, random.nextBoolean() ? all : listed));
        }
        List<String> regions = strings(driver, "MATCH (r:Region) WHERE NOT EXISTS { (:Region)-[:PART_OF]->(r) }"
                + " MATCH (e:Enterprise {regionCode: r.code}) WITH r.code AS v, count(e) AS n WHERE n >= " + PAGE + " RETURN v ORDER BY v");
        check(!regions.isEmpty(), "no county holds " + PAGE + " enterprises");
        List<Ask> asks = RestrictionBenchmark.questions(driver, listed, 20_000);
        System.out.printf(Locale.ROOT, "questions: %,d enterprises (half listed), %,d counties with %d or more enterprises, %,d checks%n",
                points.size(), regions.size(), PAGE, asks.size());

        String[] token = {issuer.mint(partner).accessToken()};
        Map<Kind, Map<Sut, IntFunction<Object>>> calls = new EnumMap<>(Kind.class);
        calls.put(Kind.POINT, Map.of(
                Sut.FLOOR, i -> driver.executableQuery(POINT_FLOOR).withParameters(Map.of("u", points.get(i % points.size()),
                        "day", LocalDate.parse(day), "at", at)).withConfig(read).execute().records(),
                Sut.PEER, i -> RestrictionBenchmark.post(http, peerEndpoint, null, POINT_PEER,
                        Map.of("u", points.get(i % points.size()), "day", day, "at", atText)),
                Sut.HUB, i -> RestrictionBenchmark.post(http, hubEndpoint, token[0], POINT_HUB,
                        Map.of("u", points.get(i % points.size()), "day", day, "at", atText))));
        calls.put(Kind.PAGE, Map.of(
                Sut.FLOOR, i -> driver.executableQuery(PAGE_FLOOR).withParameters(Map.of("r", regions.get(i % regions.size()),
                        "day", LocalDate.parse(day))).withConfig(read).execute().records(),
                Sut.PEER, i -> RestrictionBenchmark.post(http, peerEndpoint, null, PAGE_PEER, Map.of("r", regions.get(i % regions.size()), "day", day)),
                Sut.HUB, i -> RestrictionBenchmark.post(http, hubEndpoint, token[0], PAGE_HUB, Map.of("r", regions.get(i % regions.size()), "day", day))));
        calls.put(Kind.CHECK, Map.of(
                Sut.FLOOR, i -> driver.executableQuery(RestrictionQuery.CHECK)
                        .withParameters(RestrictionQuery.parameters(List.of(request(asks.get(i % asks.size()), at, zone)))).withConfig(read)
                        .execute().records(),
                Sut.PEER, i -> {
                    Ask a = asks.get(i % asks.size());
                    Map<String, Object> v = new HashMap<>();
                    v.put("u", a.uscc());
                    v.put("p", a.personId());
                    v.put("d", a.domain().name());
                    v.put("at", atText);
                    v.put("day", day);
                    return RestrictionBenchmark.post(http, peerEndpoint, null, CHECK_PEER, v);
                },
                Sut.HUB, i -> {
                    Ask a = asks.get(i % asks.size());
                    return RestrictionBenchmark.post(http, hubEndpoint, token[0], CHECK_HUB, Map.of("s", a.subject(), "d", a.domain().name(), "at", atText));
                }));

        // ---- the same information from all three, on a sample
        int[] seen = new int[6]; // points with a representative, with a trigger; page rows; checks found, with candidates, restricted
        for (int i = 0; i < SAMPLE; i++) {
            int q = i * 7;
            Map<Sut, IntFunction<Object>> point = calls.get(Kind.POINT);
            List<Record> pointRows = records(point.get(Sut.FLOOR).apply(q));
            same("point " + points.get(q % points.size()), pointFloor(pointRows),
                    pointPeer((String) point.get(Sut.PEER).apply(q)), pointHub((String) point.get(Sut.HUB).apply(q)));
            seen[0] += pointRows.get(0).get("reps").size() > 0 ? 1 : 0;
            seen[1] += pointRows.get(0).get("triggers").size() > 0 ? 1 : 0;
            Map<Sut, IntFunction<Object>> page = calls.get(Kind.PAGE);
            List<Record> pageRows = records(page.get(Sut.FLOOR).apply(q));
            same("page " + regions.get(q % regions.size()), pageFloor(pageRows),
                    pagePeer((String) page.get(Sut.PEER).apply(q)), pageHub((String) page.get(Sut.HUB).apply(q)));
            seen[2] += pageRows.size();
            Map<Sut, IntFunction<Object>> checks = calls.get(Kind.CHECK);
            Ask a = asks.get(q % asks.size());
            String floorRows = checkFloor(records(checks.get(Sut.FLOOR).apply(q)));
            String peerRows = checkPeer((String) checks.get(Sut.PEER).apply(q));
            check(floorRows.equals(peerRows), "check " + a + ": floor and peer differ\n floor: " + floorRows + "\n peer:  " + peerRows);
            JsonNode hubAnswer = data((String) checks.get(Sut.HUB).apply(q)).path("restrictionCheck");
            String hubDigest = hubAnswer.path("digest").asString();
            seen[5] += hubAnswer.path("restricted").asBoolean() ? 1 : 0;
            // The hub's answer is its Java applied to the statement's rows: made here from the floor's rows, it must digest the same.
            Question question = new Question(a.uscc() == null ? null : Uscc.of(a.uscc()), a.personId() == null ? null : new PersonId(a.personId()),
                    a.domain(), "peer benchmark", at, at);
            var rows = new RestrictionQuery(driver, null).check(List.of(request(a, at, zone))).rows().get(0);
            seen[3] += rows.found() ? 1 : 0;
            seen[4] += rows.candidates().isEmpty() ? 0 : 1;
            String floorDigest = RestrictionChecker.sha256(RestrictionChecker.CANONICAL.writeValueAsString(checker.content(question, rows)));
            check(hubDigest.equals(floorDigest), "check " + a + ": the hub's digest " + hubDigest + " is not the digest of the floor's rows "
                    + floorDigest + " (rows " + floorRows + ")");
        }
        String sampled = String.format(Locale.ROOT, "%d points (%d with a legal representative, %d with active triggers), %d pages (%,d"
                + " enterprises), %d checks (%d subjects found, %d with candidate triggers, %d restricted)", SAMPLE, seen[0], seen[1], SAMPLE,
                seen[2], SAMPLE, seen[3], seen[4], seen[5]);
        System.out.println("same information from floor, peer and hub on " + sampled);

        // ---- interleaved rounds
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d enterprises, %,d listed; Neo4j %s, Spring Boot %s; asOf %s; %d rounds interleaved per line;"
                + " sample compared: %s", enterprises, listed.size(), neo4j, org.springframework.boot.SpringBootVersion.getVersion(), atText,
                ROUNDS, sampled));
        int cursor = 0;
        for (int threads : new int[] {1, 4}) {
            for (Kind kind : Kind.values()) {
                int n = kind == Kind.PAGE ? Math.max(20, requests / 4) : requests;
                n = threads == 1 ? n : n * 2;
                Map<Sut, List<double[]>> ms = new EnumMap<>(Sut.class);
                Map<Sut, Double> seconds = new EnumMap<>(Sut.class);
                List<double[]> hubServer = new ArrayList<>();
                for (Sut s : Sut.values()) {
                    ms.put(s, new ArrayList<>());
                    seconds.put(s, 0.0);
                    int base = cursor;
                    RestrictionBenchmark.run(4, Math.max(40, n / 4), i -> calls.get(kind).get(s).apply(base + i));
                }
                cursor += n;
                for (int round = 0; round < ROUNDS; round++) {
                    token[0] = issuer.mint(partner).accessToken();
                    for (int k = 0; k < 3; k++) {
                        Sut s = Sut.values()[(round + k) % 3];
                        int base = cursor;
                        ServerTimes.reset();
                        Latencies l = RestrictionBenchmark.run(threads, n, i -> calls.get(kind).get(s).apply(base + i));
                        ms.get(s).add(l.ms());
                        seconds.put(s, seconds.get(s) + l.seconds());
                        if (s == Sut.HUB) {
                            hubServer.add(ServerTimes.taken());
                        }
                    }
                    cursor += n;
                }
                Map<Sut, Latencies> all3 = new EnumMap<>(Sut.class);
                for (Sut s : Sut.values()) {
                    all3.put(s, Latencies.of(concat(ms.get(s)), seconds.get(s)));
                }
                Latencies server = Latencies.of(concat(hubServer), seconds.get(Sut.HUB));
                Latencies f = all3.get(Sut.FLOOR);
                Latencies p = all3.get(Sut.PEER);
                Latencies h = all3.get(Sut.HUB);
                lines.add(String.format(Locale.ROOT, "c=%d %-5s x%,5d | floor %6.2f %7.2f %5.0f/s | peer %6.2f %7.2f %5.0f/s"
                                + " | hub %6.2f %7.2f %5.0f/s (server %6.2f %7.2f) | hub/floor %5.2f %5.2f %4.2f | hub/peer %5.2f %5.2f %4.2f",
                        threads, kind.name().toLowerCase(Locale.ROOT), ROUNDS * n, f.p(0.5), f.p(0.99), f.perSecond(), p.p(0.5), p.p(0.99),
                        p.perSecond(), h.p(0.5), h.p(0.99), h.perSecond(), server.p(0.5), server.p(0.99), h.p(0.5) / f.p(0.5),
                        h.p(0.99) / f.p(0.99), h.perSecond() / f.perSecond(), h.p(0.5) / p.p(0.5), h.p(0.99) / p.p(0.99),
                        h.perSecond() / p.perSecond()));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        lines.add("columns: requests per system (all rounds); p50 p99 ms and requests/s at the client for each; the hub also at the server;"
                + " ratios: p50 and p99 hub/other (> 1: the hub is slower), then requests/s hub/other (> 1: the hub answers more)");
        return lines;
    }

    static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @SuppressWarnings("unchecked")
    static List<Record> records(Object rows) {
        return (List<Record>) rows;
    }

    static CheckRequest request(Ask a, OffsetDateTime at, ZoneId zone) {
        return new CheckRequest(0, a.uscc(), a.personId(), a.domain(), at, at.atZoneSameInstant(zone).toLocalDate(), at);
    }

    static List<String> strings(Driver driver, String cypher) {
        return RestrictionBenchmark.strings(driver, cypher);
    }

    static void same(String what, String floor, String peer, String hub) {
        check(floor.equals(peer) && floor.equals(hub), what + ": answers differ\n floor: " + floor + "\n peer:  " + peer + "\n hub:   " + hub);
    }

    // ---- each answer as one canonical text: what it says, in a fixed order, times as instants

    static String pointFloor(List<Record> records) {
        check(records.size() == 1, "point: " + records.size() + " rows");
        Record r = records.get(0);
        return enterprise(r.get("uscc").asString(), r.get("name").asString(), r.get("reps").asList(v -> v.get("personId").asString()
                + ":" + v.get("name").asString(null))) + " triggers " + r.get("triggers").asList(v -> v.get("id").asString() + ":"
                + v.get("triggerType").asString()).stream().sorted().toList();
    }

    static String pointPeer(String body) {
        JsonNode list = data(body).path("enterprises");
        check(list.size() == 1, "peer point: " + body);
        JsonNode e = list.path(0);
        List<String> triggers = new ArrayList<>();
        e.path("restrictionTriggers").forEach(t -> triggers.add(t.path("id").asString() + ":" + t.path("triggerType").asString()));
        return enterprise(e.path("uscc").asString(), e.path("name").asString(), peerReps(e)) + " triggers " + triggers.stream().sorted().toList();
    }

    static String pointHub(String body) {
        JsonNode e = data(body).path("enterprise");
        List<String> triggers = new ArrayList<>();
        e.path("restrictionTriggers").forEach(t -> triggers.add(t.path("id").asString() + ":" + t.path("type").asString()));
        return enterprise(e.path("uscc").asString(), e.path("name").asString(), hubReps(e)) + " triggers " + triggers.stream().sorted().toList();
    }

    static String pageFloor(List<Record> records) {
        return records.stream().map(r -> enterprise(r.get("uscc").asString(), r.get("name").asString(),
                r.get("reps").asList(v -> v.get("personId").asString() + ":" + v.get("name").asString(null)))).collect(Collectors.joining("; "));
    }

    static String pagePeer(String body) {
        List<String> out = new ArrayList<>();
        data(body).path("enterprises").forEach(e -> out.add(enterprise(e.path("uscc").asString(), e.path("name").asString(), peerReps(e))));
        return String.join("; ", out);
    }

    static String pageHub(String body) {
        List<String> out = new ArrayList<>();
        data(body).path("enterprises").path("edges").forEach(edge -> {
            JsonNode e = edge.path("node");
            out.add(enterprise(e.path("uscc").asString(), e.path("name").asString(), hubReps(e)));
        });
        return String.join("; ", out);
    }

    static String enterprise(String uscc, String name, List<String> reps) {
        return uscc + " " + name + " reps " + reps.stream().sorted().toList();
    }

    static List<String> peerReps(JsonNode e) {
        List<String> reps = new ArrayList<>();
        e.path("legalRepresentativesConnection").path("edges").forEach(x -> reps.add(x.path("node").path("personId").asString() + ":"
                + text(x.path("node").path("name"))));
        return reps;
    }

    /** The hub's field gives one legal representative; the others give all in force that day (one, in the data). */
    static List<String> hubReps(JsonNode e) {
        JsonNode p = e.path("legalRepresentative");
        return p.isNull() || p.isMissingNode() ? List.of() : List.of(p.path("personId").asString() + ":" + text(p.path("name")));
    }

    static String checkFloor(List<Record> records) {
        check(records.size() == 1, "check: " + records.size() + " rows");
        Record r = records.get(0);
        List<String> measures = r.get("measures").asList(m -> m.get("measureId").asString() + ":" + m.get("version").asInt());
        List<String> candidates = r.get("candidates").asList(c -> candidate(c.get("t").get("id").asString(), c.get("t").get("triggerType").asString(),
                c.get("reach").asString(), c.get("via").asString(null), c.get("share").isNull() ? null : c.get("share").asDouble(),
                c.get("nodes").asList(n -> n.get("id").asString())));
        return checkRows(r.get("found").asBoolean(), r.get("name").asString(null), measures, candidates);
    }

    static String checkPeer(String body) {
        JsonNode r = data(body).path("restrictionCheck");
        List<String> measures = new ArrayList<>();
        r.path("measures").forEach(m -> measures.add(m.path("measureId").asString() + ":" + m.path("version").asInt()));
        List<String> candidates = new ArrayList<>();
        r.path("candidates").forEach(c -> {
            List<String> nodes = new ArrayList<>();
            c.path("nodes").forEach(n -> nodes.add(n.path("id").asString()));
            candidates.add(candidate(c.path("t").path("id").asString(), c.path("t").path("triggerType").asString(), c.path("reach").asString(),
                    text(c.path("via")), c.path("share").isNull() ? null : c.path("share").asDouble(), nodes));
        });
        return checkRows(r.path("found").asBoolean(), text(r.path("name")), measures, candidates);
    }

    static String candidate(String trigger, String type, String reach, String via, Double share, List<String> nodes) {
        return trigger + ":" + type + ":" + reach + ":" + via + ":" + (share == null ? null : String.format(Locale.ROOT, "%.4f", share)) + ":" + nodes;
    }

    static String checkRows(boolean found, String name, List<String> measures, List<String> candidates) {
        return "found " + found + " " + name + " measures " + measures.stream().sorted().toList() + " candidates "
                + candidates.stream().sorted().toList();
    }

    static JsonNode data(String body) {
        return RestrictionBenchmark.JSON.readTree(body).path("data");
    }

    static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asString();
    }
}
