package org.supervisionhub.graph.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.supervisionhub.graph.store.Values;

/**
 * Appends audit events and verifies the chain. Each append runs in its own write transaction that
 * first writes the single {@code AuditHead} node: Neo4j's write lock on it serialises appenders in
 * every replica, so sequence numbers and links never fork.
 */
public class AuditTrail {

    /** Result of walking the chain: valid, or the first sequence number where it breaks and why. */
    public record Verification(boolean valid, long checked, Long brokenAt, String problem) {
    }

    static final String LOCK_HEAD = "MERGE (h:AuditHead {id: 'audit'}) ON CREATE SET h.seq = 0, h.hash = $genesis"
            + " SET h.lockedAt = datetime() RETURN h.seq AS seq, h.hash AS hash";
    static final String APPEND = "MATCH (h:AuditHead {id: 'audit'})"
            + " CREATE (e:AuditEvent {seq: $seq, at: $at, actor: $actor, department: $department, operation: $operation,"
            + "  argumentsDigest: $argumentsDigest, affectedIds: $affectedIds, reason: $reason, outcome: $outcome,"
            + "  prevHash: $prevHash, hash: $hash})"
            + " SET h.seq = $seq, h.hash = $hash";
    static final String PAGE = "MATCH (e:AuditEvent) WHERE e.seq > $after RETURN e ORDER BY e.seq LIMIT $limit";
    static final String HEAD = "MATCH (h:AuditHead {id: 'audit'}) RETURN h.seq AS seq, h.hash AS hash";

    private final Driver driver;
    private final String database;

    public AuditTrail(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    /** Appends an event after the current head; returns it with its sequence number and hash. */
    public AuditEvent append(String actor, String department, String operation, String argumentsDigest,
                             List<String> affectedIds, String reason, String outcome, OffsetDateTime at) {
        try (var session = driver.session(sessionConfig())) {
            return session.executeWrite(tx -> {
                Record head = tx.run(LOCK_HEAD, Map.of("genesis", AuditEvent.GENESIS)).single();
                AuditEvent event = new AuditEvent(head.get("seq").asLong() + 1,
                        at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), actor, department, operation,
                        argumentsDigest, List.copyOf(affectedIds), reason, outcome, head.get("hash").asString(), null);
                AuditEvent hashed = new AuditEvent(event.seq(), event.at(), actor, department, operation, argumentsDigest,
                        event.affectedIds(), reason, outcome, event.prevHash(), event.computeHash());
                write(tx, hashed);
                return hashed;
            });
        }
    }

    /** Walks every event in order, recomputing hashes and links, and checks the head points at the last one. */
    public Verification verify() {
        long after = 0;
        String expectedPrev = AuditEvent.GENESIS;
        long checked = 0;
        try (var session = driver.session(sessionConfig())) {
            while (true) {
                long from = after;
                List<AuditEvent> page = session.executeRead(tx -> tx.run(PAGE, Map.of("after", from, "limit", 1000)).list(r -> read(r.get("e"))));
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
                if (page.size() < 1000) {
                    break;
                }
            }
            Optional<Record> head = session.executeRead(tx -> tx.run(HEAD).stream().findFirst());
            long headSeq = head.map(r -> r.get("seq").asLong()).orElse(0L);
            String headHash = head.map(r -> r.get("hash").asString()).orElse(AuditEvent.GENESIS);
            if (headSeq != after || !headHash.equals(expectedPrev)) {
                return new Verification(false, checked, after + 1, "the chain ends at " + after + " but the head records " + headSeq);
            }
        }
        return new Verification(true, checked, null, null);
    }

    private static void write(TransactionContext tx, AuditEvent e) {
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
        tx.run(APPEND, p).consume();
    }

    static AuditEvent read(org.neo4j.driver.Value v) {
        return new AuditEvent(v.get("seq").asLong(), Values.dateTime(v.get("at")), Values.str(v.get("actor")),
                Values.str(v.get("department")), Values.str(v.get("operation")), Values.str(v.get("argumentsDigest")),
                Values.strings(v.get("affectedIds")), Values.str(v.get("reason")), Values.str(v.get("outcome")),
                Values.str(v.get("prevHash")), Values.str(v.get("hash")));
    }

    private SessionConfig sessionConfig() {
        return database == null || database.isBlank() ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
    }
}
