package org.supervisionhub.graph.checklist;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.Checklist.ItemData;
import org.supervisionhub.graph.checklist.Checklist.Version;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/**
 * Checklist versions and items. Writes to a version are guarded in Cypher by {@code status = 'DRAFT'}
 * in the same statement, so a published version cannot change even under concurrent requests (CHK-06).
 */
public class ChecklistRepository {

    static final String VERSION = "v {.id, .title, .scope, .kind, .edition, .status, .createdAt, .publishedAt,"
            + " departmentId: [(v)-[:ISSUED_BY]->(d:Department) | d.id][0],"
            + " supersedesId: [(v)-[:SUPERSEDES]->(p:ChecklistVersion) | p.id][0]}";
    static final String ITEM = "i {.id, .code, .title, .legalBasis, .content, .implementingBody, .targetKind, .itemClass,"
            + " .ratioCap, .methods, .businessLine, position: h.position, versionId: v.id}";

    /** Creates the items {@code $items} of version {@code v} at positions 1..n; ids are version id + code. */
    static final String CREATE_ITEMS = " WITH v UNWIND range(0, size($items) - 1) AS n WITH v, n, $items[n] AS it"
            + " CREATE (v)-[:HAS_ITEM {position: n + 1}]->(:InspectionItem {id: $id + '-' + it.code, code: it.code,"
            + "  title: it.title, legalBasis: it.legalBasis, content: it.content, implementingBody: it.implementingBody,"
            + "  targetKind: it.targetKind, itemClass: it.itemClass, ratioCap: it.ratioCap, methods: it.methods,"
            + "  businessLine: it.businessLine})";

    static final String VERSIONS_BY_ID = "MATCH (v:ChecklistVersion) WHERE v.id IN $ids RETURN " + VERSION + " AS row";
    static final String VERSIONS = "MATCH (v:ChecklistVersion)-[:ISSUED_BY]->(d:Department)"
            + " WHERE ($departmentId IS NULL OR d.id = $departmentId) AND ($kind IS NULL OR v.kind = $kind)"
            + " AND ($status IS NULL OR v.status = $status) AND ($after IS NULL OR v.id > $after)"
            + " AND (v.status <> 'DRAFT' OR $draftsOf IS NULL OR d.id IN $draftsOf)"
            + " RETURN v.id AS key ORDER BY v.id LIMIT $limit";
    static final String ITEMS_OF = "UNWIND $ids AS vid MATCH (v:ChecklistVersion {id: vid})-[h:HAS_ITEM]->(i:InspectionItem)"
            + " WHERE $after IS NULL OR h.position > $after"
            + " RETURN vid AS key, " + ITEM + " AS row ORDER BY vid, h.position";
    static final String ITEMS_BY_ID = "MATCH (v:ChecklistVersion)-[h:HAS_ITEM]->(i:InspectionItem) WHERE i.id IN $ids"
            + " RETURN " + ITEM + " AS row";
    static final String ITEM_COUNTS = "UNWIND $ids AS vid MATCH (v:ChecklistVersion {id: vid})"
            + " RETURN vid AS key, COUNT { (v)-[:HAS_ITEM]->() } AS n";
    static final String LAST_EDITION = "MATCH (v:ChecklistVersion {scope: $scope, kind: $kind})-[:ISSUED_BY]->(:Department {id: $departmentId})"
            + " RETURN coalesce(max(v.edition), 0) AS n";
    static final String CREATE_DRAFT = "MATCH (d:Department {id: $departmentId})"
            + " CREATE (v:ChecklistVersion {id: $id, title: $title, scope: $scope, kind: $kind, edition: $edition,"
            + "  status: 'DRAFT', createdAt: $now})-[:ISSUED_BY]->(d)"
            + " WITH v OPTIONAL MATCH (prev:ChecklistVersion {id: $supersedes})"
            + " FOREACH (p IN CASE WHEN prev IS NULL THEN [] ELSE [prev] END | CREATE (v)-[:SUPERSEDES]->(p))"
            + CREATE_ITEMS;
    static final String REPLACE_DRAFT_ITEMS = "MATCH (v:ChecklistVersion {id: $id}) WHERE v.status = 'DRAFT'"
            + " SET v.title = coalesce($title, v.title)"
            + " WITH v OPTIONAL MATCH (v)-[:HAS_ITEM]->(old:InspectionItem) DETACH DELETE old"
            + " WITH DISTINCT v" + CREATE_ITEMS + " RETURN count(*) AS n";
    static final String PUBLISH = "MATCH (v:ChecklistVersion {id: $id}) WHERE v.status = 'DRAFT'"
            + " SET v.status = 'PUBLISHED', v.publishedAt = $now RETURN count(v) AS n";

    private final Neo4jClient client;

    public ChecklistRepository(Neo4jClient client) {
        this.client = client;
    }

    public Map<String, Version> versions(Collection<String> ids) {
        return KeyedRows.unique(client, VERSIONS_BY_ID, Map.of("ids", List.copyOf(ids)), ChecklistRepository::version, Version::id);
    }

    public Optional<Version> version(String id) {
        return Optional.ofNullable(versions(List.of(id)).get(id));
    }

