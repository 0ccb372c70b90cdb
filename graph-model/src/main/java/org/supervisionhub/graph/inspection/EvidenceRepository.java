package org.supervisionhub.graph.inspection;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * Inspection evidence (EVID-*): {@code (:Evidence)-[:OF]->(:Inspection)}, {@code (:Evidence)-[:CONTENT]->(:EvidenceFile)}.
 * Files are content-addressed: one {@code EvidenceFile} per SHA-256, its content written once, never changed; its
 * {@code uploadedBy} lists the departments that uploaded that content (who hold it, and so may record it as evidence).
 */
public class EvidenceRepository {

    public record Evidence(String id, String inspectionId, String sha256, String fileName, long size, String mediaType, String type,
                           String method, String description, String supports, Boolean sealed, OffsetDateTime collectedAt, String collectedBy) {
    }

    /**
     * A stored file; {@code external} is where retention moved its bytes (a path relative to the export directory, the
     * content then null): the node keeps its hash and size, so the bytes read back are checked against them.
     */
    public record StoredFile(String sha256, long size, String mediaType, byte[] content, String external) {

        public StoredFile(String sha256, long size, String mediaType, byte[] content) {
            this(sha256, size, mediaType, content, null);
        }
    }

    static final String STORE = "MERGE (f:EvidenceFile {sha256: $sha}) ON CREATE SET f.content = $content, f.size = $size,"
            + " f.mediaType = $mediaType, f.storedAt = $at"
            + " SET f.uploadedBy = CASE WHEN $department IS NULL OR $department IN coalesce(f.uploadedBy, []) THEN f.uploadedBy"
            + "  ELSE coalesce(f.uploadedBy, []) + $department END RETURN f.size AS size";
    static final String UPLOADED_BY = "MATCH (f:EvidenceFile {sha256: $sha}) RETURN coalesce(f.uploadedBy, []) AS departments";
    static final String FILE = "MATCH (f:EvidenceFile {sha256: $sha}) RETURN f.size AS size, f.mediaType AS mediaType,"
            + " CASE WHEN $content THEN f.content END AS content, f.external AS external";
    /**
     * Retention: files stored before {@code $before} whose bytes are still in the graph, and whose every inspection is
     * archived with its retention ended by {@code $today} (ARCH-03, ARCH-04: archived material stays in the hub's custody
     * for its retention); files recorded as no inspection's evidence go by age alone.
     */
    static final String EXTERNALISABLE = "MATCH (f:EvidenceFile) WHERE f.storedAt < $before AND f.content IS NOT NULL"
            + " AND NOT EXISTS { MATCH (f)<-[:CONTENT]-(:Evidence)-[:OF]->(i:Inspection)"
            + "  WHERE NOT EXISTS { MATCH (a:ArchiveFile {inspectionId: i.id}) WHERE a.retainUntil < $today } }"
            + " RETURN f.sha256 AS sha ORDER BY f.storedAt, f.sha256 LIMIT $limit";
    /** The bytes leave the node once they are written outside; only a node still holding them changes. */
    static final String EXTERNALISE = "MATCH (f:EvidenceFile {sha256: $sha}) WHERE f.content IS NOT NULL"
            + " SET f.external = $external, f.externalisedAt = $at REMOVE f.content RETURN f.sha256 AS sha";
    static final String RECORD = "MATCH (i:Inspection {id: $e.inspectionId}), (f:EvidenceFile {sha256: $e.sha256})"
            + " CREATE (x:Evidence {id: $e.id, inspectionId: $e.inspectionId, sha256: $e.sha256, fileName: $e.fileName, size: f.size,"
            + " mediaType: f.mediaType, type: $e.type, method: $e.method, description: $e.description, supports: $e.supports,"
            + " sealed: $e.sealed, collectedAt: $e.collectedAt, collectedBy: $e.collectedBy})-[:OF]->(i) CREATE (x)-[:CONTENT]->(f)";
    static final String OF_INSPECTIONS = "UNWIND $ids AS id MATCH (x:Evidence {inspectionId: id}) RETURN id AS key, x {.*} AS row"
            + " ORDER BY id, x.collectedAt, x.id";
    /**
     * Departments that may read a file: those inspecting or drawing an inspection some evidence of which holds it, and of a
     * joint inspection (PLAN-15) those of every inspection of the one visit (the lead's and each participant's part).
     */
    static final String FILE_DEPARTMENTS = "MATCH (:EvidenceFile {sha256: $sha})<-[:CONTENT]-(:Evidence)-[:OF]->(i:Inspection)"
            + " WITH DISTINCT coalesce(i.jointOf, i.id) AS visit"
            + " CALL (visit) { MATCH (v:Inspection {id: visit}) RETURN v UNION MATCH (v:Inspection {jointOf: visit}) RETURN v }"
            + " RETURN collect(DISTINCT coalesce(v.inspectedBy, v.drawnBy)) + collect(DISTINCT v.drawnBy) AS departments";

