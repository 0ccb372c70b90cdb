package org.supervisionhub.graph.sampling;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.sampling.DrawStatus;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.graph.sampling.Sampling.Deferral;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.DrawStratum;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Replacement;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/**
 * Draws (vdraw-1 steps 2 to 12): their commitments and frozen pools, execution, the inspections they select,
 * replacements and DRAW-13 deferrals. The pool a draw reads is {@link PoolRepository}'s, inspector assignment
 * {@link AssignmentRepository}'s. The statements that matter for draw speed (bulk inspection writes, overlaps) are
 * here and parameterised.
 */
public class DrawRepository {

    static final String DRAW = "d {.id, .taskId, .departmentId, .year, .batchNo, .algorithm, .status, .committedAt, .commitment,"
            + " .poolDigest, .poolSize, .strataLabels, .strataSizes, .strataRatios, .strataSelected, .strataOpaque, .strataDigests,"
            + " .executedAt, .entropy,"
            + " .seed, secret: COLLECT { MATCH (s:DrawSecret {drawId: d.id}) WHERE d.status = 'EXECUTED' RETURN s.secret }[0]}";
    static final String INSPECTION = "i {.id, .drawId, .taskId, .uscc, .stratum, .drawOrder, .rank, .status, .drawnBy,"
            + " .inspectedBy, .itemCodes, .plannedOn, .flagged, .assignmentMode, .replacedReason, .replacementOf, .jointOf,"
            + " deferredTo: [(i)-[:DEFERRED_TO]->(l:Inspection) | l.id][0]}";

