package org.supervisionhub.graph.synthetic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Loads the deterministic synthetic province: organisation, checklists, inspectors, enterprises
 * with persons and links, complaints and roster changes. Enterprises stream in batches; the next
 * batch is generated on another thread while the current one is written.
 */
public final class SyntheticProvince {

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
        long[] created = new long[2];
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
            loadEnterprises(session, created, enterprises, options.batchSize());
            Inspectors.Links links = Inspectors.links(seed, inspectors, enterprises);
            write(session, created,
                    new Statement(SyntheticCypher.LINK_INSPECTOR_PERSONS, links.persons()),
                    new Statement(SyntheticCypher.DECLARE_ENTERPRISE_CONFLICTS, links.enterpriseConflicts()),
                    new Statement(SyntheticCypher.DECLARE_PERSON_CONFLICTS, links.personConflicts()));
        }
        return new LoadReport(options.enterprises(), enterprises.persons(), created[0], created[1],
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static void loadEnterprises(Session session, long[] created, Enterprises enterprises, int batchSize) {
        ExecutorService generator = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "synthetic-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            // Generation is sequential on one thread (it has a little state); writing overlaps it.
            Future<Enterprises.Batch> pending = generator.submit(() -> enterprises.next(batchSize));
            while (true) {
                Enterprises.Batch batch = pending.get();
                if (batch == null) {
                    break;
                }
                pending = generator.submit(() -> enterprises.next(batchSize));
                write(session, created,
                        new Statement(SyntheticCypher.CREATE_ENTERPRISES, batch.rows()),
                        new Statement(SyntheticCypher.LINK_REPRESENTATIVES, batch.reps()),
                        new Statement(SyntheticCypher.LINK_ENTERPRISE_SHAREHOLDERS, batch.holders()),
                        new Statement(SyntheticCypher.LINK_BRANCHES, batch.branches()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading enterprises", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating enterprises failed", e.getCause());
        } finally {
            generator.shutdownNow();
        }
    }

    /** Runs the statements in one write transaction and adds the created node and relationship counts. */
    private static void write(Session session, long[] created, Statement... statements) {
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
        created[0] += counts[0];
        created[1] += counts[1];
    }
}
