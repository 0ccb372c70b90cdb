package org.supervisionhub.graph.sampling;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.sampling.DrawStatus;
import org.supervisionhub.domain.sampling.TaskData.Criteria;
import org.supervisionhub.graph.sampling.Sampling.Assignment;
import org.supervisionhub.graph.sampling.Sampling.Deferral;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.DrawStratum;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.graph.sampling.Sampling.Replacement;
import org.supervisionhub.graph.sampling.Sampling.Skip;
import org.supervisionhub.graph.sampling.Sampling.Substitution;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/**
 * Draws, their frozen pools, the inspections they select, replacements, inspector assignments and
 * substitutions. The statements that matter for draw speed (pool reads, bulk inspection writes,
 * recusal) are here and parameterised; {@code DrawRepositoryTest} runs them against Neo4j.
 */
public class DrawRepository {

    /** Enterprises that can no longer be inspected are never in a pool. */
    public static final List<String> CLOSED_STATUSES = List.of("DEREGISTERED", "REVOKED");

    static final String DRAW = "d {.id, .taskId, .departmentId, .year, .batchNo, .algorithm, .status, .committedAt, .commitment,"
            + " .poolDigest, .poolSize, .strataLabels, .strataSizes, .strataRatios, .strataSelected, .strataOpaque, .strataDigests,"
            + " .executedAt, .entropy,"
            + " .seed, secret: COLLECT { MATCH (s:DrawSecret {drawId: d.id}) WHERE d.status = 'EXECUTED' RETURN s.secret }[0]}";
    static final String INSPECTION = "i {.id, .drawId, .taskId, .uscc, .stratum, .drawOrder, .rank, .status, .drawnBy,"
            + " .inspectedBy, .itemCodes, .plannedOn, .flagged, .assignmentMode, .replacedReason, .replacementOf, .jointOf,"
            + " deferredTo: [(i)-[:DEFERRED_TO]->(l:Inspection) | l.id][0]}";

    // ---- pool (step 1)
    static final String REGIONS_GOVERNED = "MATCH (:Department {id: $departmentId})-[:GOVERNS]->(r:Region)<-[:PART_OF*0..3]-(c:Region)"
            + " WHERE NOT EXISTS { (:Region)-[:PART_OF]->(c) } RETURN DISTINCT c.code AS code";
    static final String REGIONS_UNDER = "UNWIND $codes AS code MATCH (r:Region {code: code})<-[:PART_OF*0..3]-(c:Region)"
            + " WHERE NOT EXISTS { (:Region)-[:PART_OF]->(c) } RETURN DISTINCT c.code AS code";
    static final String CANDIDATES = "UNWIND $regions AS code MATCH (e:Enterprise {regionCode: code})"
            + " WHERE NOT e.status IN $closed AND ($orgTypes IS NULL OR e.orgType IN $orgTypes)"
            + " AND ($scales IS NULL OR e.scale IN $scales) AND ($industries IS NULL OR e.industry IN $industries)"
            // One row per class: a million records cost far more on Bolt than the same USCCs in a few lists.
            + " RETURN e.creditRiskClass AS riskClass, collect(e.uscc) AS usccs";
    static final String CANDIDATES_AMONG = "UNWIND $usccs AS uscc MATCH (e:Enterprise {uscc: uscc})"
            + " WHERE e.regionCode IN $regions AND NOT e.status IN $closed AND ($orgTypes IS NULL OR e.orgType IN $orgTypes)"
            + " AND ($scales IS NULL OR e.scale IN $scales) AND ($industries IS NULL OR e.industry IN $industries)"
            + " RETURN e.uscc AS uscc, e.creditRiskClass AS riskClass";
    static final String TRIGGERED = "MATCH (t:Trigger) WHERE t.departmentId = $departmentId AND t.occurredOn >= $from"
            + " AND t.occurredOn <= $to AND t.type IN $types RETURN DISTINCT t.uscc AS uscc";
    /**
     * DRAW-12: enterprises already at the yearly cap of active inspections. A joint inspection counts once, however many
     * departments' parts it has (PLAN-15): its parts count as their lead inspection.
     */
    static final String AT_YEARLY_CAP = "MATCH (i:Inspection) WHERE i.year = $year AND i.status = 'ACTIVE'"
            + " WITH i.uscc AS uscc, count(DISTINCT coalesce(i.jointOf, i.id)) AS n WHERE n >= $cap RETURN uscc";
    static final String SELECTED_BY_TASK = "MATCH (i:Inspection {taskId: $taskId}) RETURN DISTINCT i.uscc AS uscc";
    static final String COMPLAINED = "MATCH (c:Complaint) WHERE c.receivedOn >= $since AND c.receivedOn <= $until"
            + " MATCH (c)-[:AGAINST]->(e:Enterprise) WITH e.uscc AS uscc, count(c) AS n WHERE n >= $min RETURN uscc";

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
    static final String SKIPPED_OF = "UNWIND $ids AS iid MATCH (i:Inspection {id: iid}) RETURN iid AS key, coalesce(i.skipped, []) AS skipped";
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

