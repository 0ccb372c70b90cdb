package org.supervisionhub.graph.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/**
 * Appends audit events and verifies the chain. An append first writes the single {@code AuditHead}
 * node: Neo4j's write lock on it serialises appenders in every replica, so sequence numbers and
 * links never fork. Appends join the caller's transaction when there is one, so an audited change
 * and its event commit or roll back together.
 */
public class AuditTrail {

    /** Result of walking the chain: valid, or the first sequence number where it breaks and why. */
    public record Verification(boolean valid, long checked, Long brokenAt, String problem) {
    }

    /**
     * Where the chain in the graph starts once its oldest events were exported and removed (retention): the last removed
     * event's seq and hash, and the export file holding the removed events with that file's SHA-256.
     */
    public record Anchor(long seq, String hash, String export, String sha256, OffsetDateTime at) {

        static final Anchor GENESIS = new Anchor(0, AuditEvent.GENESIS, null, null, null);
    }

    /** Which events to list; null components do not filter. */
    public record Filter(String subjectId, String actor, Collection<String> departments, String operation) {
    }

    static final String LOCK_HEAD = "MERGE (h:AuditHead {id: 'audit'}) ON CREATE SET h.seq = 0, h.hash = $genesis"
            + " SET h.lockedAt = $at RETURN h.seq AS seq, h.hash AS hash";
    static final String APPEND = "MATCH (h:AuditHead {id: 'audit'})"
            + " CREATE (e:AuditEvent {seq: $seq, at: $at, actor: $actor, department: $department, operation: $operation,"
            + "  argumentsDigest: $argumentsDigest, affectedIds: $affectedIds, reason: $reason, outcome: $outcome,"
            + "  prevHash: $prevHash, hash: $hash, requestedIds: $requestedIds, requestedCount: $requestedCount})"
            + " SET h.seq = $seq, h.hash = $hash"
            + " WITH e UNWIND $affectedIds + [r IN $requestedIds WHERE NOT r IN $affectedIds] AS key"
            + " MERGE (s:AuditSubject {key: key}) CREATE (e)-[:CONCERNS]->(s)";
    static final String CHAIN_PAGE = "MATCH (e:AuditEvent) WHERE e.seq > $after RETURN e ORDER BY e.seq LIMIT $limit";
    static final String HEAD = "MATCH (h:AuditHead {id: 'audit'}) RETURN h.seq AS seq, h.hash AS hash";
    static final String BY_SUBJECT = "MATCH (:AuditSubject {key: $subject})<-[:CONCERNS]-(e:AuditEvent)"
            + " WHERE ($before IS NULL OR e.seq < $before) AND ($actor IS NULL OR e.actor = $actor)"
            + " AND ($departments IS NULL OR e.department IN $departments) AND ($operation IS NULL OR e.operation = $operation)"
            + " RETURN e ORDER BY e.seq DESC LIMIT $limit";
    static final String FILTERED = "MATCH (e:AuditEvent)"
            + " WHERE ($before IS NULL OR e.seq < $before) AND ($actor IS NULL OR e.actor = $actor)"
            + " AND ($departments IS NULL OR e.department IN $departments) AND ($operation IS NULL OR e.operation = $operation)"
            + " RETURN e ORDER BY e.seq DESC LIMIT $limit";

    static final String ANCHOR = "MATCH (a:AuditAnchor {id: 'audit'}) RETURN a {.*} AS a";
    /** Removes events (and subjects no longer concerned by any) and moves the anchor forward, never back. */
    static final String PRUNE = "MERGE (a:AuditAnchor {id: 'audit'}) ON CREATE SET a.seq = 0 WITH a WHERE a.seq = $fromSeq - 1"
            + " SET a.seq = $seq, a.hash = $hash, a.export = $export, a.sha256 = $sha256, a.at = $at"
            + " WITH a UNWIND range($fromSeq, $seq) AS s MATCH (e:AuditEvent {seq: s})"
            + " OPTIONAL MATCH (e)-[:CONCERNS]->(subject:AuditSubject)"
            + " WITH collect(DISTINCT e) AS events, collect(DISTINCT subject.key) AS keys"
            + " FOREACH (e IN events | DETACH DELETE e) RETURN size(events) AS removed, keys";
    static final String ORPHAN_SUBJECTS = "UNWIND $keys AS key MATCH (s:AuditSubject {key: key}) WHERE NOT EXISTS { (s)<-[:CONCERNS]-() } DELETE s";

