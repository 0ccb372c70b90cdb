package org.supervisionhub.graph.sampling;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.sampling.TaskData.RosterScope;
import org.supervisionhub.graph.sampling.Sampling.Participation;
import org.supervisionhub.graph.sampling.Sampling.ParticipationStatus;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * Joint tasks (PLAN-15, ASSIGN-13): a {@code Participation} node per invited department,
 * {@code (p)-[:PARTICIPATES_IN]->(task)}, {@code (p)-[:PARTICIPANT]->(department)} and, once confirmed,
 * {@code (p)-[:CONTRIBUTES]->(item)}; and the parts of a joint inspection, one {@code Inspection} per confirmed
 * participant with {@code jointOf} naming the lead's inspection, which is the one the draw selected. Writes that
 * depend on the task's state take the task's write lock first, as commits do.
 */
public class JointRepository {

    static final String PARTICIPATION = "p {.*, itemIds: COLLECT { MATCH (p)-[c:CONTRIBUTES]->(i:InspectionItem) RETURN i.id ORDER BY c.position }}";

    /** Takes the task's write lock (serialising with commitDraw) and returns whether the task has a draw. */
    static final String LOCK_TASK = "MATCH (t:SamplingTask {id: $taskId}) SET t.lock = true REMOVE t.lock"
            + " RETURN EXISTS { (:Draw {taskId: t.id}) } AS drawn";
    static final String INVITE = "MATCH (t:SamplingTask {id: $taskId}) UNWIND $departmentIds AS did MATCH (d:Department {id: did})"
            + " CREATE (p:Participation {id: $taskId + '-P-' + did, taskId: $taskId, departmentId: did, status: 'INVITED',"
            + "  invitedAt: $now, invitedBy: $actor})"
            + " CREATE (p)-[:PARTICIPATES_IN]->(t) CREATE (p)-[:PARTICIPANT]->(d)";
    static final String ANSWER = "MATCH (p:Participation {id: $id})"
            + " SET p.status = $status, p.answeredAt = $now, p.answeredBy = $actor, p.inspectorCount = $inspectorCount,"
            + "  p.rosterUnitIds = $unitIds, p.neighbouringRegions = $neighbouringRegions, p.declineReason = $declineReason"
            + " WITH p OPTIONAL MATCH (p)-[c:CONTRIBUTES]->() DELETE c"
            + " WITH DISTINCT p UNWIND range(0, size($itemIds) - 1) AS n MATCH (i:InspectionItem {id: $itemIds[n]})"
            + " CREATE (p)-[:CONTRIBUTES {position: n}]->(i)";
    static final String OF_TASKS = "UNWIND $ids AS tid MATCH (p:Participation {taskId: tid})"
            + " RETURN tid AS key, " + PARTICIPATION + " AS row ORDER BY tid, p.departmentId";
    static final String OF_DEPARTMENTS = "MATCH (p:Participation) WHERE p.departmentId IN $departmentIds"
            + " AND ($status IS NULL OR p.status = $status)"
            + " RETURN p.departmentId AS key, " + PARTICIPATION + " AS row ORDER BY p.invitedAt DESC, p.id";
    /** PLAN-15: the joint tasks of a plan with an invitation unanswered, or a confirmed participant without items. */
    static final String NOT_READY = "MATCH (t:SamplingTask {planId: $planId, status: 'ACTIVE'})<-[:PARTICIPATES_IN]-(p:Participation)"
            + " WHERE ($taskId IS NULL OR t.id = $taskId)"
            + " AND (p.status = 'INVITED' OR (p.status = 'CONFIRMED' AND NOT EXISTS { (p)-[:CONTRIBUTES]->() }))"
            + " RETURN p.id AS id ORDER BY p.id";

    /** Of the selected enterprises, those in the leaf regions a participant governs (its part is territorial). */
    static final String WITHIN = "UNWIND $usccs AS uscc MATCH (e:Enterprise {uscc: uscc}) WHERE e.regionCode IN $regions"
            + " RETURN e.uscc AS uscc";
    /** One part per participant and lead inspection: same draw, target, stratum and rank; the participant draws and inspects it. */
    static final String CREATE_PARTS = "UNWIND $rows AS row MATCH (lead:Inspection {id: row.jointOf})-[:TARGETS]->(e:Enterprise)"
            + " CREATE (i:Inspection {id: row.id, drawId: lead.drawId, taskId: lead.taskId, year: lead.year, uscc: lead.uscc,"
            + "  stratum: lead.stratum, drawOrder: lead.drawOrder, rank: lead.rank, status: 'ACTIVE', drawnBy: row.departmentId,"
            + "  inspectedBy: row.departmentId, itemCodes: row.itemCodes, replacementOf: lead.replacementOf, jointOf: lead.id,"
            + "  createdAt: $now})"
            + " CREATE (i)-[:TARGETS]->(e) CREATE (i)-[:JOINT_PART_OF]->(lead)";
    static final String JOINT_LEADS = "UNWIND $ids AS lid MATCH (i:Inspection {jointOf: lid}) RETURN DISTINCT lid AS id";
    static final String PARTS_OF = "UNWIND $ids AS lid MATCH (i:Inspection {jointOf: lid})"
            + " RETURN lid AS key, " + DrawRepository.INSPECTION + " AS row ORDER BY lid, i.inspectedBy";

