package org.supervisionhub.graph.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Group;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.BatchImporterFactory;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.internal.batchimport.input.Groups;
import org.neo4j.internal.batchimport.staging.ExecutionMonitor;
import org.neo4j.internal.batchimport.staging.ExecutionMonitors;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.layout.recordstorage.RecordDatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.EmptyLogTailMetadata;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;

/**
 * Writes the synthetic province into a store that does not exist yet with Neo4j's own bulk importer (the machinery
 * behind {@code neo4j-admin database import}, through its {@link Input} API: no CSV, no transactions), before the
 * server starts. The rows are the very ones {@link SyntheticProvince#load} sends over Bolt, turned into nodes and
 * relationships with the same labels, types and properties (integers as 64-bit integers, lists as arrays, dates as
 * dates, instants as date-times), so both paths give the same graph ({@code ProvinceImportTest} compares them).
 *
 * <p>The importer reads nodes and relationships in two passes; each pass regenerates the province from the seed
 * (generation is cheap next to the writes and keeps memory flat). Node ids are the nodes' keys, prefixed by label,
 * resolved by the importer's id mapper, so links into any batch need no ordering. The token lookup indexes are
 * built by the importer; constraints and other indexes come from {@code GraphMigrations} once the server runs.
 */
public final class ProvinceImport {

    private ProvinceImport() {
    }

    /** True when {@code neo4jHome} holds no store for the database yet (the importer only writes a new one). */
    public static boolean storeAbsent(Path neo4jHome, String database) {
        return !Files.exists(layout(neo4jHome, database).metadataStore());
    }

    /**
     * Imports the province into the database's store under {@code neo4jHome} (the embedded server's home), which must
     * not exist yet; start the server afterwards. The report counts what was written.
     */
    public static LoadReport importInto(Path neo4jHome, String database, SyntheticOptions options) throws IOException {
        return importInto(neo4jHome, database, options, null);
    }

