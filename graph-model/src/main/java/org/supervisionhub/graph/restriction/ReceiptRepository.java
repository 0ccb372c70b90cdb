package org.supervisionhub.graph.restriction;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.restriction.Restrictions.Decision;
import org.supervisionhub.graph.restriction.Restrictions.DecisionKind;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/** Check receipts (who asked what, and what the hub answered) and the decisions partners record on them. */
public class ReceiptRepository {

    static final String CREATE = "UNWIND $rows AS row CREATE (r:CheckReceipt) SET r = row";
    static final String BY_ID = "MATCH (r:CheckReceipt) WHERE r.id IN $ids RETURN r {.*} AS row";
    static final String ALL = "MATCH (r:CheckReceipt) RETURN r {.*} AS row ORDER BY r.checkedAt, r.id SKIP $skip LIMIT $limit";
    static final String PAGE = "MATCH (r:CheckReceipt) WHERE ($departmentIds IS NULL OR r.departmentId IN $departmentIds)"
            + " AND ($subjectId IS NULL OR r.subjectId = $subjectId)"
            + " AND ($after IS NULL OR r.checkedAt < $afterAt OR (r.checkedAt = $afterAt AND r.id > $after))"
            + " RETURN r {.*} AS row ORDER BY r.checkedAt DESC, r.id LIMIT $limit";
    static final String DECIDE = "MATCH (r:CheckReceipt {id: $id}) SET r.lock = true REMOVE r.lock"
            + " CREATE (r)-[:DECIDED]->(:ReceiptDecision {decision: $decision, reference: $reference, note: $note, at: $at, actor: $actor})";
    static final String DECISIONS = "UNWIND $ids AS id MATCH (:CheckReceipt {id: id})-[:DECIDED]->(d:ReceiptDecision)"
            + " RETURN id AS key, d {.*, receiptId: id} AS row ORDER BY id, d.at";
    /** Retention: the oldest receipts checked before {@code $before}, with their decisions (range index on checkedAt). */
    static final String CHECKED_BEFORE = "MATCH (r:CheckReceipt) WHERE r.checkedAt < $before WITH r ORDER BY r.checkedAt, r.id LIMIT $limit"
            + " RETURN r {.*} AS row, [(r)-[:DECIDED]->(d:ReceiptDecision) | d {.*, receiptId: r.id}] AS decisions ORDER BY r.checkedAt, r.id";
    static final String DELETE = "UNWIND $ids AS id MATCH (r:CheckReceipt {id: id}) OPTIONAL MATCH (r)-[:DECIDED]->(d:ReceiptDecision)"
            + " DETACH DELETE d, r";

    /** A receipt as it leaves the graph: with every decision recorded on it, oldest first. */
    public record Aged(Receipt receipt, List<Decision> decisions) {
    }

    private final Neo4jClient client;

    public ReceiptRepository(Neo4jClient client) {
        this.client = client;
    }

    public void saveAll(List<Receipt> receipts) {
        List<Map<String, Object>> rows = new ArrayList<>(receipts.size());
        for (Receipt r : receipts) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", r.id());
            m.put("checkedAt", r.checkedAt());
            m.put("actor", r.actor());
            m.put("client", r.client());
            m.put("departmentId", r.departmentId());
            m.put("purpose", r.purpose());
            m.put("subjectKind", r.subjectKind());
            m.put("subjectId", r.subjectId());
            m.put("domain", r.domain().name());
            m.put("asOf", r.asOf());
            m.put("restricted", r.restricted());
            m.put("digest", r.digest());
            m.put("answer", r.answer());
            m.put("knownAt", r.knownAt());
            rows.add(m);
        }
        client.query(CREATE).bind(rows).to("rows").run();
    }

    public Map<String, Receipt> byId(Collection<String> ids) {
        return KeyedRows.unique(client, BY_ID, Map.of("ids", List.copyOf(ids)), ReceiptRepository::receipt, Receipt::id);
    }

    /** Every receipt, oldest first, {@code limit} from {@code skip} (to replay them all, e.g. to verify invariant 5). */
    public List<Receipt> all(int skip, int limit) {
        return client.query(ALL).bindAll(Map.of("skip", skip, "limit", limit)).fetchAs(Receipt.class).mappedBy((t, r) -> receipt(r.get("row")))
                .all().stream().toList();
    }

    /** Newest first; {@code departmentIds} null for all. */
    public Page<Receipt> page(Collection<String> departmentIds, String subjectId, int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentIds", departmentIds == null ? null : List.copyOf(departmentIds));
        p.put("subjectId", subjectId);
        p.put("limit", first + 1);
        if (after == null) {
            p.put("after", null);
            p.put("afterAt", null);
        } else {
            Cursor c = Cursor.decode(after, 2);
            p.put("afterAt", OffsetDateTime.parse(c.key(0)));
            p.put("after", c.key(1));
        }
        List<Receipt> rows = client.query(PAGE).bindAll(p).fetchAs(Receipt.class).mappedBy((t, r) -> receipt(r.get("row"))).all()
                .stream().toList();
        return Page.of(rows, first, r -> Cursor.encode(r.checkedAt().toString(), r.id()));
    }

    public void decide(String receiptId, DecisionKind decision, String reference, String note, OffsetDateTime at, String actor) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", receiptId);
        p.put("decision", decision.name());
        p.put("reference", reference);
        p.put("note", note);
        p.put("at", at);
        p.put("actor", actor);
        client.query(DECIDE).bindAll(p).run();
    }

    public Map<String, List<Decision>> decisions(Collection<String> receiptIds) {
        return KeyedRows.grouped(client, DECISIONS, Map.of("ids", List.copyOf(receiptIds)), ReceiptRepository::decision);
    }

    /** The {@code limit} oldest receipts checked before {@code before}, oldest first, each with its decisions. */
    public List<Aged> checkedBefore(OffsetDateTime before, int limit) {
        return client.query(CHECKED_BEFORE).bindAll(Map.of("before", before, "limit", limit)).fetchAs(Aged.class)
                .mappedBy((t, r) -> new Aged(receipt(r.get("row")), r.get("decisions").asList(d -> decision(d)).stream()
                        .sorted(java.util.Comparator.comparing(Decision::at)).toList()))
                .all().stream().toList();
    }

    /** Deletes the receipts and their decisions, in the caller's transaction. */
    public void delete(Collection<String> ids) {
        client.query(DELETE).bind(List.copyOf(ids)).to("ids").run();
    }

    static Decision decision(MapAccessor m) {
        return new Decision(m.get("receiptId").asString(), DecisionKind.valueOf(m.get("decision").asString()), Values.str(m.get("reference")),
                Values.str(m.get("note")), Values.dateTime(m.get("at")), Values.str(m.get("actor")));
    }

    static Receipt receipt(MapAccessor m) {
        return new Receipt(m.get("id").asString(), Values.dateTime(m.get("checkedAt")), Values.str(m.get("actor")), Values.str(m.get("client")),
                Values.str(m.get("departmentId")), m.get("purpose").asString(), m.get("subjectKind").asString(), m.get("subjectId").asString(),
                RestrictionDomain.valueOf(m.get("domain").asString()), Values.dateTime(m.get("asOf")), m.get("restricted").asBoolean(),
                m.get("digest").asString(), m.get("answer").asString(), Values.dateTime(m.get("knownAt")));
    }
}