    /**
     * Versions by id, filtered; drafts only of the departments in {@code draftsOf} (null: all drafts),
     * so a draft never shows, nor counts, outside the departments that may see it.
     */
    public Page<Version> list(String departmentId, String kind, String status, Collection<String> draftsOf, int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("draftsOf", draftsOf == null ? null : List.copyOf(draftsOf));
        p.put("departmentId", departmentId);
        p.put("kind", kind);
        p.put("status", status);
        p.put("after", after == null ? null : Cursor.decode(after, 1).key(0));
        p.put("limit", first + 1);
        List<Version> rows = KeyedRows.inOrder(client.query(VERSIONS).bindAll(p).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("key").asString()).all(), this::versions);
        return Page.of(rows, first, v -> Cursor.encode(v.id()));
    }

    /** Items of many versions at once, each list paged after {@code after} (a position cursor). */
    public Map<String, Page<Item>> items(Collection<String> versionIds, int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("ids", List.copyOf(versionIds));
        p.put("after", after == null ? null : Cursor.decode(after, 1).longKey(0));
        Map<String, List<Item>> grouped = KeyedRows.grouped(client, ITEMS_OF, p, ChecklistRepository::item);
        Map<String, Page<Item>> out = new HashMap<>();
        for (String id : versionIds) {
            List<Item> all = grouped.getOrDefault(id, List.of());
            out.put(id, Page.of(all.subList(0, Math.min(all.size(), first + 1)), first, i -> Cursor.encode(String.valueOf(i.position()))));
        }
        return out;
    }

    public Map<String, Item> itemsById(Collection<String> ids) {
        return KeyedRows.unique(client, ITEMS_BY_ID, Map.of("ids", List.copyOf(ids)), ChecklistRepository::item, Item::id);
    }

    public Map<String, Integer> itemCounts(Collection<String> versionIds) {
        Map<String, Integer> out = new HashMap<>();
        client.query(ITEM_COUNTS).bind(List.copyOf(versionIds)).to("ids").fetch().all()
                .forEach(m -> out.put((String) m.get("key"), ((Number) m.get("n")).intValue()));
        return out;
    }

    public int lastEdition(String departmentId, String scope, String kind) {
        return client.query(LAST_EDITION).bindAll(Map.of("departmentId", departmentId, "scope", scope, "kind", kind))
                .fetchAs(Integer.class).mappedBy((t, r) -> r.get("n").asInt()).one().orElse(0);
    }

    public void createDraft(String id, String departmentId, String title, String scope, String kind, int edition,
                            String supersedes, List<ItemData> items, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("departmentId", departmentId);
        p.put("title", title);
        p.put("scope", scope);
        p.put("kind", kind);
        p.put("edition", edition);
        p.put("supersedes", supersedes);
        p.put("items", items.stream().map(ChecklistRepository::itemParams).toList());
        p.put("now", now);
        client.query(CREATE_DRAFT).bindAll(p).run();
    }

    /** Replaces title and items of a draft; returns false when the version is not a draft (any more). */
    public boolean replaceDraft(String id, String title, List<ItemData> items) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("title", title);
        p.put("items", items.stream().map(ChecklistRepository::itemParams).toList());
        return client.query(REPLACE_DRAFT_ITEMS).bindAll(p).fetchAs(Long.class)
                .mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L) > 0;
    }

    /** Publishes a draft; returns false when it was not a draft. */
    public boolean publish(String id, OffsetDateTime now) {
        return client.query(PUBLISH).bindAll(Map.of("id", id, "now", now)).fetchAs(Long.class)
                .mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L) > 0;
    }

    private static Map<String, Object> itemParams(ItemData d) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", d.code());
        m.put("title", d.title());
        m.put("legalBasis", d.legalBasis());
        m.put("content", d.content());
        m.put("implementingBody", d.implementingBody());
        m.put("targetKind", d.targetKind());
        m.put("itemClass", d.itemClass());
        m.put("ratioCap", d.ratioCap());
        m.put("methods", d.methods() == null ? List.of() : d.methods());
        m.put("businessLine", d.businessLine());
        return m;
    }

    static Version version(MapAccessor m) {
        return new Version(Values.str(m.get("id")), Values.str(m.get("departmentId")), Values.str(m.get("title")),
                Values.str(m.get("scope")), Values.str(m.get("kind")), m.get("edition").asInt(0), Values.str(m.get("status")),
                Values.dateTime(m.get("createdAt")), Values.dateTime(m.get("publishedAt")), Values.str(m.get("supersedesId")));
    }

    static Item item(MapAccessor m) {
        return new Item(Values.str(m.get("id")), Values.str(m.get("versionId")), m.get("position").asInt(),
                Values.str(m.get("code")), Values.str(m.get("title")), Values.str(m.get("legalBasis")),
                Values.str(m.get("content")), Values.str(m.get("implementingBody")), Values.str(m.get("targetKind")),
                Values.str(m.get("itemClass")), Values.str(m.get("ratioCap")), Values.strings(m.get("methods")),
                Values.str(m.get("businessLine")));
    }
}
