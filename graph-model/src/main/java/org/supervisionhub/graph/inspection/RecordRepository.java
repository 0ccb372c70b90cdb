package org.supervisionhub.graph.inspection;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * On-site inspection records (执法检查表 / 事实确认单, ONSITE-*): {@code (:InspectionRecord)-[:OF]->(:Inspection)}, one per
 * inspection, with {@code -[:PRESENT {certificateNo}]->(:Inspector)} for each inspector who took part. Never changed once made.
 */
public class RecordRepository {

    /** One item's facts. */
    public record Finding(String itemCode, String facts) {
    }

    /**
     * Who took part, with the certificate shown (ONSITE-02). {@code departmentId}: the inspector's department now, the
     * owner the certificate number is scoped by (as on the roster entry); null on what is about to be written.
     */
    public record Present(String inspectorId, String certificateNo, String departmentId) {
        public Present(String inspectorId, String certificateNo) {
            this(inspectorId, certificateNo, null);
        }
    }

    /** The record: facts per item, who was present, and the target's signature or the reason there is none, with witnesses. */
    public record InspectionRecord(String id, String inspectionId, OffsetDateTime conductedAt, String method, List<Finding> findings,
                                   List<Present> present, String signedBy, String signerRole, String refusalReason, List<String> witnesses,
                                   OffsetDateTime recordedAt, String recordedBy) {
    }

    static final String CREATE = "MATCH (i:Inspection {id: $r.inspectionId}) CREATE (x:InspectionRecord {id: $r.id, inspectionId: $r.inspectionId,"
            + " conductedAt: $r.conductedAt, method: $r.method, itemCodes: $r.itemCodes, facts: $r.facts, signedBy: $r.signedBy,"
            + " signerRole: $r.signerRole, refusalReason: $r.refusalReason, witnesses: $r.witnesses, recordedAt: $r.recordedAt,"
            + " recordedBy: $r.recordedBy})-[:OF]->(i)"
            + " WITH x UNWIND range(0, size($r.present) - 1) AS n MATCH (p:Inspector {inspectorId: $r.present[n].inspectorId})"
            + " CREATE (x)-[:PRESENT {position: n, certificateNo: $r.present[n].certificateNo}]->(p)";
    static final String OF_INSPECTIONS = "UNWIND $ids AS id MATCH (x:InspectionRecord {inspectionId: id})"
            + " RETURN x {.*, present: COLLECT { MATCH (x)-[a:PRESENT]->(p:Inspector) RETURN {inspectorId: p.inspectorId,"
            + " certificateNo: a.certificateNo, departmentId: [(p)-[:MEMBER_OF]->(:Unit)-[:PART_OF]->(d:Department) | d.id][0]}"
            + " ORDER BY a.position }} AS row";

    private final Neo4jClient client;

    public RecordRepository(Neo4jClient client) {
        this.client = client;
    }

    public void create(InspectionRecord r) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", r.id());
        m.put("inspectionId", r.inspectionId());
        m.put("conductedAt", r.conductedAt());
        m.put("method", r.method());
        m.put("itemCodes", r.findings().stream().map(Finding::itemCode).toList());
        m.put("facts", r.findings().stream().map(Finding::facts).toList());
        m.put("present", r.present().stream().map(p -> Map.of("inspectorId", p.inspectorId(), "certificateNo", p.certificateNo())).toList());
        m.put("signedBy", r.signedBy());
        m.put("signerRole", r.signerRole());
        m.put("refusalReason", r.refusalReason());
        m.put("witnesses", r.witnesses());
        m.put("recordedAt", r.recordedAt());
        m.put("recordedBy", r.recordedBy());
        client.query(CREATE).bind(m).to("r").run();
    }

    public Map<String, InspectionRecord> ofInspections(Collection<String> inspectionIds) {
        return KeyedRows.unique(client, OF_INSPECTIONS, Map.of("ids", List.copyOf(inspectionIds)), RecordRepository::record,
                InspectionRecord::inspectionId);
    }

    static InspectionRecord record(MapAccessor m) {
        List<String> codes = Values.strings(m.get("itemCodes"));
        List<String> facts = Values.strings(m.get("facts"));
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            findings.add(new Finding(codes.get(i), facts.get(i)));
        }
        return new InspectionRecord(m.get("id").asString(), m.get("inspectionId").asString(), Values.dateTime(m.get("conductedAt")),
                Values.str(m.get("method")), List.copyOf(findings), m.get("present").asList(v -> new Present(v.get("inspectorId").asString(),
                v.get("certificateNo").asString(), Values.str(v.get("departmentId")))), Values.str(m.get("signedBy")), Values.str(m.get("signerRole")),
                Values.str(m.get("refusalReason")), Values.strings(m.get("witnesses")), Values.dateTime(m.get("recordedAt")),
                Values.str(m.get("recordedBy")));
    }
}