    private final Neo4jClient client;

    public JointRepository(Neo4jClient client) {
        this.client = client;
    }

    /** Locks the task against a concurrent commit; true when it already has a draw. */
    public boolean lockTask(String taskId) {
        return client.query(LOCK_TASK).bind(taskId).to("taskId").fetchAs(Boolean.class)
                .mappedBy((t, r) -> r.get("drawn").asBoolean()).one().orElse(false);
    }

    public void invite(String taskId, Collection<String> departmentIds, String actor, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("taskId", taskId);
        p.put("departmentIds", List.copyOf(departmentIds));
        p.put("actor", actor);
        p.put("now", now);
        client.query(INVITE).bindAll(p).run();
    }

    public void answer(String id, ParticipationStatus status, List<String> itemIds, RosterScope scope, Integer inspectorCount,
                       String declineReason, String actor, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("status", status.name());
        p.put("itemIds", itemIds);
        p.put("unitIds", scope == null ? null : scope.unitIds());
        p.put("neighbouringRegions", scope == null ? null : scope.neighbouringRegions());
        p.put("inspectorCount", inspectorCount);
        p.put("declineReason", declineReason);
        p.put("actor", actor);
        p.put("now", now);
        client.query(ANSWER).bindAll(p).run();
    }

    public Map<String, List<Participation>> ofTasks(Collection<String> taskIds) {
        return KeyedRows.grouped(client, OF_TASKS, Map.of("ids", List.copyOf(taskIds)), JointRepository::participation);
    }

    public List<Participation> ofTask(String taskId) {
        return ofTasks(List.of(taskId)).getOrDefault(taskId, List.of());
    }

    public Optional<Participation> participation(String taskId, String departmentId) {
        return ofTask(taskId).stream().filter(p -> p.departmentId().equals(departmentId)).findFirst();
    }

    /** Invitations of the departments, newest first; {@code status} null: any. */
    public List<Participation> ofDepartments(Collection<String> departmentIds, ParticipationStatus status) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentIds", List.copyOf(departmentIds));
        p.put("status", status == null ? null : status.name());
        return client.query(OF_DEPARTMENTS).bindAll(p).fetchAs(Participation.class)
                .mappedBy((t, r) -> participation(r.get("row"))).all().stream().toList();
    }

    /** Participations of the plan's (or only {@code taskId}'s) joint tasks that still hold up filing or drawing (PLAN-15). */
    public List<String> notReady(String planId, String taskId) {
        Map<String, Object> p = new HashMap<>();
        p.put("planId", planId);
        p.put("taskId", taskId);
        return List.copyOf(client.query(NOT_READY).bindAll(p).fetchAs(String.class).mappedBy((t, r) -> r.get("id").asString()).all());
    }

    // ---- parts of joint inspections

    public Set<String> within(Collection<String> usccs, Collection<String> regions) {
        return new HashSet<>(client.query(WITHIN).bindAll(Map.of("usccs", List.copyOf(usccs), "regions", List.copyOf(regions)))
                .fetchAs(String.class).mappedBy((t, r) -> r.get("uscc").asString()).all());
    }

    /** A part to create: its id, the lead inspection, the participant and its item codes. */
    public record NewPart(String id, String jointOf, String departmentId, List<String> itemCodes) {
    }

    public void createParts(List<NewPart> parts, OffsetDateTime now) {
        if (parts.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = parts.stream().map(x -> Map.<String, Object>of("id", x.id(), "jointOf", x.jointOf(),
                "departmentId", x.departmentId(), "itemCodes", x.itemCodes())).toList();
        client.query(CREATE_PARTS).bindAll(Map.of("rows", rows, "now", now)).run();
    }

    public Map<String, List<Sampling.Inspection>> partsOf(Collection<String> leadIds) {
        return KeyedRows.grouped(client, PARTS_OF, Map.of("ids", List.copyOf(leadIds)), DrawRepository::inspection);
    }

    /** Of the inspections, those that lead a joint inspection (have parts). */
    public Set<String> jointLeads(Collection<String> inspectionIds) {
        return new HashSet<>(client.query(JOINT_LEADS).bind(List.copyOf(inspectionIds)).to("ids").fetchAs(String.class)
                .mappedBy((t, r) -> r.get("id").asString()).all());
    }

    static Participation participation(MapAccessor m) {
        return new Participation(Values.str(m.get("id")), Values.str(m.get("taskId")), Values.str(m.get("departmentId")),
                ParticipationStatus.valueOf(m.get("status").asString()), Values.strings(m.get("itemIds")),
                new RosterScope(Values.strings(m.get("rosterUnitIds")), m.get("neighbouringRegions").asBoolean(false)),
                m.get("inspectorCount").isNull() ? null : m.get("inspectorCount").asInt(), Values.dateTime(m.get("invitedAt")),
                Values.str(m.get("invitedBy")), Values.dateTime(m.get("answeredAt")), Values.str(m.get("answeredBy")),
                Values.str(m.get("declineReason")));
    }
}
