package org.supervisionhub.graph.synthetic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Loads the deterministic synthetic province: organisation, checklists, inspectors, enterprises
 * with persons and links, complaints and roster changes.
 *
 * <p>Enterprises stream in batches: one thread generates them in order while {@link #WRITERS}
 * sessions write them concurrently, one transaction per batch. The server-side work (Cypher, index
 * and store updates at commit) is the bottleneck and runs on the writing thread, so concurrent
 * transactions are what use more than one core. Links that may point into another batch (a reused
 * legal representative, an enterprise shareholder, a head office) are written in a later
 * transaction, once every batch they can reference has committed.
 */
public final class SyntheticProvince {

    /** Concurrent write transactions; two keep both cores of a small machine busy. */
    static final int WRITERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));

    private SyntheticProvince() {
    }

    /** A statement and its list parameter; empty lists are skipped. */
    private record Statement(String cypher, List<Map<String, Object>> rows) {
    }

    /** Loads the whole province (organisation, checklists, inspectors, enterprises with persons and links, complaints, roster changes) into an EMPTY database through the driver. */
    public static LoadReport load(Driver driver, SyntheticOptions options) {
        long start = System.nanoTime();
        long seed = options.seed();
        SessionConfig config = options.database() == null || options.database().isBlank()
                ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(options.database());
        Counts created = new Counts();
        Enterprises enterprises = new Enterprises(seed, options.enterprises());
        List<Inspectors.Inspector> inspectors = Inspectors.generate(seed);
        try (Session session = driver.session(config)) {
            write(session, created,
                    new Statement(SyntheticCypher.CREATE_REGIONS, Province.regionRows()),
                    new Statement(SyntheticCypher.LINK_REGIONS,
                            Province.regionRows().stream().filter(r -> r.containsKey("parent")).toList()),
                    new Statement(SyntheticCypher.CREATE_BUSINESS_LINES, Province.lineRows()),
                    new Statement(SyntheticCypher.CREATE_DEPARTMENTS, Province.departmentRows()),
                    new Statement(SyntheticCypher.LINK_DEPARTMENTS,
                            Province.departmentRows().stream().filter(r -> r.containsKey("superior")).toList()),
                    new Statement(SyntheticCypher.CREATE_UNITS, Province.unitRows()));
            write(session, created,
                    new Statement(SyntheticCypher.CREATE_CHECKLISTS, Checklists.versionRows()),
                    new Statement(SyntheticCypher.LINK_CHECKLISTS, Checklists.supersedesRows()),
                    new Statement(SyntheticCypher.CREATE_INSPECTORS, Inspectors.rows(inspectors)));
        }
        CrossLinks pending = loadEnterprises(driver, config, created, enterprises, options.batchSize());
        try (Session session = driver.session(config)) {
            write(session, created, pending.takeAll());
            Inspectors.Links links = Inspectors.links(seed, inspectors, enterprises);
            write(session, created,
                    new Statement(SyntheticCypher.LINK_INSPECTOR_PERSONS, links.persons()),
                    new Statement(SyntheticCypher.DECLARE_ENTERPRISE_CONFLICTS, links.enterpriseConflicts()),
                    new Statement(SyntheticCypher.DECLARE_PERSON_CONFLICTS, links.personConflicts()));
        }
        return new LoadReport(options.enterprises(), enterprises.persons(), created.nodes.get(), created.relationships.get(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static final Enterprises.Batch END = new Enterprises.Batch(-1, List.of(), List.of(), List.of(), List.of());

    private static CrossLinks loadEnterprises(Driver driver, SessionConfig config, Counts created, Enterprises enterprises,
                                              int batchSize) {
        int batches = (enterprises.count() + batchSize - 1) / batchSize;
        CrossLinks pending = new CrossLinks(batches);
        BlockingQueue<Enterprises.Batch> queue = new ArrayBlockingQueue<>(WRITERS);
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1, r -> {
            Thread t = new Thread(r, "synthetic-load-" + threadNo.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            // Generation is sequential (it keeps a little state) and stays ahead of the writers.
            tasks.add(pool.submit(() -> {
                for (Enterprises.Batch b = enterprises.next(batchSize); b != null; b = enterprises.next(batchSize)) {
                    queue.put(b);
                }
                for (int w = 0; w < WRITERS; w++) {
                    queue.put(END);
                }
                return null;
            }));
            for (int w = 0; w < WRITERS; w++) {
                tasks.add(pool.submit(() -> {
                    try (Session session = driver.session(config)) {
                        for (Enterprises.Batch b = queue.take(); b != END; b = queue.take()) {
                            List<Statement> work = new ArrayList<>();
                            work.add(new Statement(SyntheticCypher.CREATE_ENTERPRISES, b.rows()));
                            work.addAll(List.of(pending.takeReady()));
                            pending.offer(b);
                            write(session, created, work.toArray(Statement[]::new));
                            pending.committed(b.seq());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading enterprises", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException("loading enterprises failed", e.getCause());
        } finally {
            pool.shutdownNow(); // on failure this interrupts the generator and the other writers
        }
        return pending;
    }

    /** Cross-batch links waiting until every batch they may reference has committed. */
    private static final class CrossLinks {

        private final boolean[] committed;
        private final List<Enterprises.Batch> waiting = new ArrayList<>();
        /** All batches up to this sequence number have committed. */
        private int watermark = -1;

        CrossLinks(int batches) {
            committed = new boolean[batches];
        }

        synchronized void offer(Enterprises.Batch b) {
            waiting.add(b);
        }

        synchronized void committed(int seq) {
            committed[seq] = true;
            while (watermark + 1 < committed.length && committed[watermark + 1]) {
                watermark++;
            }
        }

        /** Links of batch k only reference enterprises of batches ≤ k, so they are safe once the watermark reaches k. */
        synchronized Statement[] takeReady() {
            List<Enterprises.Batch> ready = new ArrayList<>();
            waiting.removeIf(b -> b.seq() <= watermark && ready.add(b));
            return statements(ready);
        }

        synchronized Statement[] takeAll() {
            List<Enterprises.Batch> all = new ArrayList<>(waiting);
            waiting.clear();
            return statements(all);
        }

        private static Statement[] statements(List<Enterprises.Batch> batches) {
            List<Map<String, Object>> reps = new ArrayList<>();
            List<Map<String, Object>> holders = new ArrayList<>();
            List<Map<String, Object>> branches = new ArrayList<>();
            for (Enterprises.Batch b : batches) {
                reps.addAll(b.reps());
                holders.addAll(b.holders());
                branches.addAll(b.branches());
            }
            return new Statement[]{
                    new Statement(SyntheticCypher.LINK_REPRESENTATIVES, reps),
                    new Statement(SyntheticCypher.LINK_ENTERPRISE_SHAREHOLDERS, holders),
                    new Statement(SyntheticCypher.LINK_BRANCHES, branches)};
        }
    }

    private static final class Counts {
        final AtomicLong nodes = new AtomicLong();
        final AtomicLong relationships = new AtomicLong();
    }

    /** Runs the statements in one write transaction and adds the created node and relationship counts. */
    private static void write(Session session, Counts created, Statement... statements) {
        List<Statement> work = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.rows().isEmpty()) {
                work.add(s);
            }
        }
        if (work.isEmpty()) {
            return;
        }
        long[] counts = session.executeWrite(tx -> {
            long[] c = new long[2];
            for (Statement s : work) {
                SummaryCounters counters = tx.run(s.cypher(), Map.of("rows", s.rows())).consume().counters();
                c[0] += counters.nodesCreated();
                c[1] += counters.relationshipsCreated();
            }
            return c;
        });
        created.nodes.addAndGet(counts[0]);
        created.relationships.addAndGet(counts[1]);
    }
}