    /** As {@link #importInto(Path, String, SyntheticOptions)}, printing the importer's stages and their times to {@code progress} when given. */
    public static LoadReport importInto(Path neo4jHome, String database, SyntheticOptions options, PrintStream progress)
            throws IOException {
        long start = System.nanoTime();
        Config config = config(neo4jHome);
        RecordDatabaseLayout layout = layout(neo4jHome, database);
        if (Files.exists(layout.metadataStore())) {
            throw new IllegalStateException("a store already exists at " + layout.databaseDirectory() + "; the bulk import only writes a new one");
        }
        Groups groups = new Groups();
        Group group = groups.getOrCreate(null);
        Counts counts = new Counts();
        long n = options.enterprises();
        // Generous estimates (about 3.6 nodes and 5.4 relationships per enterprise): the importer sizes its caches by them.
        Input.Estimates estimates = Input.knownEstimates(20_000 + 4 * n, 30_000 + 6 * n, (20_000 + 4 * n) * 6, (30_000 + 6 * n) * 2,
                (20_000 + 4 * n) * 6 * 24, (30_000 + 6 * n) * 2 * 8, 20_000 + 4 * n);
        Input input = Input.input(
                new Pass(() -> new Source(options, true, counts), group),
                new Pass(() -> new Source(options, false, counts), group),
                IdType.STRING, estimates, groups);
        Configuration configuration = new Configuration() {
            @Override
            public IndexConfig indexConfig() {
                // The two token lookup indexes a new database has (MATCH (n:Label) and by type use them).
                return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
            }
        };
        try (JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
             DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            BatchImporter importer = BatchImporterFactory.withHighestPriority().instantiate(layout, fs, PageCacheTracer.NULL,
                    configuration, NullLogService.getInstance(),
                    progress == null ? ExecutionMonitor.INVISIBLE : ExecutionMonitors.defaultVisible(Monitor.NO_MONITOR, progress, progress), DefaultAdditionalIds.EMPTY,
                    new EmptyLogTailMetadata(config), config, Monitor.NO_MONITOR, scheduler,
                    // Strict: a duplicate key or a link to a missing node fails the import instead of being skipped.
                    Collector.STRICT, TransactionLogInitializer.getLogFilesInitializer(), new IndexImporterFactoryImpl(),
                    EmptyMemoryTracker.INSTANCE, CursorContextFactory.NULL_CONTEXT_FACTORY);
            importer.doImport(input);
        }
        return new LoadReport(options.enterprises(), counts.persons, counts.nodes, counts.relationships,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static Config config(Path neo4jHome) {
        return Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, neo4jHome.toAbsolutePath()).build();
    }

    private static RecordDatabaseLayout layout(Path neo4jHome, String database) {
        Config config = config(neo4jHome);
        String name = database == null || database.isBlank() ? config.get(GraphDatabaseSettings.initial_default_database) : database;
        return RecordDatabaseLayout.of(Neo4jLayout.of(config), name);
    }

    /** What the passes wrote; each field is written by one pass only, read after the import. */
    private static final class Counts {
        volatile long nodes;
        volatile long relationships;
        volatile long persons;
    }

    // ---- entities ----

    /** A node or relationship as the importer's visitor takes it; {@code props} alternates keys and values. */
    private interface Entity {
        void visit(InputEntityVisitor visitor, Group group) throws IOException;
    }

    private record Node(String id, String[] labels, Object[] props) implements Entity {
        @Override
        public void visit(InputEntityVisitor v, Group group) throws IOException {
            v.id(id, group);
            v.labels(labels);
            properties(v, props);
            v.endOfEntity();
        }
    }

    private record Rel(String start, String type, String end, Object[] props) implements Entity {
        @Override
        public void visit(InputEntityVisitor v, Group group) throws IOException {
            v.startId(start, group);
            v.endId(end, group);
            v.type(type);
            properties(v, props);
            v.endOfEntity();
        }
    }

    private static void properties(InputEntityVisitor v, Object[] props) {
        for (int p = 0; p < props.length; p += 2) {
            Object value = props[p + 1];
            if (value != null) { // as Cypher's SET and CREATE: a null property is no property
                v.property((String) props[p], value);
            }
        }
    }

    /** Key-value pairs from a loader map, converted as Bolt would send them: Integer as long, lists as arrays. */
    private static Object[] props(Map<String, Object> map) {
        Object[] out = new Object[map.size() * 2];
        int k = 0;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            out[k++] = e.getKey();
            out[k++] = value(e.getValue());
        }
        return out;
    }

    private static Object[] props(Object... keysAndValues) {
        for (int k = 1; k < keysAndValues.length; k += 2) {
            keysAndValues[k] = value(keysAndValues[k]);
        }
        return keysAndValues;
    }

    private static Object value(Object v) {
        if (v instanceof Integer i) {
            return i.longValue(); // Bolt has one integer type, 64 bits
        }
        if (v instanceof List<?> list) {
            return list.stream().map(x -> (String) x).toArray(String[]::new); // the province's lists hold strings only
        }
        return v;
    }

    private static String[] labels(String... labels) {
        return labels;
    }

    /** A node's id: its key, prefixed by its label (keys of different labels may look alike). */
    private static String id(String label, Object key) {
        return label + ":" + key;
    }

