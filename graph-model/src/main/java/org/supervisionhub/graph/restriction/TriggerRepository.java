package org.supervisionhub.graph.restriction;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.restriction.TriggerKind;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.restriction.Restrictions.TriggerEvent;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * Credit listings and sanctions ({@code RestrictionTrigger}, labelled {@code CreditListing} or {@code Sanction}),
 * their history, and the change log of what may alter restriction answers.
 * Triggers are never deleted: a removal (credit repair) sets {@code removedAt} (when it takes effect) and
 * {@code removalRecordedAt} (when the hub learnt of it: knowledge time of restriction answers), and is recorded as an event.
 */
public class TriggerRepository {

    private static final String PROPS = "id: $t.id, kind: $t.kind, triggerType: $t.triggerType, uscc: $t.uscc,"
            + " issuingDepartmentId: $t.issuingDepartmentId, issuingDepartment: $t.issuingDepartment, legalBasis: $t.legalBasis,"
            + " reason: $t.reason, decisionNo: $t.decisionNo, penalties: $t.penalties, fineAmount: $t.fineAmount,"
            + " activeFrom: $t.activeFrom, activeOn: $t.activeOn, expiresAt: $t.expiresAt, source: $t.source, sourceRef: $t.sourceRef,"
            + " recordedAt: $t.recordedAt, recordedBy: $t.recordedBy";
    private static final String CREATE_TAIL = "-[:CONCERNS]->(e)"
            + " CREATE (t)-[:HAD]->(:TriggerEvent {kind: 'LISTED', at: $t.recordedAt, effectiveAt: $t.activeFrom, actor: $t.recordedBy,"
            + " reason: $t.reason}) RETURN t.id AS id";
    static final String CREATE_LISTING = "MATCH (e:Enterprise {uscc: $t.uscc}) CREATE (t:RestrictionTrigger:CreditListing {" + PROPS + "})"
            + CREATE_TAIL;
    static final String CREATE_SANCTION = "MATCH (e:Enterprise {uscc: $t.uscc}) CREATE (t:RestrictionTrigger:Sanction {" + PROPS + "})"
            + CREATE_TAIL;
    /** Takes the trigger's write lock; a second removal waits and then sees the first. */
    static final String LOCK = "MATCH (t:RestrictionTrigger {id: $id}) SET t.lock = true REMOVE t.lock RETURN t {.*} AS row";
    /** Written only over an open trigger, the state the domain's {@code RestrictionTrigger.remove} decided from. */
    static final String REMOVE = "MATCH (t:RestrictionTrigger {id: $id}) WHERE t.removedAt IS NULL"
            + " SET t.removedAt = $removedAt, t.removalReason = $reason, t.removedBy = $actor, t.removalRecordedAt = $now"
            + " CREATE (t)-[:HAD]->(:TriggerEvent {kind: 'REMOVED', at: $now, effectiveAt: $removedAt, actor: $actor, reason: $reason})";
    static final String BY_ID = "MATCH (t:RestrictionTrigger) WHERE t.id IN $ids RETURN t {.*} AS row";
    static final String OF_ENTERPRISES = "UNWIND $usccs AS uscc MATCH (t:RestrictionTrigger {uscc: uscc})"
            + " WHERE ($kind IS NULL OR t.kind = $kind) AND ($asOf IS NULL OR (" + activeAt("$asOf") + "))"
            + " RETURN uscc AS key, t {.*} AS row ORDER BY uscc, t.activeFrom DESC, t.id";
    static final String BY_SOURCE_REF = "UNWIND $refs AS ref MATCH (t:RestrictionTrigger {sourceRef: ref})"
            + " RETURN ref AS key, t {.*} AS row ORDER BY ref, t.activeFrom, t.id";
    static final String EVENTS = "UNWIND $ids AS id MATCH (t:RestrictionTrigger {id: id})-[:HAD]->(ev:TriggerEvent)"
            + " RETURN id AS key, ev {.*, triggerId: id} AS row ORDER BY id, ev.at, ev.kind";
    static final String NEXT_ID = "MERGE (s:Sequence {name: $name}) SET s.n = coalesce(s.n, 0) + 1 RETURN s.n AS n";
    static final String APPEND_CHANGE = "MERGE (s:Sequence {name: 'restriction-change'}) SET s.n = coalesce(s.n, 0) + 1"
            + " CREATE (c:RestrictionChange {seq: s.n, at: $at, kind: $kind, triggerId: $triggerId, uscc: $uscc, measureId: $measureId})";
    static final String CHANGES_AFTER = "MATCH (c:RestrictionChange) WHERE c.seq > $after RETURN c {.*} AS row ORDER BY c.seq LIMIT $limit";
    static final String LAST_CHANGE = "OPTIONAL MATCH (s:Sequence {name: 'restriction-change'}) RETURN coalesce(s.n, 0) AS n";

    /**
     * Trigger {@code t} is in force at the instant {@code param} (a Cypher datetime expression): begun, neither removed nor
     * expired. The one definition, for statements of other capabilities that read triggers inline (exploration).
     */
    public static String activeAt(String param) {
        return "t.activeFrom <= %1$s AND (t.removedAt IS NULL OR %1$s < t.removedAt) AND (t.expiresAt IS NULL OR %1$s < t.expiresAt)"
                .formatted(param);
    }