    // ---- draws (steps 2 to 11)
    static final String NEXT_BATCH = "MATCH (t:SamplingTask {id: $taskId}) SET t.lock = true REMOVE t.lock"
            + " WITH t OPTIONAL MATCH (d:Draw {taskId: t.id}) RETURN coalesce(max(d.batchNo), 0) + 1 AS n,"
            + " count(CASE WHEN d.status = 'COMMITTED' THEN 1 END) AS pending";
    static final String CREATE_DRAW = "MATCH (t:SamplingTask {id: $taskId})"
            + " CREATE (d:Draw {id: $id, taskId: $taskId, departmentId: t.departmentId, year: t.year, batchNo: $batchNo,"
            + "  algorithm: $algorithm, status: 'COMMITTED', committedAt: $now, commitment: $commitment, poolDigest: $poolDigest,"
            + "  poolSize: $poolSize, strataLabels: $labels, strataSizes: $sizes, strataRatios: $ratios, strataSelected: $selected,"
            + "  strataOpaque: $opaque, strataDigests: $digests, committedBy: $actor})-[:DRAW_OF]->(t)"
            + " CREATE (:DrawSecret {drawId: $id, secret: $secret})";
    static final String CREATE_POOL_CHUNKS = "UNWIND $chunks AS c CREATE (:DrawPoolChunk {drawId: $drawId, seq: c.seq, lines: c.lines, data: c.data})";
    static final String POOL_CHUNKS = "MATCH (c:DrawPoolChunk {drawId: $drawId}) RETURN c.data AS data ORDER BY c.seq";
    /** Fills what a draw committed before vdraw-1 Amendment 1 lacks; the lock makes concurrent fills keep the first. */
    static final String FILL_DISCLOSURE = "MATCH (d:Draw {id: $drawId}) SET d.disclosureLock = true REMOVE d.disclosureLock"
            + " WITH d SET d.strataOpaque = coalesce(d.strataOpaque, $opaque), d.strataDigests = coalesce(d.strataDigests, $digests)";
    static final String SECRET = "MATCH (s:DrawSecret {drawId: $drawId}) RETURN s.secret AS secret";
    static final String DRAWS_BY_ID = "MATCH (d:Draw) WHERE d.id IN $ids RETURN " + DRAW + " AS row";
    static final String DRAWS_OF_TASKS = "UNWIND $ids AS tid MATCH (d:Draw {taskId: tid}) RETURN tid AS key, " + DRAW + " AS row ORDER BY tid, d.batchNo";
    static final String DRAWS_NEWEST = "MATCH (d:Draw) WHERE d.committedAt IS NOT NULL"
            + " AND ($departmentIds IS NULL OR d.departmentId IN $departmentIds) AND ($status IS NULL OR d.status = $status)"
            + " AND ($after IS NULL OR d.committedAt < $afterAt OR (d.committedAt = $afterAt AND d.id > $after))"
            + " RETURN d.id AS key ORDER BY d.committedAt DESC, d.id SKIP $skip LIMIT $limit";
    /** Takes the draw's write lock and returns its status as committed by anyone before us. */
    static final String LOCK_DRAW = "MATCH (d:Draw {id: $id}) SET d.lock = true REMOVE d.lock WITH d RETURN d.status AS status";
    /** Written only over the status the draw (the domain's {@code SamplingDraw}) decided from: executed once (DRAW-01). */
    static final String EXECUTE = "MATCH (d:Draw {id: $id}) WHERE d.status = 'COMMITTED'"
            + " SET d.status = 'EXECUTED', d.executedAt = $now, d.entropy = $entropy, d.seed = $seed, d.executedBy = $actor";
    static final String CREATE_INSPECTIONS = "UNWIND $rows AS row MATCH (e:Enterprise {uscc: row.uscc})"
            + " CREATE (i:Inspection {id: row.id, drawId: $drawId, taskId: $taskId, year: $year, uscc: row.uscc,"
            + "  stratum: row.stratum, drawOrder: row.order, rank: row.rank, status: 'ACTIVE', drawnBy: $drawnBy,"
            + "  inspectedBy: row.inspectedBy, itemCodes: $itemCodes, replacementOf: row.replacementOf, createdAt: $now})"
            + " CREATE (i)-[:TARGETS]->(e)";
    static final String INSPECTIONS_BY_ID = "MATCH (i:Inspection) WHERE i.id IN $ids RETURN " + INSPECTION + " AS row";
    static final String INSPECTIONS_OF_DRAW = "MATCH (i:Inspection) WHERE i.drawId = $drawId"
            + " AND ($status IS NULL OR i.status = $status) RETURN " + INSPECTION + " AS row";
    /** A draw's selection: its inspections, not the participants' parts of joint ones (those hang off each). */
    static final String INSPECTION_PAGES = "UNWIND $ids AS did CALL (did) { MATCH (i:Inspection) WHERE i.drawId = did"
            + " AND i.jointOf IS NULL AND ($after IS NULL OR i.id > $after) RETURN i ORDER BY i.id LIMIT $limit }"
            + " RETURN did AS key, " + INSPECTION + " AS row ORDER BY did, i.id";
    static final String INSPECTIONS_OF_ENTERPRISES = "UNWIND $usccs AS uscc MATCH (:Enterprise {uscc: uscc})<-[:TARGETS]-(i:Inspection)"
            + " RETURN uscc AS key, " + INSPECTION + " AS row ORDER BY uscc, i.year DESC, i.id";
    static final String INSPECTION_COUNTS = "UNWIND $ids AS did MATCH (i:Inspection {drawId: did}) WHERE i.jointOf IS NULL"
            + " RETURN did AS key, count(i) AS n";

    // ---- replacement (step 12)
    static final String MARK_REPLACED = "MATCH (i:Inspection {drawId: $drawId, uscc: $uscc}) WHERE i.status = 'ACTIVE'"
            + " SET i.status = 'REPLACED', i.replacedReason = $reason, i.replacedAt = $now, i.replacedBy = $actor"
            + " WITH i OPTIONAL MATCH (i)-[a:ASSIGNED]->() WHERE a.droppedAt IS NULL"
            + " SET a.droppedAt = $now, a.droppedReason = 'TARGET_REPLACED' RETURN count(DISTINCT i) AS n";
    static final String REPLACEMENTS = "UNWIND $ids AS did MATCH (i:Inspection {drawId: did})"
            + " WHERE i.replacementOf IS NOT NULL AND i.jointOf IS NULL"
            + " MATCH (old:Inspection {drawId: did, uscc: i.replacementOf}) WHERE old.jointOf IS NULL"
            + " RETURN did AS drawId, old.uscc AS replaced, i.uscc AS replacement, i.stratum AS stratum, old.replacedReason AS reason,"
            + " old.replacedAt AS at, old.replacedBy AS actor ORDER BY i.createdAt, i.id";

