package org.supervisionhub.graph.sampling;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.sampling.DrawMode;
import org.supervisionhub.domain.sampling.DrawOrigin;
import org.supervisionhub.domain.sampling.InspectionMethod;
import org.supervisionhub.domain.sampling.PlanStatus;
import org.supervisionhub.domain.sampling.TaskData;
import org.supervisionhub.domain.sampling.TaskData.ComplaintRule;
import org.supervisionhub.domain.sampling.TaskData.Criteria;
import org.supervisionhub.domain.sampling.TaskData.RosterScope;
import org.supervisionhub.domain.sampling.TaskData.StratumRatio;
import org.supervisionhub.domain.sampling.TaskData.TriggerScope;
import org.supervisionhub.domain.sampling.TaskKind;
import org.supervisionhub.graph.sampling.Sampling.Adjustment;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;
import org.supervisionhub.graph.sampling.Sampling.Trigger;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/**
 * Annual plans, their tasks and adjustments, triggers, and the plan's checklist coverage. State
 * changes are guarded in the statement that makes them ({@code WHERE p.status = ...}), after the
 * node's write lock is taken, so concurrent requests cannot both pass a guard.
 */
public class PlanRepository {

    static final String PLAN = "p {.id, .departmentId, .year, .title, .status, .filingDeadline, .filedWith, .createdAt,"
            + " .filedAt, .publishedAt, .revision}";
    static final String TASK = "t {.*, itemIds: [(t)-[:COVERS]->(i:InspectionItem) | i.id]}";

    static final String CREATE_PLAN = "MATCH (d:Department {id: $departmentId})"
            + " CREATE (p:SamplingPlan {id: $id, departmentId: $departmentId, year: $year, title: $title, status: 'DRAFT',"
            + "  filingDeadline: $filingDeadline, createdAt: $now, revision: 0})-[:PLAN_OF]->(d)";
    static final String PLANS_BY_ID = "MATCH (p:SamplingPlan) WHERE p.id IN $ids RETURN " + PLAN + " AS row";
    static final String PLANS = "MATCH (p:SamplingPlan) WHERE ($departmentIds IS NULL OR p.departmentId IN $departmentIds)"
            + " AND ($year IS NULL OR p.year = $year) AND ($status IS NULL OR p.status = $status)"
            + " AND (p.status <> 'DRAFT' OR $draftsOf IS NULL OR p.departmentId IN $draftsOf)"
            + " AND ($after IS NULL OR p.id > $after) RETURN p.id AS key ORDER BY p.id LIMIT $limit";
    /** Takes the plan's write lock (held to the end of the transaction) and reads it as committed before. */
    static final String LOCK = "MATCH (p:SamplingPlan {id: $id}) SET p.lock = true REMOVE p.lock RETURN " + PLAN + " AS row";
    /** A status is written only over the status the plan (the domain's {@code SamplingPlan}) decided from. */
    static final String GUARD = "MATCH (p:SamplingPlan {id: $id}) WHERE p.status = $from";
    static final String FILE = GUARD + " SET p.status = 'FILED', p.filedAt = $now, p.filedWith = $filedWith";
    static final String PUBLISH = GUARD + " SET p.status = 'PUBLISHED', p.publishedAt = $now";
    static final String ADJUST = "MATCH (p:SamplingPlan {id: $planId}) SET p.revision = p.revision + 1"
            + " CREATE (a:PlanAdjustment {id: $planId + '-R' + p.revision, planId: $planId, revision: p.revision, at: $now,"
            + "  actor: $actor, reason: $reason, change: $change})-[:ADJUSTS]->(p)";
    static final String ADJUSTMENTS = "UNWIND $ids AS pid MATCH (a:PlanAdjustment {planId: pid})"
            + " RETURN pid AS key, a {.*} AS row ORDER BY pid, a.revision";