    // ---- the province as entities, mirroring SyntheticCypher statement by statement ----

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** Organisation, checklists, inspectors and their roster changes: CREATE_REGIONS ... CREATE_INSPECTORS. */
    private static List<Entity> organisation(boolean nodes, List<Inspectors.Inspector> inspectors) {
        List<Entity> out = new ArrayList<>();
        for (Map<String, Object> r : Province.regionRows()) {
            if (nodes) {
                out.add(new Node(id("Region", r.get("code")), labels("Region"), props("code", r.get("code"), "name", r.get("name"), "level", r.get("level"))));
            } else if (r.containsKey("parent")) {
                out.add(new Rel(id("Region", r.get("code")), "PART_OF", id("Region", r.get("parent")), props()));
            }
        }
        for (Map<String, Object> l : Province.lineRows()) {
            if (nodes) {
                out.add(new Node(id("BusinessLine", l.get("code")), labels("BusinessLine"), props("code", l.get("code"), "name", l.get("name"), "sector", l.get("sector"))));
            }
        }
        for (Map<String, Object> d : Province.departmentRows()) {
            if (nodes) {
                out.add(new Node(id("Department", d.get("id")), labels("Department"),
                        props("id", d.get("id"), "name", d.get("name"), "sector", d.get("sector"), "level", d.get("level"))));
            } else {
                out.add(new Rel(id("Department", d.get("id")), "GOVERNS", id("Region", d.get("region")), props()));
                if (d.containsKey("superior")) {
                    out.add(new Rel(id("Department", d.get("id")), "REPORTS_TO", id("Department", d.get("superior")), props()));
                }
            }
        }
        for (Map<String, Object> u : Province.unitRows()) {
            if (nodes) {
                out.add(new Node(id("Unit", u.get("id")), labels("Unit"), props("id", u.get("id"), "name", u.get("name"), "role", u.get("role"))));
            } else {
                out.add(new Rel(id("Unit", u.get("id")), "PART_OF", id("Department", u.get("department")), props()));
                for (Object code : (List<?>) u.get("lines")) {
                    out.add(new Rel(id("Unit", u.get("id")), "RUNS_LINE", id("BusinessLine", code), props()));
                }
            }
        }
        for (Map<String, Object> c : Checklists.versionRows()) {
            Map<String, Object> vp = map(c.get("props"));
            if (nodes) {
                out.add(new Node(id("ChecklistVersion", vp.get("id")), labels("ChecklistVersion"), props(vp)));
            } else {
                out.add(new Rel(id("ChecklistVersion", vp.get("id")), "ISSUED_BY", id("Department", c.get("department")), props()));
            }
            for (Map<String, Object> it : list(c.get("items"))) {
                Map<String, Object> ip = map(it.get("props"));
                if (nodes) {
                    out.add(new Node(id("InspectionItem", ip.get("id")), labels("InspectionItem"), props(ip)));
                } else {
                    out.add(new Rel(id("ChecklistVersion", vp.get("id")), "HAS_ITEM", id("InspectionItem", ip.get("id")), props("position", it.get("position"))));
                }
            }
        }
        if (!nodes) {
            for (Map<String, Object> s : Checklists.supersedesRows()) {
                out.add(new Rel(id("ChecklistVersion", s.get("newer")), "SUPERSEDES", id("ChecklistVersion", s.get("older")), props()));
            }
        }
        for (Map<String, Object> i : Inspectors.rows(inspectors)) {
            Map<String, Object> ip = map(i.get("props"));
            String id = id("Inspector", ip.get("inspectorId"));
            if (nodes) {
                out.add(new Node(id, labels("Inspector"), props(ip)));
            } else {
                out.add(new Rel(id, "MEMBER_OF", id("Unit", i.get("unit")), props()));
            }
            for (Map<String, Object> c : list(i.get("changes"))) {
                if (nodes) {
                    out.add(new Node(id("RosterChange", c.get("id")), labels("RosterChange"), props("id", c.get("id"), "roster", c.get("roster"),
                            "kind", c.get("kind"), "subjectKey", c.get("subjectKey"), "occurredOn", c.get("occurredOn"),
                            "recordedAt", c.get("recordedAt"))));
                } else {
                    out.add(new Rel(id("RosterChange", c.get("id")), "CHANGED", id, props()));
                }
            }
        }
        return out;
    }

