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
 * Inspection notices (检查告知书), {@code (:InspectionNotice)-[:FOR]->(:Inspection)}, one per inspection. A notice holds
 * what NOTICE-02 requires and, by construction, nothing about the inspectors (NOTICE-03): it has no such field.
 */
public class NoticeRepository {

    /** A notice as issued: the content NOTICE-02 lists, the channels it goes by, and when the visit is. */
    public record Notice(String id, String inspectionId, String uscc, String enterpriseName, String departmentId, OffsetDateTime issuedAt,
                         String issuedBy, OffsetDateTime visitAt, String targetKind, List<String> channels, List<String> basis,
                         OffsetDateTime drawnAt, List<String> content, List<String> methods, List<String> materials, String cooperation,
                         String contact) {
    }

    static final String CREATE = "MATCH (i:Inspection {id: $n.inspectionId}) CREATE (x:InspectionNotice {id: $n.id, inspectionId: $n.inspectionId,"
            + " uscc: $n.uscc, enterpriseName: $n.enterpriseName, departmentId: $n.departmentId, issuedAt: $n.issuedAt, issuedBy: $n.issuedBy,"
            + " visitAt: $n.visitAt, targetKind: $n.targetKind, channels: $n.channels, basis: $n.basis, drawnAt: $n.drawnAt, content: $n.content,"
            + " methods: $n.methods, materials: $n.materials, cooperation: $n.cooperation, contact: $n.contact})-[:FOR]->(i)";
    static final String BY_INSPECTION = "UNWIND $ids AS id MATCH (x:InspectionNotice {inspectionId: id}) RETURN x {.*} AS row";

    private final Neo4jClient client;

    public NoticeRepository(Neo4jClient client) {
        this.client = client;
    }

    public void create(Notice n) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", n.id());
        m.put("inspectionId", n.inspectionId());
        m.put("uscc", n.uscc());
        m.put("enterpriseName", n.enterpriseName());
        m.put("departmentId", n.departmentId());
        m.put("issuedAt", n.issuedAt());
        m.put("issuedBy", n.issuedBy());
        m.put("visitAt", n.visitAt());
        m.put("targetKind", n.targetKind());
        m.put("channels", n.channels());
        m.put("basis", n.basis());
        m.put("drawnAt", n.drawnAt());
        m.put("content", n.content());
        m.put("methods", n.methods());
        m.put("materials", n.materials());
        m.put("cooperation", n.cooperation());
        m.put("contact", n.contact());
        client.query(CREATE).bind(m).to("n").run();
    }

    /** Notices by inspection id. */
    public Map<String, Notice> ofInspections(Collection<String> inspectionIds) {
        return KeyedRows.unique(client, BY_INSPECTION, Map.of("ids", List.copyOf(inspectionIds)), NoticeRepository::notice, Notice::inspectionId);
    }

    static Notice notice(MapAccessor m) {
        return new Notice(m.get("id").asString(), m.get("inspectionId").asString(), m.get("uscc").asString(), Values.str(m.get("enterpriseName")),
                m.get("departmentId").asString(), Values.dateTime(m.get("issuedAt")), Values.str(m.get("issuedBy")), Values.dateTime(m.get("visitAt")),
                m.get("targetKind").asString(), Values.strings(m.get("channels")), Values.strings(m.get("basis")), Values.dateTime(m.get("drawnAt")),
                Values.strings(m.get("content")), Values.strings(m.get("methods")), Values.strings(m.get("materials")), Values.str(m.get("cooperation")),
                Values.str(m.get("contact")));
    }
}