    // ---- DRAW-13
    /** Active inspections of the same enterprises in the same year, drawn by a department above or below ours, sharing an item. */
    /**
     * Active inspections of the same enterprises in the same year, drawn by a department above or below ours,
     * sharing an item. Driven from the inspections by uscc (index), and run before this draw's own inspections
     * exist: starting from the year's inspections made it quadratic in the draw size.
     */
    static final String OVERLAPS = "MATCH (me:Department {id: $departmentId})"
            + " MATCH (o:Inspection) WHERE o.uscc IN $usccs AND o.year = $year AND o.status = 'ACTIVE' AND o.drawId <> $drawId"
            + " AND any(c IN o.itemCodes WHERE c IN $itemCodes)"
            + " MATCH (other:Department {id: o.drawnBy})"
            + " WITH o, other, me, EXISTS { (me)-[:REPORTS_TO*1..3]->(other) } AS weAreLower,"
            + "  EXISTS { (other)-[:REPORTS_TO*1..3]->(me) } AS weAreHigher"
            + " WHERE weAreLower OR weAreHigher"
            + " RETURN o.uscc AS uscc, o.id AS other, weAreLower, [c IN o.itemCodes WHERE c IN $itemCodes] AS shared";
    static final String DEFER = "UNWIND $rows AS row MATCH (sup:Inspection {id: row.superior}) MATCH (low:Inspection {id: row.lower})"
            + " CREATE (sup)-[:DEFERRED_TO {itemCodes: row.itemCodes, at: $now}]->(low)"
            + " SET sup.deferredItems = coalesce(sup.deferredItems, []) + row.itemCodes"
            + " WITH sup WHERE all(c IN sup.itemCodes WHERE c IN sup.deferredItems) SET sup.status = 'DEFERRED'";
    static final String DEFERRALS = "MATCH (sup:Inspection)-[r:DEFERRED_TO]->(low:Inspection)"
            + " WHERE sup.drawId = $drawId OR low.drawId = $drawId"
            + " RETURN sup.id AS superior, low.id AS lower, low.uscc AS uscc, r.itemCodes AS items, r.at AS at ORDER BY low.uscc, sup.id";

    private final Neo4jClient client;

    public DrawRepository(Neo4jClient client) {
        this.client = client;
    }

    // ---- draws

    /** Locks the task; the next batch number and how many of its draws are committed but not executed. */
    public int[] nextBatch(String taskId) {
        return client.query(NEXT_BATCH).bind(taskId).to("taskId").fetchAs(int[].class)
                .mappedBy((t, r) -> new int[] {r.get("n").asInt(), r.get("pending").asInt()}).one().orElseThrow();
    }

    /** A chunk of the frozen pool: {@code lines} lines of {@code L}, gzip-compressed. */
    public record PoolChunk(int seq, int lines, byte[] data) {
    }

    public void createDraw(String id, String taskId, int batchNo, String algorithm, String commitment, String poolDigest,
                           int poolSize, List<DrawStratum> strata, String secretHex, List<PoolChunk> chunks, String actor,
                           OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("taskId", taskId);
        p.put("batchNo", batchNo);
        p.put("algorithm", algorithm);
        p.put("commitment", commitment);
        p.put("poolDigest", poolDigest);
        p.put("poolSize", poolSize);
        p.put("labels", strata.stream().map(DrawStratum::label).toList());
        p.put("sizes", strata.stream().map(DrawStratum::size).toList());
        p.put("ratios", strata.stream().map(DrawStratum::ratio).toList());
        p.put("selected", strata.stream().map(DrawStratum::selectedCount).toList());
        p.put("opaque", strata.stream().map(DrawStratum::opaqueLabel).toList());
        p.put("digests", strata.stream().map(DrawStratum::digest).toList());
        p.put("secret", secretHex);
        p.put("actor", actor);
        p.put("now", now);
        client.query(CREATE_DRAW).bindAll(p).run();
        List<Map<String, Object>> rows = chunks.stream()
                .map(c -> Map.<String, Object>of("seq", c.seq(), "lines", c.lines(), "data", c.data())).toList();
        for (int i = 0; i < rows.size(); i += 20) {
            client.query(CREATE_POOL_CHUNKS).bindAll(Map.of("drawId", id, "chunks", rows.subList(i, Math.min(rows.size(), i + 20)))).run();
        }
    }