    private final Neo4jClient client;

    public TriggerRepository(Neo4jClient client) {
        this.client = client;
    }

    /** The next number of a named sequence (listing and sanction ids). */
    public long nextNumber(String sequence) {
        return client.query(NEXT_ID).bind(sequence).to("name").fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElseThrow();
    }

    /** Creates the trigger; empty when the enterprise does not exist. */
    public boolean create(Trigger t) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", t.id());
        m.put("kind", t.kind().name());
        m.put("triggerType", t.type().name());
        m.put("uscc", t.uscc());
        m.put("issuingDepartmentId", t.issuingDepartmentId());
        m.put("issuingDepartment", t.issuingDepartment());
        m.put("legalBasis", t.legalBasis());
        m.put("reason", t.reason());
        m.put("decisionNo", t.decisionNo());
        m.put("penalties", t.penalties() == null || t.penalties().isEmpty() ? null : t.penalties());
        m.put("fineAmount", t.fineAmount() == null ? null : t.fineAmount().toPlainString());
        m.put("activeFrom", t.activeFrom());
        m.put("activeOn", t.activeOn());
        m.put("expiresAt", t.expiresAt());
        m.put("source", t.source().name());
        m.put("sourceRef", t.sourceRef());
        m.put("recordedAt", t.recordedAt());
        m.put("recordedBy", t.recordedBy());
        String cypher = t.kind() == TriggerKind.SANCTION ? CREATE_SANCTION : CREATE_LISTING;
        return client.query(cypher).bind(m).to("t").fetch().one().isPresent();
    }

    /** Locks and reads the trigger. */
    public Optional<Trigger> lock(String id) {
        return client.query(LOCK).bind(id).to("id").fetchAs(Trigger.class).mappedBy((t, r) -> RestrictionQuery.trigger(r.get("row"))).one();
    }

    /** Removes an open trigger; fails if it was removed already (the change is not written then). */
    public void remove(String id, OffsetDateTime removedAt, String reason, String actor, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("removedAt", removedAt);
        p.put("reason", reason);
        p.put("actor", actor);
        p.put("now", now);
        if (client.query(REMOVE).bindAll(p).run().counters().propertiesSet() == 0) {
            throw new IllegalStateException("trigger " + id + " was removed already: the removal was not written");
        }
    }

    public Map<String, Trigger> byId(Collection<String> ids) {
        return KeyedRows.unique(client, BY_ID, Map.of("ids", List.copyOf(ids)), RestrictionQuery::trigger, Trigger::id);
    }

    /** Triggers of each enterprise, newest first; with {@code asOf}, only those active then. */
    public Map<String, List<Trigger>> ofEnterprises(Collection<String> usccs, String kind, OffsetDateTime asOf) {
        Map<String, Object> p = new HashMap<>();
        p.put("usccs", List.copyOf(usccs));
        p.put("kind", kind);
        p.put("asOf", asOf);
        return KeyedRows.grouped(client, OF_ENTERPRISES, p, RestrictionQuery::trigger);
    }

    /** Triggers recorded with each of {@code refs} as their source reference (e.g. the inspection result they follow from). */
    public Map<String, List<Trigger>> bySourceRef(Collection<String> refs) {
        return KeyedRows.grouped(client, BY_SOURCE_REF, Map.of("refs", List.copyOf(refs)), RestrictionQuery::trigger);
    }

    public Map<String, List<TriggerEvent>> events(Collection<String> ids) {
        return KeyedRows.grouped(client, EVENTS, Map.of("ids", List.copyOf(ids)), m -> new TriggerEvent(m.get("triggerId").asString(),
                m.get("kind").asString(), Values.dateTime(m.get("at")), Values.dateTime(m.get("effectiveAt")), Values.str(m.get("actor")),
                Values.str(m.get("reason"))));
    }

    /** Appends to the change log, in the caller's transaction. */
    public void appendChange(String kind, String triggerId, String uscc, String measureId, OffsetDateTime at) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", kind);
        p.put("triggerId", triggerId);
        p.put("uscc", uscc);
        p.put("measureId", measureId);
        p.put("at", at);
        client.query(APPEND_CHANGE).bindAll(p).run();
    }

    /** Change-log entries after {@code seq}, oldest first. */
    public List<Restrictions.Change> changesAfter(long seq, int limit) {
        return List.copyOf(client.query(CHANGES_AFTER).bindAll(Map.of("after", seq, "limit", limit)).fetchAs(Restrictions.Change.class)
                .mappedBy((t, r) -> {
                    var m = r.get("row");
                    return new Restrictions.Change(m.get("seq").asLong(), Values.dateTime(m.get("at")), m.get("kind").asString(),
                            Values.str(m.get("triggerId")), Values.str(m.get("uscc")), Values.str(m.get("measureId")));
                }).all());
    }

    /** The newest change-log sequence number; 0 when nothing was logged. */
    public long lastChange() {
        return client.query(LAST_CHANGE).fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L);
    }
}
