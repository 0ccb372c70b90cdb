package org.supervisionhub.graph.sync;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * Messages to other systems, written in the transaction of the change they announce ({@code (:OutboxMessage)}, one per
 * idempotency key) and delivered afterwards until the receiver acknowledges them: PENDING, then DELIVERED, or FAILED
 * when the receiver refuses the message itself.
 */
public class OutboxRepository {

    public record Message(String id, String destination, String kind, String idempotencyKey, String payload, String status, int attempts,
                          OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, String receipt, String lastError) {
    }

    static final String ENQUEUE = "MERGE (m:OutboxMessage {idempotencyKey: $key}) ON CREATE SET m.id = $id, m.destination = $destination,"
            + " m.kind = $kind, m.payload = $payload, m.status = 'PENDING', m.attempts = 0, m.createdAt = $now, m.nextAttemptAt = $now";
    static final String DUE = "MATCH (m:OutboxMessage {status: 'PENDING', destination: $destination}) WHERE m.nextAttemptAt <= $now"
            + " RETURN m {.*} AS row ORDER BY m.createdAt, m.id LIMIT $limit";
    static final String DELIVERED = "MATCH (m:OutboxMessage {id: $id}) WHERE m.status = 'PENDING'"
            + " SET m.status = 'DELIVERED', m.deliveredAt = $now, m.receipt = $receipt, m.attempts = m.attempts + 1";
    static final String RETRY = "MATCH (m:OutboxMessage {id: $id}) WHERE m.status = 'PENDING'"
            + " SET m.attempts = m.attempts + 1, m.nextAttemptAt = $next, m.lastError = $error";
    static final String FAILED = "MATCH (m:OutboxMessage {id: $id}) SET m.status = 'FAILED', m.attempts = m.attempts + 1, m.lastError = $error";
    static final String LIST = "MATCH (m:OutboxMessage) WHERE $status IS NULL OR m.status = $status"
            + " RETURN m {.*} AS row ORDER BY m.createdAt DESC, m.id LIMIT $limit";
    static final String COUNTS = "MATCH (m:OutboxMessage) RETURN m.status AS key, count(m) AS n";

    private final Neo4jClient client;

    public OutboxRepository(Neo4jClient client) {
        this.client = client;
    }

    /** Writes the message once per idempotency key, in the caller's transaction. */
    public void enqueue(String id, String destination, String kind, String idempotencyKey, String payload, OffsetDateTime now) {
        client.query(ENQUEUE).bindAll(Map.of("id", id, "destination", destination, "kind", kind, "key", idempotencyKey, "payload", payload,
                "now", now)).run();
    }

    public List<Message> due(String destination, OffsetDateTime now, int limit) {
        return List.copyOf(KeyedRows.unique(client, DUE, Map.of("destination", destination, "now", now, "limit", limit),
                OutboxRepository::message, Message::id).values());
    }

    public void delivered(String id, String receipt, OffsetDateTime now) {
        client.query(DELIVERED).bindAll(Map.of("id", id, "receipt", receipt, "now", now)).run();
    }

    public void retry(String id, OffsetDateTime next, String error) {
        client.query(RETRY).bindAll(Map.of("id", id, "next", next, "error", error)).run();
    }

    public void failed(String id, String error) {
        client.query(FAILED).bindAll(Map.of("id", id, "error", error)).run();
    }

    public List<Message> list(String status, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("status", status);
        p.put("limit", limit);
        return List.copyOf(KeyedRows.unique(client, LIST, p, OutboxRepository::message, Message::id).values());
    }

    public Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>();
        client.query(COUNTS).fetch().all().forEach(m -> out.put((String) m.get("key"), ((Number) m.get("n")).longValue()));
        return out;
    }

    static Message message(MapAccessor m) {
        return new Message(m.get("id").asString(), m.get("destination").asString(), m.get("kind").asString(), m.get("idempotencyKey").asString(),
                m.get("payload").asString(), m.get("status").asString(), m.get("attempts").asInt(0), Values.dateTime(m.get("createdAt")),
                Values.dateTime(m.get("nextAttemptAt")), Values.dateTime(m.get("deliveredAt")), Values.str(m.get("receipt")),
                Values.str(m.get("lastError")));
    }
}
