package org.supervisionhub.graph.retention;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.Values;

/**
 * {@code (:RetentionExport)} nodes: a file that records left the graph into, named by {@code file} (unique), with its
 * SHA-256, the number of records, the range they cover ({@code from}/{@code to}: the first and last record's time,
 * {@code firstKey}/{@code lastKey}: their ids or sequence numbers) and when it was written. Recorded in the transaction
 * that deletes the records, so either both happen or neither does.
 */
public class ExportRepository {

    public record Export(String kind, String file, String sha256, long size, long count, OffsetDateTime from, OffsetDateTime to,
                         String firstKey, String lastKey, OffsetDateTime exportedAt) {
    }

    static final String RECORD = "MERGE (x:RetentionExport {file: $x.file}) ON CREATE SET x = $x RETURN x {.*} AS row";
    static final String COVERING = "MATCH (x:RetentionExport {kind: $kind}) WHERE x.from < $until AND x.to >= $at"
            + " RETURN x {.*} AS row ORDER BY x.from, x.file";
    static final String BY_FILE = "MATCH (x:RetentionExport {file: $file}) RETURN x {.*} AS row";
    static final String OF_KIND = "MATCH (x:RetentionExport {kind: $kind}) RETURN x {.*} AS row ORDER BY x.from, x.file";

    private final Neo4jClient client;

    public ExportRepository(Neo4jClient client) {
        this.client = client;
    }

    /** Records the export (in the caller's transaction); an export of the same file recorded before stays as it was. */
    public Export record(Export x) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", x.kind());
        m.put("file", x.file());
        m.put("sha256", x.sha256());
        m.put("size", x.size());
        m.put("count", x.count());
        m.put("from", x.from());
        m.put("to", x.to());
        m.put("firstKey", x.firstKey());
        m.put("lastKey", x.lastKey());
        m.put("exportedAt", x.exportedAt());
        return client.query(RECORD).bind(m).to("x").fetchAs(Export.class).mappedBy((t, r) -> export(r.get("row"))).one().orElseThrow();
    }

    /** Exports of {@code kind} whose time range meets [{@code at}, {@code until}). */
    public List<Export> covering(String kind, OffsetDateTime at, OffsetDateTime until) {
        return List.copyOf(client.query(COVERING).bindAll(Map.of("kind", kind, "at", at, "until", until)).fetchAs(Export.class)
                .mappedBy((t, r) -> export(r.get("row"))).all());
    }

    public Optional<Export> byFile(String file) {
        return client.query(BY_FILE).bind(file).to("file").fetchAs(Export.class).mappedBy((t, r) -> export(r.get("row"))).one();
    }

    public List<Export> ofKind(String kind) {
        return List.copyOf(client.query(OF_KIND).bind(kind).to("kind").fetchAs(Export.class).mappedBy((t, r) -> export(r.get("row"))).all());
    }

    static Export export(MapAccessor m) {
        return new Export(m.get("kind").asString(), m.get("file").asString(), m.get("sha256").asString(), m.get("size").asLong(),
                m.get("count").asLong(), Values.dateTime(m.get("from")), Values.dateTime(m.get("to")), Values.str(m.get("firstKey")),
                Values.str(m.get("lastKey")), Values.dateTime(m.get("exportedAt")));
    }
}