    static final String NEXT_TASK_NO = "MATCH (p:SamplingPlan {id: $planId}) SET p.taskSeq = coalesce(p.taskSeq, 0) + 1"
            + " RETURN p.taskSeq AS n";
    static final String CREATE_TASK = "MATCH (p:SamplingPlan {id: $planId})"
            + " CREATE (t:SamplingTask {id: $id, planId: $planId, departmentId: p.departmentId, year: p.year,"
            + "  status: 'ACTIVE', createdAt: $now})-[:TASK_OF]->(p)"
            + " SET t += $props"
            + " WITH t UNWIND $itemIds AS itemId MATCH (i:InspectionItem {id: itemId}) CREATE (t)-[:COVERS]->(i)";
    /** Only an active task changes (PLAN-03); the caller also checked that no draw froze it (DRAW-01). */
    static final String UPDATE_TASK = "MATCH (t:SamplingTask {id: $id}) WHERE t.status = 'ACTIVE' SET t += $props"
            + " WITH t OPTIONAL MATCH (t)-[c:COVERS]->() DELETE c"
            + " WITH DISTINCT t UNWIND $itemIds AS itemId MATCH (i:InspectionItem {id: itemId}) CREATE (t)-[:COVERS]->(i)";
    /** NOTICE-07: of the given tasks, those whose inspections are not announced in advance. */
    static final String UNANNOUNCED = "MATCH (t:SamplingTask) WHERE t.id IN $ids AND t.announced = false RETURN t.id AS id";
    static final String TASKS_BY_ID = "MATCH (t:SamplingTask) WHERE t.id IN $ids RETURN " + TASK + " AS row";
    static final String TASKS_OF = "UNWIND $ids AS pid MATCH (t:SamplingTask {planId: pid})"
            + " RETURN pid AS key, " + TASK + " AS row ORDER BY pid, t.createdAt, t.id";
    static final String MERGE_TASKS = "MATCH (t:SamplingTask) WHERE t.id IN $merged AND t.status = 'ACTIVE'"
            + " SET t.status = 'MERGED', t.mergedInto = $into RETURN count(t) AS n";
    /** The current published regular checklists of a department and its superiors (PLAN-10 full coverage). */
    static final String CURRENT_CHECKLIST_ITEMS = "MATCH (:Department {id: $departmentId})-[:REPORTS_TO*0..3]->(issuer:Department)"
            + " MATCH (v:ChecklistVersion {status: 'PUBLISHED', kind: 'REGULAR'})-[:ISSUED_BY]->(issuer)"
            + " WHERE NOT EXISTS { MATCH (newer:ChecklistVersion {status: 'PUBLISHED'})-[:SUPERSEDES]->(v) }"
            + " MATCH (v)-[:HAS_ITEM]->(i:InspectionItem)";
    /** PLAN-10: current checklist items that no active task of the year covers, by stable code. */
    static final String UNCOVERED = CURRENT_CHECKLIST_ITEMS
            + " WHERE NOT EXISTS { MATCH (:SamplingTask {departmentId: $departmentId, year: $year, status: 'ACTIVE'})"
            + "   -[:COVERS]->(c:InspectionItem) WHERE c.code = i.code }"
            + " WITH i.code AS code, min(i.id) AS id RETURN id ORDER BY code";
    static final String COVERED_COUNT = CURRENT_CHECKLIST_ITEMS + " RETURN count(DISTINCT i.code) AS n";

    static final String CREATE_TRIGGER = "MATCH (e:Enterprise {uscc: $uscc}) MATCH (d:Department {id: $departmentId})"
            + " CREATE (t:Trigger {id: $id, type: $type, uscc: $uscc, departmentId: $departmentId, occurredOn: $occurredOn,"
            + "  description: $description, sourceRef: $sourceRef, recordedAt: $now})"
            + " CREATE (t)-[:NAMES]->(e) CREATE (t)-[:RECORDED_BY]->(d)";
    static final String TRIGGERS_BY_ID = "MATCH (t:Trigger) WHERE t.id IN $ids RETURN t {.*} AS row";
    static final String TRIGGERS = "MATCH (t:Trigger) WHERE ($departmentIds IS NULL OR t.departmentId IN $departmentIds)"
            + " AND ($uscc IS NULL OR t.uscc = $uscc) AND ($types IS NULL OR t.type IN $types)"
            + " AND ($after IS NULL OR t.id > $after) RETURN t.id AS key ORDER BY t.id LIMIT $limit";
    static final String NEXT_TRIGGER_NO = "MERGE (s:Sequence {name: 'trigger'}) SET s.n = coalesce(s.n, 0) + 1 RETURN s.n AS n";

