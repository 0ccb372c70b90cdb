package org.supervisionhub.graph.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * What joint visits are planned from: every active inspection of the enterprises asked for not yet visited (no on-site
 * record), with its task's window, the day its inspectors were assigned for, and its team.
 */
public class VisitRepository {

    /**
     * An active inspection of one enterprise: who drew and who inspects it, its items, its task's window, the day its
     * inspectors were assigned for ({@code plannedOn}, the day its notice announces; null before assignment) and its team in order.
     */
    public record Candidate(String inspectionId, String uscc, String enterpriseName, String drawnBy, String inspectedBy, List<String> itemCodes,
                            LocalDate windowStart, LocalDate windowEnd, LocalDate plannedOn, List<String> inspectors) {
    }

    static final String INSPECTIONS_OF_E = " MATCH (e)<-[:TARGETS]-(i:Inspection {status: 'ACTIVE'})"
            + " WHERE NOT EXISTS { (:InspectionRecord)-[:OF]->(i) }"
            // A joint inspection's one record is on the lead's inspection: its parts are visited with it (GEN-15).
            + " AND NOT EXISTS { (:InspectionRecord)-[:OF]->(:Inspection)<-[:JOINT_PART_OF]-(i) }"
            + " OPTIONAL MATCH (t:SamplingTask {id: i.taskId})"
            + " WITH e, i, t, COLLECT { MATCH (i)-[a:ASSIGNED]->(p:Inspector) WHERE a.droppedAt IS NULL RETURN p.inspectorId ORDER BY a.position }"
            + " AS team RETURN e.uscc AS key, i {.id, .drawnBy, .inspectedBy, .itemCodes, .plannedOn, uscc: e.uscc, enterpriseName: e.name,"
            + " windowStart: t.windowStart, windowEnd: t.windowEnd, inspectors: team} AS row ORDER BY key, i.id";
    static final String OF_REGIONS = "MATCH (e:Enterprise) WHERE e.regionCode IN $regions" + INSPECTIONS_OF_E;
    static final String OF_ENTERPRISES = "UNWIND $usccs AS uscc MATCH (e:Enterprise {uscc: uscc})" + INSPECTIONS_OF_E;

    private final Neo4jClient client;

    public VisitRepository(Neo4jClient client) {
        this.client = client;
    }

    /** Candidates per enterprise (USCC) located in any of {@code regionCodes} (county-level codes). */
    public Map<String, List<Candidate>> ofRegions(Collection<String> regionCodes) {
        return KeyedRows.grouped(client, OF_REGIONS, Map.of("regions", List.copyOf(regionCodes)), VisitRepository::candidate);
    }

    public Map<String, List<Candidate>> ofEnterprises(Collection<String> usccs) {
        return KeyedRows.grouped(client, OF_ENTERPRISES, Map.of("usccs", List.copyOf(usccs)), VisitRepository::candidate);
    }

    static Candidate candidate(org.neo4j.driver.types.MapAccessor m) {
        return new Candidate(m.get("id").asString(), m.get("uscc").asString(), Values.str(m.get("enterpriseName")), m.get("drawnBy").asString(),
                Values.str(m.get("inspectedBy")), Values.strings(m.get("itemCodes")), Values.date(m.get("windowStart")),
                Values.date(m.get("windowEnd")), Values.date(m.get("plannedOn")), Values.strings(m.get("inspectors")));
    }
}
