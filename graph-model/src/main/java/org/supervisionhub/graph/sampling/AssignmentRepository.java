package org.supervisionhub.graph.sampling;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.sampling.Sampling.Assignment;
import org.supervisionhub.graph.sampling.Sampling.Skip;
import org.supervisionhub.graph.sampling.Sampling.Substitution;
import org.supervisionhub.graph.store.Values;

/**
 * Inspector assignment, vdraw-1 steps 13 to 17: where a unified draw's inspections go (DRAW-14), who is eligible
 * (ASSIGN-01/02/07) and who must recuse (ASSIGN-03) on a day, the eligible groups, the random match as recorded, the
 * assignees, substitutions (ASSIGN-04) and flags (ASSIGN-08). {@code DrawRepositoryTest} runs the eligibility and recusal
 * statements against Neo4j; the writes run through the sampling API tests.
 */
public class AssignmentRepository {

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

    static final String SKIPPED_OF = "UNWIND $ids AS iid MATCH (i:Inspection {id: iid}) RETURN iid AS key, coalesce(i.skipped, []) AS skipped";

    private final Neo4jClient client;

    public AssignmentRepository(Neo4jClient client) {
        this.client = client;
    }

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
    public Map<String, List<Skip>> skipped(Collection<String> inspectionIds) {
        Map<String, List<Skip>> out = new HashMap<>();
        client.query(SKIPPED_OF).bind(List.copyOf(inspectionIds)).to("ids").fetch().all().forEach(m -> out.put((String) m.get("key"),
                decode(((List<?>) m.get("skipped")).stream().map(String::valueOf).toList())));
        return out;
    }

    static List<String> encode(List<Skip> skips) {
        return skips.stream().map(s -> s.inspector() + "|" + s.reason()).toList();
    }

    static List<Skip> decode(List<String> raw) {
        return raw.stream().map(s -> {
            int bar = s.lastIndexOf('|');
            return new Skip(s.substring(0, bar), s.substring(bar + 1));
        }).toList();
    }


    private List<String> strings(String cypher, Map<String, Object> params, String column) {
        return List.copyOf(client.query(cypher).bindAll(params).fetchAs(String.class)
                .mappedBy((t, r) -> r.get(column).asString()).all());
    }

}