    /** One batch of enterprises: CREATE_ENTERPRISES and the cross-batch links (the id mapper resolves any batch). */
    private static List<Entity> enterprises(boolean nodes, Enterprises.Batch batch) {
        List<Entity> out = new ArrayList<>(batch.rows().size() * (nodes ? 4 : 6));
        for (Map<String, Object> row : batch.rows()) {
            Map<String, Object> ep = map(row.get("props"));
            String e = id("Enterprise", ep.get("uscc"));
            if (nodes) {
                out.add(new Node(e, labels("Enterprise"), props(ep)));
            } else {
                out.add(new Rel(e, "LOCATED_IN", id("Region", row.get("region")), props()));
                out.add(new Rel(e, "REGISTERED_WITH", id("Department", row.get("registrar")), props()));
            }
            for (Map<String, Object> p : list(row.get("persons"))) {
                String id = id("Person", p.get("id"));
                if (nodes) {
                    out.add(new Node(id, labels("Person"), props("personId", p.get("id"), "name", p.get("name"))));
                    continue;
                }
                for (Map<String, Object> l : list(p.get("rep"))) {
                    out.add(new Rel(id, "LEGAL_REPRESENTATIVE_OF", e, props("validFrom", l.get("from"), "validTo", l.get("to"))));
                }
                for (Map<String, Object> l : list(p.get("off"))) {
                    out.add(new Rel(id, "OFFICER_OF", e, props("role", l.get("role"), "validFrom", l.get("from"), "validTo", l.get("to"))));
                }
                for (Map<String, Object> l : list(p.get("sh"))) {
                    out.add(new Rel(id, "SHAREHOLDER_OF", e, props("sharePct", l.get("pct"), "validFrom", l.get("from"), "validTo", l.get("to"))));
                }
            }
            for (Map<String, Object> c : list(row.get("changes"))) {
                if (nodes) {
                    out.add(new Node(id("RosterChange", c.get("id")), labels("RosterChange"), props("id", c.get("id"), "roster", c.get("roster"),
                            "kind", c.get("kind"), "subjectKey", c.get("subjectKey"), "occurredOn", c.get("occurredOn"),
                            "discoveredOn", c.get("discoveredOn"), "recordedAt", c.get("recordedAt"))));
                } else {
                    out.add(new Rel(id("RosterChange", c.get("id")), "CHANGED", e, props()));
                }
            }
            for (Map<String, Object> c : list(row.get("complaints"))) {
                if (nodes) {
                    out.add(new Node(id("Complaint", c.get("id")), labels("Complaint"), props("id", c.get("id"), "kind", c.get("kind"),
                            "receivedOn", c.get("receivedOn"), "channel", c.get("channel"), "summary", c.get("summary"))));
                } else {
                    out.add(new Rel(id("Complaint", c.get("id")), "AGAINST", e, props()));
                    out.add(new Rel(id("Complaint", c.get("id")), "RECEIVED_BY", id("Department", c.get("department")), props()));
                }
            }
        }
        if (!nodes) {
            for (Map<String, Object> l : batch.reps()) {
                out.add(new Rel(id("Person", l.get("person")), "LEGAL_REPRESENTATIVE_OF", id("Enterprise", l.get("uscc")),
                        props("validFrom", l.get("from"), "validTo", l.get("to"))));
            }
            for (Map<String, Object> l : batch.holders()) {
                out.add(new Rel(id("Enterprise", l.get("holder")), "SHAREHOLDER_OF", id("Enterprise", l.get("uscc")),
                        props("sharePct", l.get("pct"), "validFrom", l.get("from"), "validTo", l.get("to"))));
            }
            for (Map<String, Object> l : batch.branches()) {
                out.add(new Rel(id("Enterprise", l.get("branch")), "BRANCH_OF", id("Enterprise", l.get("head")),
                        props("validFrom", l.get("from"), "validTo", l.get("to"))));
            }
        }
        return out;
    }