    // ---- assignment (steps 13 to 17)
    static final String DISPATCH_DEPARTMENTS = "UNWIND $usccs AS uscc MATCH (:Enterprise {uscc: uscc})-[:LOCATED_IN]->(:Region)"
            + "-[:PART_OF*0..2]->(:Region)<-[:GOVERNS]-(d:Department {sector: $sector, level: $level}) RETURN uscc, d.id AS departmentId";
    static final String NEIGHBOURS = "MATCH (me:Department {id: $departmentId})-[:GOVERNS]->(:Region)-[:PART_OF]->(parent:Region)"
            + " MATCH (parent)<-[:PART_OF]-(:Region)<-[:GOVERNS]-(n:Department {sector: me.sector, level: me.level})"
            + " WHERE n <> me RETURN n.id AS id ORDER BY n.id";
    static final String ELIGIBLE = "UNWIND $departmentIds AS did MATCH (:Department {id: did})<-[:PART_OF]-(u:Unit)<-[:MEMBER_OF]-(i:Inspector)"
            + " WHERE ($unitIds IS NULL OR u.id IN $unitIds)"
            + " AND i.certificateValidFrom <= $on AND i.certificateValidTo >= $on"
            + " AND i.onRosterFrom <= $on AND (i.onRosterTo IS NULL OR i.onRosterTo > $on)"
            + " AND all(x IN $expertise WHERE x IN i.expertise)"
            + " RETURN DISTINCT i.inspectorId AS id ORDER BY id";
    /**
     * ASSIGN-03 recusal on the graph, for many inspections at once: a declared conflict with the
     * enterprise or one of its people; the inspector as a person holding a link to it; the inspector's
     * person related to (kin of, or co-linked in another enterprise with) one of its people; a visit to
     * it within the window. Links count when valid on the inspection date.
     */
    static final String RECUSALS = "UNWIND $usccs AS uscc MATCH (e:Enterprise {uscc: uscc})"
            + " CALL (e) {"
            + "   MATCH (i:Inspector)-[:DECLARED_CONFLICT]->(e) RETURN i.inspectorId AS inspector, 'DECLARED_CONFLICT' AS reason"
            + "   UNION"
            + "   MATCH (i:Inspector)-[:DECLARED_CONFLICT]->(:Person)-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(e)"
            + "   WHERE l.validFrom <= $on AND (l.validTo IS NULL OR l.validTo > $on)"
            + "   RETURN i.inspectorId AS inspector, 'DECLARED_CONFLICT' AS reason"
            + "   UNION"
            + "   MATCH (i:Inspector)-[:IS_PERSON]->(:Person)-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(e)"
            + "   WHERE l.validFrom <= $on AND (l.validTo IS NULL OR l.validTo > $on)"
            + "   RETURN i.inspectorId AS inspector, 'LINKED_TO_ENTERPRISE' AS reason"
            + "   UNION"
            + "   MATCH (e)<-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]-(p:Person)-[:RELATED_TO]-(:Person)<-[:IS_PERSON]-(i:Inspector)"
            + "   WHERE l.validFrom <= $on AND (l.validTo IS NULL OR l.validTo > $on)"
            + "   RETURN i.inspectorId AS inspector, 'LINKED_TO_RELATED_PERSON' AS reason"
            + "   UNION"
            + "   MATCH (e)<-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]-(p:Person)"
            + "         -[l2:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(o:Enterprise)"
            + "         <-[l3:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]-(ip:Person)<-[:IS_PERSON]-(i:Inspector)"
            + "   WHERE o <> e AND ip <> p AND l.validFrom <= $on AND (l.validTo IS NULL OR l.validTo > $on)"
            + "   AND l2.validFrom <= $on AND (l2.validTo IS NULL OR l2.validTo > $on)"
            + "   AND l3.validFrom <= $on AND (l3.validTo IS NULL OR l3.validTo > $on)"
            + "   RETURN i.inspectorId AS inspector, 'LINKED_TO_RELATED_PERSON' AS reason"
            + "   UNION"
            + "   MATCH (e)<-[:TARGETS]-(v:Inspection)-[a:ASSIGNED]->(i:Inspector)"
            + "   WHERE a.droppedAt IS NULL AND v.drawId <> $drawId AND v.plannedOn IS NOT NULL"
            + "   AND v.plannedOn >= $visitFrom AND v.plannedOn <= $visitTo"
            + "   RETURN i.inspectorId AS inspector, 'RECENT_VISIT' AS reason"
            + " }"
            + " WITH uscc, inspector, reason WHERE inspector IN $eligible"
            + " RETURN uscc, inspector, collect(reason) AS reasons";
    static final String RECORD_ASSIGNMENTS = "UNWIND $rows AS row MATCH (i:Inspection {id: row.id})"
            + " SET i.plannedOn = $on, i.processingOrder = row.order, i.required = row.required, i.workloadCap = row.cap,"
            + "  i.eligibleGroup = row.group, i.skipped = row.skipped, i.flagged = row.flagged, i.assignmentMode = row.mode,"
            + "  i.consideredUpTo = row.consideredUpTo"
            + " WITH i, row UNWIND range(0, size(row.assigned) - 1) AS n"
            + " MATCH (p:Inspector {inspectorId: row.assigned[n]})"
            + " CREATE (i)-[:ASSIGNED {position: n + 1, mode: row.mode, at: $now}]->(p)";
    static final String CREATE_ELIGIBLE_GROUP = "CREATE (:EligibleGroup {id: $id, drawId: $drawId, inspectedBy: $inspectedBy,"
            + " on: $on, inspectors: $inspectors, workloadCap: $cap, required: $required, inspections: $inspections, at: $now})";
    static final String ELIGIBLE_GROUPS = "MATCH (g:EligibleGroup {drawId: $drawId}) RETURN g {.*} AS row ORDER BY g.at, g.id";
    static final String ASSIGNMENTS = "MATCH (i:Inspection {drawId: $drawId}) WHERE i.processingOrder IS NOT NULL"
            + " RETURN i.id AS id, i.uscc AS uscc, i.processingOrder AS processingOrder, i.required AS required,"
            + " i.workloadCap AS workloadCap, i.eligibleGroup AS eligibleGroup, i.skipped AS skipped, i.flagged AS flagged,"
            + " i.assignmentMode AS mode, i.inspectedBy AS inspectedBy,"
            + " [(i)-[a:ASSIGNED]->(p:Inspector) WHERE a.droppedAt IS NULL | [a.position, p.inspectorId]] AS assigned"
            + " ORDER BY i.processingOrder";
    static final String ASSIGNED_OF = "UNWIND $ids AS iid MATCH (i:Inspection {id: iid})-[a:ASSIGNED]->(p:Inspector)"
            + " RETURN iid AS key, a.position AS position, p.inspectorId AS inspector, a.mode AS mode, a.droppedAt AS droppedAt"
            + " ORDER BY iid, a.position";
    static final String ASSIGNMENT_STATE = "MATCH (i:Inspection {id: $id})"
            + " RETURN coalesce(i.consideredUpTo, -1) AS consideredUpTo, coalesce(i.skipped, []) AS skipped, i.eligibleGroup AS grp";
    static final String LAST_PROCESSED = "MATCH (i:Inspection {drawId: $drawId}) RETURN coalesce(max(i.processingOrder), 0) AS n";
    static final String LOADS = "MATCH (i:Inspection {drawId: $drawId})-[a:ASSIGNED]->(p:Inspector)"
            + " WHERE a.droppedAt IS NULL AND i.status = 'ACTIVE' RETURN p.inspectorId AS id, count(*) AS n";
    static final String DROP_INSPECTOR = "MATCH (i:Inspection {id: $id})-[a:ASSIGNED]->(:Inspector {inspectorId: $inspector})"
            + " WHERE a.droppedAt IS NULL SET a.droppedAt = $now, a.droppedReason = $reason RETURN count(a) AS n";
    static final String ADD_ASSIGNEE = "MATCH (i:Inspection {id: $id}) MATCH (p:Inspector {inspectorId: $inspector})"
            + " WITH i, p, COUNT { (i)-[:ASSIGNED]->() } AS n"
            + " CREATE (i)-[:ASSIGNED {position: n + 1, mode: $mode, at: $now}]->(p)"
            + " SET i.consideredUpTo = coalesce($consideredUpTo, i.consideredUpTo), i.skipped = coalesce($skipped, i.skipped),"
            + "  i.flagged = $flagged";
    static final String SET_FLAG = "MATCH (i:Inspection {id: $id}) SET i.flagged = $flagged, i.assignmentMode = coalesce($mode, i.assignmentMode),"
            + " i.skipped = coalesce($skipped, i.skipped), i.consideredUpTo = coalesce($consideredUpTo, i.consideredUpTo)";
    static final String RECORD_SUBSTITUTION = "MATCH (i:Inspection {id: $inspectionId})"
            + " CREATE (s:Substitution {inspectionId: $inspectionId, drawId: i.drawId, uscc: i.uscc, dropped: $dropped,"
            + "  substitute: $substitute, reason: $reason, at: $now, actor: $actor})-[:SUBSTITUTES_IN]->(i)";
    static final String SUBSTITUTIONS = "MATCH (s:Substitution {drawId: $drawId}) RETURN s {.*} AS row ORDER BY s.at, s.inspectionId";

