package org.supervisionhub.connectors.credit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.web.client.HttpClientErrorException;
import org.supervisionhub.connectors.credit.client.api.DefaultApi;
import org.supervisionhub.connectors.credit.client.model.InspectionResultSubmission;
import org.supervisionhub.connectors.credit.client.model.Receipt;
import org.supervisionhub.connectors.sync.ConnectorProperties;
import org.supervisionhub.connectors.sync.SourceGuard;
import org.supervisionhub.connectors.sync.Transactions;
import org.supervisionhub.graph.sync.OutboxRepository;
import org.supervisionhub.graph.sync.OutboxRepository.Message;
import org.supervisionhub.graph.sync.SyncRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox's published results to the credit platform: each message with its idempotency key, through the
 * platform's guard, until acknowledged. A message whose acknowledgement is lost is sent again with the same key, and
 * the platform records it once. The platform refusing the message itself (4xx other than 429) fails it for a person
 * to look at; anything else is tried again later, with growing pauses.
 */
public class ResultDelivery {

    public static final String DESTINATION = "CREDIT_PLATFORM";
    public static final String GUARD = "credit";
    static final String LOCK = "outbox:" + DESTINATION;

    /** What one pass did. */
    public record Pass(String outcome, int delivered, int retried, int failed) {
    }

    private final DefaultApi credit;
    private final JsonMapper json;
    private final OutboxRepository outbox;
    private final SyncRepository locks;
    private final Transactions transactions;
    private final SourceGuard guard;
    private final ConnectorProperties properties;
    private final Clock clock;
    private final String owner = "delivery/" + UUID.randomUUID();

    public ResultDelivery(DefaultApi credit, JsonMapper json, OutboxRepository outbox, SyncRepository locks, Transactions transactions, SourceGuard guard,
                          ConnectorProperties properties, Clock clock) {
        this.credit = credit;
        this.json = json;
        this.outbox = outbox;
        this.locks = locks;
        this.transactions = transactions;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    /** Delivers what is due, under a lease so one replica delivers at a time; the pass ends when the lease passes to another. */
    public Pass deliver() {
        if (!transactions.run(() -> locks.lock(LOCK, owner, now(), now().plus(properties.lockLease())))) {
            return new Pass("BUSY", 0, 0, 0);
        }
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        try {
            List<Message> due = transactions.run(() -> outbox.due(DESTINATION, now(), properties.credit().pageSize()));
            for (Message m : due) {
                // Renewed before each message, as a sync renews per batch: a pass longer than the lease would otherwise
                // let another replica take the lease and send what this one has not yet marked delivered.
                if (!transactions.run(() -> locks.lock(LOCK, owner, now(), now().plus(properties.lockLease())))) {
                    return new Pass("BUSY", delivered, retried, failed);
                }
                try {
                    InspectionResultSubmission body = json.readValue(m.payload(), InspectionResultSubmission.class);
                    Receipt receipt = guard.call(GUARD, () -> credit.submitInspectionResult(m.idempotencyKey(), body));
                    transactions.run(() -> outbox.delivered(m.id(), receipt.getReceiptId(), now()));
                    delivered++;
                } catch (HttpClientErrorException e) {
                    if (e.getStatusCode().value() == 429) {
                        later(m, e.getMessage());
                        retried++;
                    } else {
                        transactions.run(() -> outbox.failed(m.id(), e.getStatusCode() + ": " + e.getResponseBodyAsString()));
                        failed++;
                    }
                } catch (CallNotPermittedException e) {
                    later(m, e.getMessage());
                    return new Pass("CIRCUIT_OPEN", delivered, retried + 1, failed);
                } catch (RuntimeException e) {
                    later(m, e.toString());
                    retried++;
                }
            }
            return new Pass("DONE", delivered, retried, failed);
        } finally {
            transactions.run(() -> locks.unlock(LOCK, owner));
        }
    }

    /** Tried again after 2^attempts seconds, at most an hour. */
    private void later(Message m, String error) {
        long seconds = Math.min(3600, 1L << Math.min(12, m.attempts()));
        transactions.run(() -> outbox.retry(m.id(), now().plus(Duration.ofSeconds(seconds)), error));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