    /** LINK_INSPECTOR_PERSONS and the two DECLARE_*_CONFLICTS, once every enterprise has been generated. */
    private static List<Entity> inspectorLinks(Inspectors.Links links) {
        List<Entity> out = new ArrayList<>();
        for (Map<String, Object> l : links.persons()) {
            out.add(new Rel(id("Inspector", l.get("inspector")), "IS_PERSON", id("Person", l.get("person")), props()));
        }
        for (Map<String, Object> l : links.enterpriseConflicts()) {
            out.add(new Rel(id("Inspector", l.get("inspector")), "DECLARED_CONFLICT", id("Enterprise", l.get("uscc")),
                    props("reason", l.get("reason"), "declaredOn", l.get("declaredOn"))));
        }
        for (Map<String, Object> l : links.personConflicts()) {
            out.add(new Rel(id("Inspector", l.get("inspector")), "DECLARED_CONFLICT", id("Person", l.get("person")),
                    props("reason", l.get("reason"), "declaredOn", l.get("declaredOn"))));
        }
        return out;
    }

    /** One pass over the province from its seed: the organisation, the enterprise batches, then (relationships) the inspectors' links. */
    private static final class Source implements Iterator<List<Entity>> {

        private final SyntheticOptions options;
        private final boolean nodes;
        private final Counts counts;
        private final Enterprises enterprises;
        private final List<Inspectors.Inspector> inspectors;
        private int stage; // 0: organisation, 1: enterprises, 2: inspector links, 3: done
        private List<Entity> ahead;
        private long written;

        Source(SyntheticOptions options, boolean nodes, Counts counts) {
            this.options = options;
            this.nodes = nodes;
            this.counts = counts;
            this.enterprises = new Enterprises(options.seed(), options.enterprises());
            this.inspectors = Inspectors.generate(options.seed());
        }

        @Override
        public boolean hasNext() {
            while (ahead == null && stage < 3) {
                switch (stage) {
                    case 0 -> {
                        ahead = organisation(nodes, inspectors);
                        stage = 1;
                    }
                    case 1 -> {
                        Enterprises.Batch b = enterprises.next(options.batchSize());
                        if (b == null) {
                            stage = 2;
                        } else {
                            ahead = enterprises(nodes, b);
                        }
                    }
                    default -> {
                        if (!nodes) {
                            ahead = inspectorLinks(Inspectors.links(options.seed(), inspectors, enterprises));
                        }
                        stage = 3;
                        if (nodes) {
                            counts.persons = enterprises.persons();
                        }
                    }
                }
            }
            return ahead != null;
        }

        @Override
        public List<Entity> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<Entity> next = ahead;
            ahead = null;
            written += next.size();
            // A pass may be read again (the importer decides): each iteration regenerates and sets the same counts.
            if (nodes) {
                counts.nodes = written;
            } else {
                counts.relationships = written;
            }
            return next;
        }
    }

    /** Hands the importer's threads one generated list at a time; generation itself is sequential. */
    private record Pass(Supplier<Iterator<List<Entity>>> source, Group group) implements InputIterable {
        @Override
        public InputIterator iterator() {
            Iterator<List<Entity>> lists = source.get();
            return new InputIterator() {
                @Override
                public InputChunk newChunk() {
                    return new Chunk(group);
                }

                @Override
                public boolean next(InputChunk chunk) {
                    List<Entity> next;
                    synchronized (this) {
                        if (!lists.hasNext()) {
                            return false;
                        }
                        next = lists.next();
                    }
                    ((Chunk) chunk).fill(next);
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static final class Chunk implements InputChunk {

        private final Group group;
        private List<Entity> entities = List.of();
        private int position;

        Chunk(Group group) {
            this.group = group;
        }

        void fill(List<Entity> next) {
            entities = next;
            position = 0;
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            if (position >= entities.size()) {
                return false;
            }
            entities.get(position++).visit(visitor, group);
            return true;
        }

        @Override
        public void close() {
        }
    }
}