    public List<byte[]> poolChunks(String drawId) {
        return List.copyOf(client.query(POOL_CHUNKS).bind(drawId).to("drawId").fetchAs(byte[].class)
                .mappedBy((t, r) -> r.get("data").asByteArray()).all());
    }

    /** Stores opaque labels and member digests (in the order of the draw's strata) where the draw has none yet. */
    public void fillDisclosure(String drawId, List<String> opaque, List<String> digests) {
        client.query(FILL_DISCLOSURE).bindAll(Map.of("drawId", drawId, "opaque", opaque, "digests", digests)).run();
    }

    /** The unpublished secret (hex); only the draw service reads it. */
    public String secret(String drawId) {
        return client.query(SECRET).bind(drawId).to("drawId").fetchAs(String.class)
                .mappedBy((t, r) -> r.get("secret").asString()).one().orElseThrow();
    }

    public Map<String, Draw> draws(Collection<String> ids) {
        return KeyedRows.unique(client, DRAWS_BY_ID, Map.of("ids", List.copyOf(ids)), DrawRepository::draw, Draw::id);
    }

    public Optional<Draw> draw(String id) {
        return Optional.ofNullable(draws(List.of(id)).get(id));
    }

    public Map<String, List<Draw>> drawsOfTasks(Collection<String> taskIds) {
        return KeyedRows.grouped(client, DRAWS_OF_TASKS, Map.of("ids", List.copyOf(taskIds)), DrawRepository::draw);
    }