    private final Neo4jClient client;

    public EvidenceRepository(Neo4jClient client) {
        this.client = client;
    }

    /** Stores the content under its hash unless it is there already, and notes the uploading department (if any) on it. */
    public void store(String sha256, byte[] content, String mediaType, String department, OffsetDateTime at) {
        Map<String, Object> p = new HashMap<>();
        p.put("department", department);
        p.put("sha", sha256);
        p.put("content", content);
        p.put("size", (long) content.length);
        p.put("mediaType", mediaType);
        p.put("at", at);
        client.query(STORE).bindAll(p).run();
    }

    /** The file's size and type, with its bytes when {@code withContent}. */
    public Optional<StoredFile> file(String sha256, boolean withContent) {
        return client.query(FILE).bindAll(Map.of("sha", sha256, "content", withContent)).fetchAs(StoredFile.class)
                .mappedBy((t, r) -> new StoredFile(sha256, r.get("size").asLong(), Values.str(r.get("mediaType")),
                        r.get("content").isNull() ? null : r.get("content").asByteArray(), Values.str(r.get("external")))).one();
    }

    /** Hashes of files whose bytes may leave the graph (see {@link #EXTERNALISABLE}), oldest first. */
    public List<String> externalisable(OffsetDateTime before, java.time.LocalDate today, int limit) {
        return List.copyOf(client.query(EXTERNALISABLE).bindAll(Map.of("before", before, "today", today, "limit", limit))
                .fetchAs(String.class).mappedBy((t, r) -> r.get("sha").asString()).all());
    }

    /** Drops the file's bytes from the graph, noting where they are now; false when they had left already. */
    public boolean externalise(String sha256, String external, OffsetDateTime at) {
        return client.query(EXTERNALISE).bindAll(Map.of("sha", sha256, "external", external, "at", at)).fetch().one().isPresent();
    }

    /** Departments that uploaded the file's content; empty for a file not stored (or stored before uploads were noted). */
    public List<String> uploadedBy(String sha256) {
        return client.query(UPLOADED_BY).bind(sha256).to("sha").fetchAs(List.class)
                .mappedBy((t, r) -> r.get("departments").asList(v -> v.asString())).one().orElse(List.of());
    }

    public List<String> fileDepartments(String sha256) {
        return client.query(FILE_DEPARTMENTS).bind(sha256).to("sha").fetchAs(List.class)
                .mappedBy((t, r) -> r.get("departments").asList(v -> v.asString())).one().orElse(List.of());
    }

    public void record(Evidence e) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", e.id());
        m.put("inspectionId", e.inspectionId());
        m.put("sha256", e.sha256());
        m.put("fileName", e.fileName());
        m.put("type", e.type());
        m.put("method", e.method());
        m.put("description", e.description());
        m.put("supports", e.supports());
        m.put("sealed", e.sealed());
        m.put("collectedAt", e.collectedAt());
        m.put("collectedBy", e.collectedBy());
        client.query(RECORD).bind(m).to("e").run();
    }

    public Map<String, List<Evidence>> ofInspections(Collection<String> ids) {
        return KeyedRows.grouped(client, OF_INSPECTIONS, Map.of("ids", List.copyOf(ids)), EvidenceRepository::evidence);
    }

    static Evidence evidence(MapAccessor m) {
        return new Evidence(m.get("id").asString(), m.get("inspectionId").asString(), m.get("sha256").asString(), Values.str(m.get("fileName")),
                m.get("size").asLong(), Values.str(m.get("mediaType")), m.get("type").asString(), m.get("method").asString(),
                Values.str(m.get("description")), Values.str(m.get("supports")), m.get("sealed").isNull() ? null : m.get("sealed").asBoolean(),
                Values.dateTime(m.get("collectedAt")), Values.str(m.get("collectedBy")));
    }
}
