package org.supervisionhub.api.publicsite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.supervisionhub.api.BenchmarkSupport;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.graph.publicsite.PublicSite.ResultQuery;
import org.supervisionhub.graph.publicsite.PublicSiteRepository;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * The public result search on the synthetic province. Not a test: run by {@code bench/public-search-benchmark.sh}.
 * Arguments: {@code [enterprises=1000000] [resultFile] [requests=2000]}.
 * <ol>
 *   <li>A fresh embedded Neo4j (page cache 2048 MiB) with the province (BenchmarkSupport.loadProvince).</li>
 *   <li>Published results for 5% of the enterprises (seeded): a random department, category and end date in the year, 1% of
 *       them with an objection under review, 1% withheld (PUB-11).</li>
 *   <li>Searches as the site sends them, first page of 20 with the total, through {@link PublicSiteRepository} (the statement the
 *       page's JSON comes from): by USCC, by a full enterprise name, by a 4-character fragment of one, by department and month,
 *       by category and department, and the unfiltered newest list, equally mixed, one at a time after a warm-up.</li>
 * </ol>
 * Target: p99 <= 50 ms.
 */
public final class PublicSearchBenchmark {

    static final long PAGE_CACHE_MB = BenchmarkSupport.pageCacheMb();
    static final String PASSWORD = "public-search-benchmark-password";
    static final double PUBLISHED = 0.05;
    static final LocalDate YEAR = LocalDate.of(2026, 1, 1);

    private PublicSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path resultFile = Path.of(args.length > 1 ? args[1] : "bench/results/public-search.txt");
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Path home = Files.createTempDirectory("hub-public-search-benchmark");
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, PAGE_CACHE_MB, PASSWORD);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD),
                     Config.builder().withLogging(Logging.none()).build())) {
            double loadSeconds = BenchmarkSupport.loadProvince(driver, enterprises, home);
            Random random = new Random(20260101);
            List<String> usccs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            driver.executableQuery("MATCH (e:Enterprise) RETURN e.uscc AS u, e.name AS n ORDER BY e.uscc").execute().records().forEach(r -> {
                if (random.nextDouble() < PUBLISHED) {
                    usccs.add(r.get("u").asString());
                    names.add(r.get("n").asString());
                }
            });
            List<String> departments = driver.executableQuery("MATCH (d:Department) RETURN d.id AS id ORDER BY d.id").execute().records()
                    .stream().map(r -> r.get("id").asString()).toList();
            ResultCategory[] categories = ResultCategory.values();
            long seedStart = System.nanoTime();
            for (int from = 0; from < usccs.size(); from += 5_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = from; i < Math.min(usccs.size(), from + 5_000); i++) {
                    LocalDate ended = YEAR.plusDays(random.nextInt(330));
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", "BENCH-R" + i);
                    row.put("uscc", usccs.get(i));
                    row.put("name", names.get(i));
                    row.put("dept", departments.get(random.nextInt(departments.size())));
                    row.put("category", categories[random.nextInt(categories.length)].name());
                    row.put("ended", ended);
                    row.put("published", ended.plusDays(5 + random.nextInt(20)).atTime(10, 0).atOffset(ZoneOffset.UTC));
                    row.put("review", random.nextDouble() < 0.01);
                    row.put("withheld", random.nextDouble() < 0.01 ? OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC) : null);
                    rows.add(row);
                }
                // Published as ResultRepository.PUBLISH leaves a result: with the enterprise's name kept for the name search.
                driver.executableQuery("UNWIND $rows AS x CREATE (r:InspectionResult {id: x.id, uscc: x.uscc, inspectingDepartment: x.dept,"
                        + " category: x.category, endedOn: x.ended, status: 'PUBLISHED', publishedAt: x.published, withheldAt: x.withheld,"
                        + " enterpriseName: x.name})"
                        + " FOREACH (_ IN CASE WHEN x.review THEN [1] ELSE [] END |"
                        + "  CREATE (:ResultObjection {id: x.id + '-O', resultId: x.id, status: 'UNDER_REVIEW'})-[:AGAINST]->(r))")
                        .withParameters(Map.of("rows", rows)).execute();
            }
            driver.executableQuery("CALL db.awaitIndexes(600)").execute();
            System.out.printf(Locale.ROOT, "published results: %,d in %.1f s%n", usccs.size(), BenchmarkSupport.ms(seedStart) / 1000);

            PublicSiteRepository repository = new PublicSiteRepository(driver, null);
            String[] kinds = {"uscc", "name", "fragment", "department+month", "category+department", "newest"};
            List<Runnable> warm = new ArrayList<>();
            double[][] ms = new double[kinds.length][requests / kinds.length];
            long[] hits = new long[kinds.length];
            for (int round = 0; round < 2; round++) {
                boolean measure = round == 1;
                for (int n = 0; n < ms[0].length; n++) {
                    for (int k = 0; k < kinds.length; k++) {
                        int i = random.nextInt(usccs.size());
                        String name = names.get(i);
                        int month = 1 + random.nextInt(11);
                        String dept = departments.get(random.nextInt(departments.size()));
                        ResultQuery q = switch (k) {
                            case 0, 1, 5 -> new ResultQuery(k == 1 ? name : null, null, null, null, null);
                            case 2 -> new ResultQuery(name.substring(Math.max(0, name.length() / 2 - 2), Math.min(name.length(), name.length() / 2 + 2)),
                                    null, null, null, null);
                            case 3 -> new ResultQuery(null, dept, LocalDate.of(2026, month, 1), LocalDate.of(2026, month, 1).plusMonths(1).minusDays(1), null);
                            default -> new ResultQuery(null, dept, null, null, categories[random.nextInt(categories.length)].name());
                        };
                        long start = System.nanoTime();
                        long total = repository.results(q, k == 0 ? usccs.get(i) : null, 0, 20).total();
                        double took = BenchmarkSupport.ms(start);
                        if (measure) {
                            ms[k][n] = took;
                            hits[k] += total;
                        }
                    }
                }
            }
            StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "public result search | enterprises %,d | published %,d | load %.0f s",
                    enterprises, usccs.size(), loadSeconds));
            double[] all = new double[0];
            for (int k = 0; k < kinds.length; k++) {
                double[] sorted = ms[k].clone();
                Arrays.sort(sorted);
                all = concat(all, sorted);
                summary.append(String.format(Locale.ROOT, " | %s p50=%.1f p99=%.1f ms (mean hits %.0f)", kinds[k], p(sorted, 0.5), p(sorted, 0.99),
                        hits[k] / (double) sorted.length));
            }
            Arrays.sort(all);
            summary.append(String.format(Locale.ROOT, " | all %,d p50=%.1f p90=%.1f p99=%.1f max=%.1f ms | load average %s", all.length, p(all, 0.5),
                    p(all, 0.9), p(all, 0.99), all[all.length - 1], BenchmarkSupport.loadAverage()));
            System.out.println(summary);
            BenchmarkSupport.appendResult(resultFile, PAGE_CACHE_MB, summary.toString());
        } finally {
            BenchmarkSupport.deleteRecursively(home);
        }
    }

    static double p(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
