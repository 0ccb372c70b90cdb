package org.supervisionhub.graph.sampling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.sampling.TaskData.Criteria;
import org.supervisionhub.graph.store.Values;

/**
 * The enterprises a task's draw may select (vdraw-1 step 1): the leaf regions a department governs, the open enterprises
 * there meeting the directed criteria (DRAW-05), those named by triggers (TRIG-01), at the yearly cap (DRAW-12), already
 * selected by the task, or complained about (DRAW-09). Reads only; the hot ones (candidates) return few, large rows.
 * The sampling API tests run them against Neo4j (every draw they commit reads its pool here).
 */
public class PoolRepository {

    /** Enterprises that can no longer be inspected are never in a pool. */
    public static final List<String> CLOSED_STATUSES = List.of("DEREGISTERED", "REVOKED");

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

    private final Neo4jClient client;

    public PoolRepository(Neo4jClient client) {
        this.client = client;
    }

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
}