    private final Neo4jClient client;

    public PlanRepository(Neo4jClient client) {
        this.client = client;
    }

    // ---- plans

    public void createPlan(String id, String departmentId, int year, String title, LocalDate filingDeadline, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("departmentId", departmentId);
        p.put("year", year);
        p.put("title", title);
        p.put("filingDeadline", filingDeadline);
        p.put("now", now);
        client.query(CREATE_PLAN).bindAll(p).run();
    }

    public Map<String, Plan> plans(Collection<String> ids) {
        return KeyedRows.unique(client, PLANS_BY_ID, Map.of("ids", List.copyOf(ids)), PlanRepository::plan, Plan::id);
    }

    public Optional<Plan> plan(String id) {
        return Optional.ofNullable(plans(List.of(id)).get(id));
    }

    /** Plans filtered; drafts only of {@code draftsOf} (null: all). */
    public Page<Plan> list(Collection<String> departmentIds, Integer year, String status, Collection<String> draftsOf,
                           int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentIds", departmentIds == null ? null : List.copyOf(departmentIds));
        p.put("year", year);
        p.put("status", status);
        p.put("draftsOf", draftsOf == null ? null : List.copyOf(draftsOf));
        p.put("after", after == null ? null : Cursor.decode(after, 1).key(0));
        p.put("limit", first + 1);
        List<Plan> rows = KeyedRows.inOrder(client.query(PLANS).bindAll(p).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("key").asString()).all(), this::plans);
        return Page.of(rows, first, x -> Cursor.encode(x.id()));
    }

    /** The plan under its write lock, or empty when there is no such plan. */
    public Optional<Plan> lock(String id) {
        return client.query(LOCK).bind(id).to("id").fetchAs(Plan.class).mappedBy((t, r) -> plan(r.get("row"))).one();
    }

    /** PLAN-02, PLAN-05: files the plan with {@code filedWith}; fails unless it is still {@code from}. */
    public void file(String id, PlanStatus from, String filedWith, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("filedWith", filedWith);
        transition(FILE, id, from, now, p);
    }

    /** PLAN-02, GEN-08: publishes the plan; fails unless it is still {@code from}. */
    public void publish(String id, PlanStatus from, OffsetDateTime now) {
        transition(PUBLISH, id, from, now, new HashMap<>());
    }

    private void transition(String cypher, String id, PlanStatus from, OffsetDateTime now, Map<String, Object> p) {
        p.put("id", id);
        p.put("from", from.name());
        p.put("now", now);
        if (client.query(cypher).bindAll(p).run().counters().propertiesSet() == 0) {
            throw new IllegalStateException("plan " + id + " is no longer " + from + ": the change was not written");
        }
    }

    public void adjust(String planId, String actor, String reason, String change, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("planId", planId);
        p.put("actor", actor);
        p.put("reason", reason);
        p.put("change", change);
        p.put("now", now);
        client.query(ADJUST).bindAll(p).run();
    }

    public Map<String, List<Adjustment>> adjustments(Collection<String> planIds) {
        return KeyedRows.grouped(client, ADJUSTMENTS, Map.of("ids", List.copyOf(planIds)), m -> new Adjustment(
                Values.str(m.get("id")), Values.str(m.get("planId")), m.get("revision").asInt(), Values.dateTime(m.get("at")),
                Values.str(m.get("actor")), Values.str(m.get("reason")), Values.str(m.get("change"))));
    }

    // ---- tasks

    public String createTask(String planId, TaskData data, OffsetDateTime now) {
        long n = client.query(NEXT_TASK_NO).bind(planId).to("planId").fetchAs(Long.class)
                .mappedBy((t, r) -> r.get("n").asLong()).one().orElseThrow();
        String id = planId + "-T" + n;
        Map<String, Object> p = new HashMap<>();
        p.put("planId", planId);
        p.put("id", id);
        p.put("now", now);
        p.put("props", taskProps(data));
        p.put("itemIds", data.itemIds());
        client.query(CREATE_TASK).bindAll(p).run();
        return id;
    }

    public void updateTask(String id, TaskData data) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("props", taskProps(data));
        p.put("itemIds", data.itemIds());
        client.query(UPDATE_TASK).bindAll(p).run();
    }

    /** PLAN-03: marks active tasks merged into {@code into}; fails if any of them is no longer active. */
    public void markMerged(Collection<String> taskIds, String into) {
        long n = client.query(MERGE_TASKS).bindAll(Map.of("merged", List.copyOf(taskIds), "into", into)).fetchAs(Long.class)
                .mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L);
        if (n != Set.copyOf(taskIds).size()) {
            throw new IllegalStateException("of tasks " + taskIds + " only " + n + " were active: the merge was not written");
        }
    }

    public Map<String, Task> tasks(Collection<String> ids) {
        return KeyedRows.unique(client, TASKS_BY_ID, Map.of("ids", List.copyOf(ids)), PlanRepository::task, Task::id);
    }

    public Set<String> unannounced(Collection<String> ids) {
        return Set.copyOf(client.query(UNANNOUNCED).bind(List.copyOf(ids)).to("ids").fetchAs(String.class)
                .mappedBy((t, r) -> r.get("id").asString()).all());
    }

    public Optional<Task> task(String id) {
        return Optional.ofNullable(tasks(List.of(id)).get(id));
    }

    public Map<String, List<Task>> tasksOf(Collection<String> planIds) {
        return KeyedRows.grouped(client, TASKS_OF, Map.of("ids", List.copyOf(planIds)), PlanRepository::task);
    }

    /** Ids of the items of the department's current published checklists that no active task of the year covers. */
    public List<String> uncoveredItems(String departmentId, int year) {
        return List.copyOf(client.query(UNCOVERED).bindAll(Map.of("departmentId", departmentId, "year", year))
                .fetchAs(String.class).mappedBy((t, r) -> r.get("id").asString()).all());
    }

    public int checklistItemCount(String departmentId) {
        return client.query(COVERED_COUNT).bind(departmentId).to("departmentId").fetchAs(Integer.class)
                .mappedBy((t, r) -> r.get("n").asInt()).one().orElse(0);
    }

    // ---- triggers

    public String createTrigger(String type, String uscc, String departmentId, LocalDate occurredOn, String description,
                                String sourceRef, OffsetDateTime now) {
        long n = client.query(NEXT_TRIGGER_NO).fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElseThrow();
        String id = "TRG-" + String.format("%07d", n);
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("type", type);
        p.put("uscc", uscc);
        p.put("departmentId", departmentId);
        p.put("occurredOn", occurredOn);
        p.put("description", description);
        p.put("sourceRef", sourceRef);
        p.put("now", now);
        client.query(CREATE_TRIGGER).bindAll(p).run();
        return id;
    }

    public Map<String, Trigger> triggers(Collection<String> ids) {
        return KeyedRows.unique(client, TRIGGERS_BY_ID, Map.of("ids", List.copyOf(ids)), PlanRepository::trigger, Trigger::id);
    }

    public Page<Trigger> listTriggers(Collection<String> departmentIds, String uscc, List<String> types, int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentIds", departmentIds == null ? null : List.copyOf(departmentIds));
        p.put("uscc", uscc);
        p.put("types", types == null || types.isEmpty() ? null : types);
        p.put("after", after == null ? null : Cursor.decode(after, 1).key(0));
        p.put("limit", first + 1);
        List<Trigger> rows = KeyedRows.inOrder(client.query(TRIGGERS).bindAll(p).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("key").asString()).all(), this::triggers);
        return Page.of(rows, first, x -> Cursor.encode(x.id()));
    }

    // ---- mapping

    static Map<String, Object> taskProps(TaskData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", d.title());
        m.put("kind", name(d.kind()));
        m.put("method", name(d.method()));
        m.put("mode", name(d.mode()));
        Criteria c = d.criteria() == null ? Criteria.NONE : d.criteria();
        m.put("criteriaOrgTypes", c.orgTypes());
        m.put("criteriaScales", c.scales());
        m.put("criteriaIndustries", c.industries());
        m.put("criteriaRegionCodes", c.regionCodes());
        m.put("strataBy", d.strataBy());
        m.put("strataLabels", d.strata().stream().map(StratumRatio::label).toList());
        m.put("strataRatios", d.strata().stream().map(StratumRatio::ratio).toList());
        ComplaintRule rule = d.complaintRule();
        m.put("complaintMin", rule == null ? null : rule.minComplaints());
        m.put("complaintWithinDays", rule == null ? null : rule.withinDays());
        m.put("complaintRatio", rule == null ? null : rule.ratio());
        TriggerScope ts = d.triggerScope();
        m.put("triggerTypes", ts == null ? null : ts.types());
        m.put("triggerFrom", ts == null ? null : ts.from());
        m.put("triggerTo", ts == null ? null : ts.to());
        m.put("windowStart", d.windowStart());
        m.put("windowEnd", d.windowEnd());
        m.put("batches", d.batches());
        m.put("inspectorsPerInspection", d.inspectorsPerInspection());
        m.put("expertise", d.expertise());
        m.put("rosterUnitIds", d.rosterScope().unitIds());
        m.put("neighbouringRegions", d.rosterScope().neighbouringRegions());
        m.put("origin", name(d.origin()));
        m.put("dispatchLevel", d.dispatchLevel());
        m.put("announced", d.announced());
        return m;
    }

    static Task task(MapAccessor m) {
        List<String> labels = Values.strings(m.get("strataLabels"));
        List<String> ratios = Values.strings(m.get("strataRatios"));
        List<StratumRatio> strata = new java.util.ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            strata.add(new StratumRatio(labels.get(i), ratios.get(i)));
        }
        ComplaintRule rule = m.get("complaintMin").isNull() ? null
                : new ComplaintRule(m.get("complaintMin").asInt(), m.get("complaintWithinDays").asInt(), Values.str(m.get("complaintRatio")));
        TriggerScope scope = m.get("triggerTypes").isNull() ? null
                : new TriggerScope(Values.strings(m.get("triggerTypes")), Values.date(m.get("triggerFrom")), Values.date(m.get("triggerTo")));
        TaskData data = new TaskData(Values.str(m.get("title")), value(TaskKind.class, m.get("kind")), Values.strings(m.get("itemIds")),
                value(InspectionMethod.class, m.get("method")), value(DrawMode.class, m.get("mode")),
                new Criteria(Values.strings(m.get("criteriaOrgTypes")), Values.strings(m.get("criteriaScales")),
                        Values.strings(m.get("criteriaIndustries")), Values.strings(m.get("criteriaRegionCodes"))),
                Values.str(m.get("strataBy")), strata, rule, scope, Values.date(m.get("windowStart")), Values.date(m.get("windowEnd")),
                m.get("batches").asInt(1), m.get("inspectorsPerInspection").asInt(2), Values.strings(m.get("expertise")),
                new RosterScope(Values.strings(m.get("rosterUnitIds")), m.get("neighbouringRegions").asBoolean(false)),
                value(DrawOrigin.class, m.get("origin")), Values.str(m.get("dispatchLevel")), m.get("announced").asBoolean(true));
        return new Task(Values.str(m.get("id")), Values.str(m.get("planId")), Values.str(m.get("departmentId")),
                m.get("year").asInt(), data, Values.str(m.get("status")), Values.str(m.get("mergedInto")),
                Values.dateTime(m.get("createdAt")));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, org.neo4j.driver.Value v) {
        return v.isNull() ? null : Enum.valueOf(type, v.asString());
    }

    static Plan plan(MapAccessor m) {
        return new Plan(Values.str(m.get("id")), Values.str(m.get("departmentId")), m.get("year").asInt(),
                Values.str(m.get("title")), PlanStatus.valueOf(m.get("status").asString()), Values.date(m.get("filingDeadline")),
                Values.str(m.get("filedWith")), Values.dateTime(m.get("createdAt")), Values.dateTime(m.get("filedAt")),
                Values.dateTime(m.get("publishedAt")), m.get("revision").asInt(0));
    }

    static Trigger trigger(MapAccessor m) {
        return new Trigger(Values.str(m.get("id")), Values.str(m.get("type")), Values.str(m.get("uscc")),
                Values.str(m.get("departmentId")), Values.date(m.get("occurredOn")), Values.str(m.get("description")),
                Values.str(m.get("sourceRef")), Values.dateTime(m.get("recordedAt")));
    }
}