    private static final int VERIFY_PAGE = 1000;

    private final Neo4jClient client;
    private final TransactionTemplate transactions;

    public AuditTrail(Neo4jClient client, PlatformTransactionManager transactionManager) {
        this.client = client;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Appends an event after the current head, in the current transaction or a new one; returns it hashed. */
    public AuditEvent append(String actor, String department, String operation, String argumentsDigest,
                             List<String> affectedIds, String reason, String outcome, OffsetDateTime at) {
        return append(actor, department, operation, argumentsDigest, affectedIds, List.of(), null, reason, outcome, at);
    }

    /**
     * Appends an event that also records, bounded, what was asked ({@code requestedIds}, {@code requestedCount}; a refusal's
     * request): the event is findable under those ids as well as under {@code affectedIds}.
     */
    public AuditEvent append(String actor, String department, String operation, String argumentsDigest, List<String> affectedIds,
                             List<String> requestedIds, Integer requestedCount, String reason, String outcome, OffsetDateTime at) {
        return transactions.execute(status -> {
            OffsetDateTime stamped = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            // The caller's time (the hub's clock), not the database server's: one clock for the whole hub.
            Map<String, Object> head = client.query(LOCK_HEAD).bindAll(Map.of("genesis", AuditEvent.GENESIS, "at", stamped))
                    .fetch().one().orElseThrow();
            AuditEvent event = new AuditEvent(((Number) head.get("seq")).longValue() + 1, stamped, actor, department, operation,
                    argumentsDigest, affectedIds, reason, outcome, (String) head.get("hash"), null, requestedIds, requestedCount);
            AuditEvent hashed = new AuditEvent(event.seq(), event.at(), actor, department, operation, argumentsDigest,
                    event.affectedIds(), reason, outcome, event.prevHash(), event.computeHash(), event.requestedIds(), requestedCount);
            write(hashed);
            return hashed;
        });
    }

    /** Events matching {@code filter}, newest first, keyset-paged by sequence number. */
    public Page<AuditEvent> events(Filter filter, int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("subject", filter.subjectId());
        p.put("actor", filter.actor());
        p.put("departments", filter.departments() == null ? null : List.copyOf(filter.departments()));
        p.put("operation", filter.operation());
        p.put("before", after == null ? null : Cursor.decode(after, 1).longKey(0));
        p.put("limit", first + 1);
        List<AuditEvent> rows = List.copyOf(client.query(filter.subjectId() == null ? FILTERED : BY_SUBJECT).bindAll(p)
                .fetchAs(AuditEvent.class).mappedBy((t, r) -> read(r.get("e"))).all());
        return Page.of(rows, first, e -> Cursor.encode(Long.toString(e.seq())));
    }

    /** Where the chain in the graph starts: genesis, or the anchor retention left. */
    public Anchor anchor() {
        return client.query(ANCHOR).fetchAs(Anchor.class).mappedBy((t, r) -> {
            MapAccessor a = r.get("a");
            return new Anchor(a.get("seq").asLong(), a.get("hash").asString(), Values.str(a.get("export")), Values.str(a.get("sha256")),
                    Values.dateTime(a.get("at")));
        }).one().orElse(Anchor.GENESIS);
    }

    /** The first {@code limit} events after the anchor, oldest first (what retention would remove next). */
    public List<AuditEvent> oldest(int limit) {
        return List.copyOf(client.query(CHAIN_PAGE).bindAll(Map.of("after", anchor().seq(), "limit", limit))
                .fetchAs(AuditEvent.class).mappedBy((t, r) -> read(r.get("e"))).all());
    }

    /**
     * Removes {@code events} (which must continue the chain right after the anchor, in order) in the caller's transaction
     * and anchors the chain at the last of them, naming the export that holds them. Refused (nothing changes) when the
     * anchor moved meanwhile: a second replica pruned the same events.
     */
    public void prune(List<AuditEvent> events, String export, String sha256, OffsetDateTime at) {
        if (events.isEmpty()) {
            return;
        }
        AuditEvent last = events.get(events.size() - 1);
        Map<String, Object> p = new HashMap<>();
        p.put("fromSeq", events.get(0).seq());
        p.put("seq", last.seq());
        p.put("hash", last.hash());
        p.put("export", export);
        p.put("sha256", sha256);
        p.put("at", at);
        Map<String, Object> result = client.query(PRUNE).bindAll(p).fetch().one().orElseThrow();
        long removed = ((Number) result.get("removed")).longValue();
        if (removed != events.size()) {
            throw new IllegalStateException("audit events " + events.get(0).seq() + ".." + last.seq() + " are not the oldest after the anchor"
                    + " (found " + removed + "); nothing pruned");
        }
        client.query(ORPHAN_SUBJECTS).bind(result.get("keys")).to("keys").run();
    }

    /**
     * Walks every event in order from the anchor (genesis, or where retention left the chain), recomputing hashes and
     * links, and checks the head points at the last one.
     */
    public Verification verify() {
        Anchor anchor = anchor();
        long after = anchor.seq();
        String expectedPrev = anchor.hash();
        long checked = 0;
        while (true) {
            List<AuditEvent> page = List.copyOf(client.query(CHAIN_PAGE).bindAll(Map.of("after", after, "limit", VERIFY_PAGE))
                    .fetchAs(AuditEvent.class).mappedBy((t, r) -> read(r.get("e"))).all());
            for (AuditEvent e : page) {
                if (e.seq() != after + 1) {
                    return new Verification(false, checked, after + 1, "event " + (after + 1) + " is missing");
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return new Verification(false, checked, e.seq(), "event " + e.seq() + " does not link to its predecessor");
                }
                if (!e.hash().equals(e.computeHash())) {
                    return new Verification(false, checked, e.seq(), "event " + e.seq() + " was modified after it was recorded");
                }
                expectedPrev = e.hash();
                after = e.seq();
                checked++;
            }
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        Optional<Map<String, Object>> head = client.query(HEAD).fetch().one();
        long headSeq = head.map(r -> ((Number) r.get("seq")).longValue()).orElse(0L);
        String headHash = head.map(r -> (String) r.get("hash")).orElse(AuditEvent.GENESIS);
        if (headSeq != after || !headHash.equals(expectedPrev)) {
            return new Verification(false, checked, after + 1, "the chain ends at " + after + " but the head records " + headSeq);
        }
        return new Verification(true, checked, null, null);
    }

    private void write(AuditEvent e) {
        Map<String, Object> p = new HashMap<>();
        p.put("seq", e.seq());
        p.put("at", e.at());
        p.put("actor", e.actor());
        p.put("department", e.department());
        p.put("operation", e.operation());
        p.put("argumentsDigest", e.argumentsDigest());
        p.put("affectedIds", e.affectedIds());
        p.put("reason", e.reason());
        p.put("outcome", e.outcome());
        p.put("prevHash", e.prevHash());
        p.put("hash", e.hash());
        p.put("requestedIds", e.requestedIds());
        p.put("requestedCount", e.requestedCount());
        client.query(APPEND).bindAll(p).run();
    }

    static AuditEvent read(MapAccessor v) {
        return new AuditEvent(v.get("seq").asLong(), Values.dateTime(v.get("at")), Values.str(v.get("actor")),
                Values.str(v.get("department")), Values.str(v.get("operation")), Values.str(v.get("argumentsDigest")),
                Values.strings(v.get("affectedIds")), Values.str(v.get("reason")), Values.str(v.get("outcome")),
                Values.str(v.get("prevHash")), Values.str(v.get("hash")), Values.strings(v.get("requestedIds")),
                v.get("requestedCount").isNull() ? null : v.get("requestedCount").asInt());
    }
}