    private final Neo4jClient client;

    public DrawRepository(Neo4jClient client) {
        this.client = client;
    }

    // ---- pool

    public List<String> regionsGoverned(String departmentId) {
        return strings(REGIONS_GOVERNED, Map.of("departmentId", departmentId), "code");
    }

    public List<String> regionsUnder(Collection<String> codes) {
        return strings(REGIONS_UNDER, Map.of("codes", List.copyOf(codes)), "code");
    }

    /** Enterprise and its credit-risk class (null when unclassified). */
    public record PoolRow(String uscc, String riskClass) {
    }

    private record PoolClass(String riskClass, List<String> usccs) {
    }

    /** Open enterprises in {@code regions} (leaf region codes) meeting the criteria (DRAW-05). */
    public List<PoolRow> candidates(Collection<String> regions, Criteria criteria) {
        Map<String, Object> p = criteriaParams(criteria);
        p.put("regions", List.copyOf(regions));
        List<PoolRow> out = new ArrayList<>();
        for (PoolClass c : client.query(CANDIDATES).bindAll(p).fetchAs(PoolClass.class).mappedBy((t, r) ->
                new PoolClass(Values.str(r.get("riskClass")), r.get("usccs").asList(Value::asString))).all()) {
            c.usccs().forEach(u -> out.add(new PoolRow(u, c.riskClass())));
        }
        return out;
    }