    /** Draws newest first; by keyset cursor ({@code after}) or by page number ({@code skip}). */
    public Page<Draw> newest(Collection<String> departmentIds, String status, int first, String after, int skip) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentIds", departmentIds == null ? null : List.copyOf(departmentIds));
        p.put("status", status);
        Cursor c = after == null ? null : Cursor.decode(after, 2);
        p.put("after", c == null ? null : c.key(1));
        p.put("afterAt", c == null ? null : OffsetDateTime.parse(c.key(0)));
        p.put("skip", skip);
        p.put("limit", first + 1);
        List<Draw> rows = KeyedRows.inOrder(client.query(DRAWS_NEWEST).bindAll(p).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("key").asString()).all(), this::draws);
        return Page.of(rows, first, d -> Cursor.encode(d.committedAt().toString(), d.id()));
    }

    /** Takes the draw's write lock (held to the end of the transaction); its status, or empty when there is no such draw. */
    public Optional<DrawStatus> lock(String drawId) {
        return client.query(LOCK_DRAW).bind(drawId).to("id").fetchAs(String.class)
                .mappedBy((t, r) -> r.get("status").asString()).one().map(DrawStatus::valueOf);
    }

    public void markExecuted(String drawId, String entropy, String seedHex, String actor, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", drawId);
        p.put("entropy", entropy);
        p.put("seed", seedHex);
        p.put("actor", actor);
        p.put("now", now);
        if (client.query(EXECUTE).bindAll(p).run().counters().propertiesSet() == 0) {
            throw new IllegalStateException("draw " + drawId + " is no longer COMMITTED: the execution was not written");
        }
    }

    /** A new inspection row: id, uscc, stratum, order, rank (hex), inspectedBy, replacementOf (or null). */
    public record NewInspection(String id, String uscc, String stratum, int order, String rank, String inspectedBy,
                                String replacementOf) {
    }

    public void createInspections(Draw draw, String drawnBy, List<String> itemCodes, List<NewInspection> rows, OffsetDateTime now) {
        for (int i = 0; i < rows.size(); i += 10_000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (NewInspection n : rows.subList(i, Math.min(rows.size(), i + 10_000))) {
                Map<String, Object> m = new HashMap<>();
                m.put("id", n.id());
                m.put("uscc", n.uscc());
                m.put("stratum", n.stratum());
                m.put("order", n.order());
                m.put("rank", n.rank());
                m.put("inspectedBy", n.inspectedBy());
                m.put("replacementOf", n.replacementOf());
                batch.add(m);
            }
            Map<String, Object> p = new HashMap<>();
            p.put("rows", batch);
            p.put("drawId", draw.id());
            p.put("taskId", draw.taskId());
            p.put("year", draw.year());
            p.put("drawnBy", drawnBy);
            p.put("itemCodes", itemCodes);
            p.put("now", now);
            client.query(CREATE_INSPECTIONS).bindAll(p).run();
        }
    }

    public Map<String, Inspection> inspections(Collection<String> ids) {
        return KeyedRows.unique(client, INSPECTIONS_BY_ID, Map.of("ids", List.copyOf(ids)), DrawRepository::inspection, Inspection::id);
    }

    public List<Inspection> inspectionsOfDraw(String drawId, InspectionStatus status) {
        Map<String, Object> p = new HashMap<>();
        p.put("drawId", drawId);
        p.put("status", status == null ? null : status.name());
        return client.query(INSPECTIONS_OF_DRAW).bindAll(p).fetchAs(Inspection.class)
                .mappedBy((t, r) -> inspection(r.get("row"))).all().stream().toList();
    }

    /** The first {@code first} inspections (by id, after {@code after}) of each draw, in one statement. */
    public Map<String, List<Inspection>> inspectionPages(Collection<String> drawIds, int limit, String afterId) {
        Map<String, Object> p = new HashMap<>();
        p.put("ids", List.copyOf(drawIds));
        p.put("after", afterId);
        p.put("limit", limit);
        return KeyedRows.grouped(client, INSPECTION_PAGES, p, DrawRepository::inspection);
    }

    public Map<String, List<Inspection>> inspectionsOfEnterprises(Collection<String> usccs) {
        return KeyedRows.grouped(client, INSPECTIONS_OF_ENTERPRISES, Map.of("usccs", List.copyOf(usccs)), DrawRepository::inspection);
    }

    public Map<String, Integer> inspectionCounts(Collection<String> drawIds) {
        Map<String, Integer> out = new HashMap<>();
        client.query(INSPECTION_COUNTS).bind(List.copyOf(drawIds)).to("ids").fetch().all()
                .forEach(m -> out.put((String) m.get("key"), ((Number) m.get("n")).intValue()));
        return out;
    }

    // ---- replacement

    /** Marks the draw's active inspection of {@code uscc} replaced; false when there is none. */
    public boolean markReplaced(String drawId, String uscc, String reason, String actor, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("drawId", drawId);
        p.put("uscc", uscc);
        p.put("reason", reason);
        p.put("actor", actor);
        p.put("now", now);
        return client.query(MARK_REPLACED).bindAll(p).fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L) > 0;
    }

    public List<Replacement> replacements(String drawId) {
        return replacements(List.of(drawId)).getOrDefault(drawId, List.of());
    }

    /** Replacements per draw, in the order they were made. */
    public Map<String, List<Replacement>> replacements(Collection<String> drawIds) {
        Map<String, List<Replacement>> out = new LinkedHashMap<>();
        client.query(REPLACEMENTS).bind(List.copyOf(drawIds)).to("ids").fetchAs(Replacement.class)
                .mappedBy((t, r) -> new Replacement(r.get("drawId").asString(), r.get("replaced").asString(), r.get("replacement").asString(),
                        r.get("stratum").asString(), Values.str(r.get("reason")), Values.dateTime(r.get("at")), Values.str(r.get("actor"))))
                .all().forEach(x -> out.computeIfAbsent(x.drawId(), k -> new ArrayList<>()).add(x));
        return out;
    }

    // ---- DRAW-13

    /** Another level's active inspection of the same enterprise and item: {@code weAreLower} says who inspects. */
    public record Overlap(String uscc, String otherInspectionId, boolean weAreLower, List<String> sharedItems) {
    }

    public List<Overlap> overlaps(String drawId, String departmentId, int year, Collection<String> usccs, List<String> itemCodes) {
        Map<String, Object> p = new HashMap<>();
        p.put("drawId", drawId);
        p.put("departmentId", departmentId);
        p.put("year", year);
        p.put("usccs", List.copyOf(usccs));
        p.put("itemCodes", itemCodes);
        return client.query(OVERLAPS).bindAll(p).fetchAs(Overlap.class)
                .mappedBy((t, r) -> new Overlap(r.get("uscc").asString(), r.get("other").asString(), r.get("weAreLower").asBoolean(),
                        Values.strings(r.get("shared")))).all().stream().toList();
    }

    public void defer(List<Deferral> deferrals, OffsetDateTime now) {
        List<Map<String, Object>> rows = deferrals.stream().map(d -> Map.<String, Object>of(
                "superior", d.superiorInspectionId(), "lower", d.lowerInspectionId(), "itemCodes", d.itemCodes())).toList();
        client.query(DEFER).bindAll(Map.of("rows", rows, "now", now)).run();
    }

    public List<Deferral> deferrals(String drawId) {
        return client.query(DEFERRALS).bind(drawId).to("drawId").fetchAs(Deferral.class)
                .mappedBy((t, r) -> new Deferral(r.get("superior").asString(), r.get("lower").asString(), r.get("uscc").asString(),
                        Values.strings(r.get("items")), Values.dateTime(r.get("at")))).all().stream().toList();
    }

    // ---- mapping

    private List<String> strings(String cypher, Map<String, Object> params, String column) {
        return List.copyOf(client.query(cypher).bindAll(params).fetchAs(String.class)
                .mappedBy((t, r) -> r.get(column).asString()).all());
    }

    static Draw draw(MapAccessor m) {
        List<String> labels = Values.strings(m.get("strataLabels"));
        List<String> ratios = Values.strings(m.get("strataRatios"));
        List<Integer> sizes = m.get("strataSizes").asList(v -> v.asInt());
        List<Integer> selected = m.get("strataSelected").asList(v -> v.asInt());
        List<String> opaque = m.get("strataOpaque").isNull() ? null : Values.strings(m.get("strataOpaque"));
        List<String> digests = m.get("strataDigests").isNull() ? null : Values.strings(m.get("strataDigests"));
        List<DrawStratum> strata = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            strata.add(new DrawStratum(labels.get(i), sizes.get(i), ratios.get(i), selected.get(i),
                    opaque == null ? null : opaque.get(i), digests == null ? null : digests.get(i)));
        }
        return new Draw(Values.str(m.get("id")), Values.str(m.get("taskId")), Values.str(m.get("departmentId")),
                m.get("year").asInt(), m.get("batchNo").asInt(), Values.str(m.get("algorithm")),
                DrawStatus.valueOf(m.get("status").asString()), Values.dateTime(m.get("committedAt")),
                Values.str(m.get("commitment")), Values.str(m.get("poolDigest")), m.get("poolSize").asInt(), strata,
                Values.dateTime(m.get("executedAt")), Values.str(m.get("entropy")), Values.str(m.get("seed")),
                Values.str(m.get("secret")));
    }

    static Inspection inspection(MapAccessor m) {
        return new Inspection(Values.str(m.get("id")), Values.str(m.get("drawId")), Values.str(m.get("taskId")),
                Values.str(m.get("uscc")), Values.str(m.get("stratum")), m.get("drawOrder").asInt(), Values.str(m.get("rank")),
                InspectionStatus.valueOf(m.get("status").asString()), Values.str(m.get("drawnBy")), Values.str(m.get("inspectedBy")),
                Values.strings(m.get("itemCodes")), Values.date(m.get("plannedOn")), m.get("flagged").asBoolean(false),
                Values.str(m.get("assignmentMode")), Values.str(m.get("replacedReason")), Values.str(m.get("replacementOf")),
                Values.str(m.get("deferredTo")), Values.str(m.get("jointOf")));
    }
}