    /** Of {@code usccs}, the open enterprises in {@code regions} meeting the criteria. */
    public List<PoolRow> candidatesAmong(Collection<String> usccs, Collection<String> regions, Criteria criteria) {
        Map<String, Object> p = criteriaParams(criteria);
        p.put("regions", List.copyOf(regions));
        p.put("usccs", List.copyOf(usccs));
        return client.query(CANDIDATES_AMONG).bindAll(p).fetchAs(PoolRow.class)
                .mappedBy((t, r) -> new PoolRow(r.get("uscc").asString(), Values.str(r.get("riskClass")))).all().stream().toList();
    }

    public Set<String> triggered(String departmentId, List<String> types, LocalDate from, LocalDate to) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentId", departmentId);
        p.put("types", types);
        p.put("from", from);
        p.put("to", to);
        return new HashSet<>(strings(TRIGGERED, p, "uscc"));
    }

    public Set<String> atYearlyCap(int year, int cap) {
        return new HashSet<>(strings(AT_YEARLY_CAP, Map.of("year", year, "cap", cap), "uscc"));
    }

    public Set<String> selectedByTask(String taskId) {
        return new HashSet<>(strings(SELECTED_BY_TASK, Map.of("taskId", taskId), "uscc"));
    }

    public Set<String> complained(LocalDate since, LocalDate until, int min) {
        return new HashSet<>(strings(COMPLAINED, Map.of("since", since, "until", until, "min", min), "uscc"));
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

    public Map<String, List<Skip>> skipped(Collection<String> inspectionIds) {
        Map<String, List<Skip>> out = new HashMap<>();
        client.query(SKIPPED_OF).bind(List.copyOf(inspectionIds)).to("ids").fetch().all().forEach(m -> out.put((String) m.get("key"),
                decode(((List<?>) m.get("skipped")).stream().map(String::valueOf).toList())));
        return out;
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

    // ---- assignment

    /** Enterprise to the department of {@code sector} at {@code level} whose region holds it (DRAW-14 dispatch). */
    public Map<String, String> dispatchDepartments(Collection<String> usccs, String sector, String level) {
        Map<String, String> out = new HashMap<>();
        client.query(DISPATCH_DEPARTMENTS).bindAll(Map.of("usccs", List.copyOf(usccs), "sector", sector, "level", level))
                .fetch().all().forEach(m -> out.put((String) m.get("uscc"), (String) m.get("departmentId")));
        return out;
    }

    /** Departments of the same sector and level under the same parent region (ASSIGN-08 neighbouring regions). */
    public List<String> neighbours(String departmentId) {
        return strings(NEIGHBOURS, Map.of("departmentId", departmentId), "id");
    }

    /** Step 13: inspectors of the departments (optionally only some units) on the roster, certified and expert on {@code on}. */
    public List<String> eligible(Collection<String> departmentIds, List<String> unitIds, List<String> expertise, LocalDate on) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentIds", List.copyOf(departmentIds));
        p.put("unitIds", unitIds == null || unitIds.isEmpty() ? null : unitIds);
        p.put("expertise", expertise == null ? List.of() : expertise);
        p.put("on", on);
        return strings(ELIGIBLE, p, "id");
    }

    /** Recusal reasons per enterprise and inspector (only among {@code eligible}). */
    public Map<String, Map<String, List<String>>> recusals(Collection<String> usccs, Collection<String> eligible, String drawId,
                                                          LocalDate on, int visitWindowDays) {
        Map<String, Object> p = new HashMap<>();
        p.put("usccs", List.copyOf(usccs));
        p.put("eligible", List.copyOf(eligible));
        p.put("drawId", drawId);
        p.put("on", on);
        p.put("visitFrom", on.minusDays(visitWindowDays));
        p.put("visitTo", on.plusDays(visitWindowDays));
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        client.query(RECUSALS).bindAll(p).fetch().all().forEach(m -> out
                .computeIfAbsent((String) m.get("uscc"), k -> new HashMap<>())
                .put((String) m.get("inspector"), ((List<?>) m.get("reasons")).stream().map(String::valueOf).sorted().toList()));
        return out;
    }

    public void createEligibleGroup(String id, String drawId, String inspectedBy, LocalDate on, List<String> inspectors,
                                    int cap, int required, int inspections, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("drawId", drawId);
        p.put("inspectedBy", inspectedBy);
        p.put("on", on);
        p.put("inspectors", inspectors);
        p.put("cap", cap);
        p.put("required", required);
        p.put("inspections", inspections);
        p.put("now", now);
        client.query(CREATE_ELIGIBLE_GROUP).bindAll(p).run();
    }

    public record EligibleGroup(String id, String inspectedBy, LocalDate on, List<String> inspectors, int workloadCap,
                                int required, int inspections) {
    }

    public List<EligibleGroup> eligibleGroups(String drawId) {
        return client.query(ELIGIBLE_GROUPS).bind(drawId).to("drawId").fetchAs(EligibleGroup.class)
                .mappedBy((t, r) -> {
                    MapAccessor m = r.get("row");
                    return new EligibleGroup(m.get("id").asString(), Values.str(m.get("inspectedBy")), Values.date(m.get("on")),
                            Values.strings(m.get("inspectors")), m.get("workloadCap").asInt(), m.get("required").asInt(),
                            m.get("inspections").asInt());
                }).all().stream().toList();
    }

    /** One inspection's assignment outcome, to record. */
    public record AssignmentRow(String inspectionId, int order, int required, int cap, String group, List<String> assigned,
                                List<Skip> skipped, boolean flagged, String mode, int consideredUpTo) {
    }

    public void recordAssignments(List<AssignmentRow> rows, LocalDate on, OffsetDateTime now) {
        for (int i = 0; i < rows.size(); i += 5_000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (AssignmentRow a : rows.subList(i, Math.min(rows.size(), i + 5_000))) {
                Map<String, Object> m = new HashMap<>();
                m.put("id", a.inspectionId());
                m.put("order", a.order());
                m.put("required", a.required());
                m.put("cap", a.cap());
                m.put("group", a.group());
                m.put("assigned", a.assigned());
                m.put("skipped", encode(a.skipped()));
                m.put("flagged", a.flagged());
                m.put("mode", a.mode());
                m.put("consideredUpTo", a.consideredUpTo());
                batch.add(m);
            }
            client.query(RECORD_ASSIGNMENTS).bindAll(Map.of("rows", batch, "on", on, "now", now)).run();
        }
    }

    /** The recorded assignment of every processed inspection of the draw, in processing order (current assignees). */
    public List<Assignment> assignments(String drawId, Map<String, List<String>> eligibleByGroup) {
        return client.query(ASSIGNMENTS).bind(drawId).to("drawId").fetchAs(Assignment.class).mappedBy((t, r) -> {
            List<String> assigned = r.get("assigned").asList(v -> v.asList()).stream()
                    .sorted(java.util.Comparator.comparingLong(l -> ((Number) l.get(0)).longValue()))
                    .map(l -> (String) l.get(1)).toList();
            return new Assignment(r.get("id").asString(), r.get("uscc").asString(), r.get("processingOrder").asInt(),
                    r.get("required").asInt(), r.get("workloadCap").asInt(),
                    eligibleByGroup.getOrDefault(Values.str(r.get("eligibleGroup")), List.of()), assigned,
                    decode(Values.strings(r.get("skipped"))), r.get("flagged").asBoolean(false), Values.str(r.get("mode")),
                    Values.str(r.get("inspectedBy")));
        }).all().stream().toList();
    }

    /** Current and dropped assignees per inspection, in position order. */
    public record Assignee(String inspectorId, int position, String mode, boolean dropped) {
    }

    public Map<String, List<Assignee>> assignees(Collection<String> inspectionIds) {
        Map<String, List<Assignee>> out = new LinkedHashMap<>();
        client.query(ASSIGNED_OF).bind(List.copyOf(inspectionIds)).to("ids").fetch().all().forEach(m -> out
                .computeIfAbsent((String) m.get("key"), k -> new ArrayList<>())
                .add(new Assignee((String) m.get("inspector"), ((Number) m.get("position")).intValue(), (String) m.get("mode"),
                        m.get("droppedAt") != null)));
        return out;
    }

    /** Where the inspection's walk of its inspector order stopped, who was skipped, and its eligible group. */
    public record AssignmentState(int consideredUpTo, List<Skip> skipped, String group) {
    }

    public AssignmentState assignmentState(String inspectionId) {
        return client.query(ASSIGNMENT_STATE).bind(inspectionId).to("id").fetchAs(AssignmentState.class)
                .mappedBy((t, r) -> new AssignmentState(r.get("consideredUpTo").asInt(), decode(Values.strings(r.get("skipped"))),
                        Values.str(r.get("grp")))).one().orElseThrow();
    }

    /** The highest processing order (step 14) given in the draw so far; 0 before any assignment. */
    public int lastProcessingOrder(String drawId) {
        return client.query(LAST_PROCESSED).bind(drawId).to("drawId").fetchAs(Integer.class)
                .mappedBy((t, r) -> r.get("n").asInt()).one().orElse(0);
    }

    public Map<String, Integer> loads(String drawId) {
        Map<String, Integer> out = new HashMap<>();
        client.query(LOADS).bind(drawId).to("drawId").fetch().all()
                .forEach(m -> out.put((String) m.get("id"), ((Number) m.get("n")).intValue()));
        return out;
    }

    public boolean dropInspector(String inspectionId, String inspectorId, String reason, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", inspectionId);
        p.put("inspector", inspectorId);
        p.put("reason", reason);
        p.put("now", now);
        return client.query(DROP_INSPECTOR).bindAll(p).fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L) > 0;
    }

    public void addAssignee(String inspectionId, String inspectorId, String mode, Integer consideredUpTo, List<Skip> skipped,
                            boolean flagged, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", inspectionId);
        p.put("inspector", inspectorId);
        p.put("mode", mode);
        p.put("consideredUpTo", consideredUpTo);
        p.put("skipped", skipped == null ? null : encode(skipped));
        p.put("flagged", flagged);
        p.put("now", now);
        client.query(ADD_ASSIGNEE).bindAll(p).run();
    }

    public void setFlag(String inspectionId, boolean flagged, String mode, List<Skip> skipped, Integer consideredUpTo) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", inspectionId);
        p.put("flagged", flagged);
        p.put("mode", mode);
        p.put("skipped", skipped == null ? null : encode(skipped));
        p.put("consideredUpTo", consideredUpTo);
        client.query(SET_FLAG).bindAll(p).run();
    }

    public void recordSubstitution(String inspectionId, String dropped, String substitute, String reason, String actor,
                                   OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("inspectionId", inspectionId);
        p.put("dropped", dropped);
        p.put("substitute", substitute);
        p.put("reason", reason);
        p.put("actor", actor);
        p.put("now", now);
        client.query(RECORD_SUBSTITUTION).bindAll(p).run();
    }

    public List<Substitution> substitutions(String drawId) {
        return client.query(SUBSTITUTIONS).bind(drawId).to("drawId").fetchAs(Substitution.class).mappedBy((t, r) -> {
            MapAccessor m = r.get("row");
            return new Substitution(Values.str(m.get("inspectionId")), Values.str(m.get("uscc")), Values.str(m.get("dropped")),
                    Values.str(m.get("substitute")), Values.str(m.get("reason")), Values.dateTime(m.get("at")), Values.str(m.get("actor")));
        }).all().stream().toList();
    }

    /** Skips are stored as {@code inspector|REASON} strings. */
    static List<String> encode(List<Skip> skips) {
        return skips.stream().map(s -> s.inspector() + "|" + s.reason()).toList();
    }

    static List<Skip> decode(List<String> raw) {
        return raw.stream().map(s -> {
            int bar = s.lastIndexOf('|');
            return new Skip(s.substring(0, bar), s.substring(bar + 1));
        }).toList();
    }

    // ---- mapping

    private List<String> strings(String cypher, Map<String, Object> params, String column) {
        return List.copyOf(client.query(cypher).bindAll(params).fetchAs(String.class)
                .mappedBy((t, r) -> r.get(column).asString()).all());
    }

    private static Map<String, Object> criteriaParams(Criteria c) {
        Map<String, Object> p = new HashMap<>();
        p.put("closed", CLOSED_STATUSES);
        p.put("orgTypes", c == null || c.orgTypes().isEmpty() ? null : c.orgTypes());
        p.put("scales", c == null || c.scales().isEmpty() ? null : c.scales());
        p.put("industries", c == null || c.industries().isEmpty() ? null : c.industries());
        return p;
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
