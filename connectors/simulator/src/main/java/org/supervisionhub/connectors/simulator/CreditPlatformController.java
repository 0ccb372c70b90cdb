package org.supervisionhub.connectors.simulator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.supervisionhub.connectors.simulator.credit.api.V1Api;
import org.supervisionhub.connectors.simulator.credit.model.InspectionResultSubmission;
import org.supervisionhub.connectors.simulator.credit.model.ListEntry;
import org.supervisionhub.connectors.simulator.credit.model.ListEntryPage;
import org.supervisionhub.connectors.simulator.credit.model.Receipt;
import org.supervisionhub.connectors.simulator.credit.model.ReceiptPage;

/**
 * The credit platform under {@code /credit}: its joint-punishment lists ({@link ListsDataset}) and
 * the intake of inspection results, which records each idempotency key once and counts repeated deliveries (its
 * duplicate detection).
 */
@RestController
@RequestMapping("/credit")
public class CreditPlatformController implements V1Api {

    private final Map<String, Receipt> byKey = new ConcurrentHashMap<>();
    private final List<Receipt> inOrder = new ArrayList<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final Map<String, Integer> arrivals = new java.util.LinkedHashMap<>();
    private final Faults faults;
    private final MarketDataset market;
    private final ListsDataset lists;
    private final Clock clock;

    public CreditPlatformController(Faults faults, MarketDataset market, ListsDataset lists, Clock clock) {
        this.faults = faults;
        this.clock = clock;
        this.market = market;
        this.lists = lists;
    }

    @Override
    public ResponseEntity<ListEntryPage> listJointPunishmentEntries(String after, Integer limit) {
        Feeds.Slice<ListEntry> page = Feeds.slice(after, limit, lists.creditItems(), seq -> {
            ListEntry e = lists.credit(seq);
            if (faults.malformed(market.unit(seq, 22))) {
                e.setUscc(ListsDataset.broken(e.getUscc()));
            }
            return e;
        });
        return ResponseEntity.ok(new ListEntryPage(page.items(), page.nextCursor(), page.hasMore()));
    }

    @Override
    public synchronized ResponseEntity<Receipt> submitInspectionResult(String idempotencyKey, InspectionResultSubmission submission) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || submission == null || submission.getResultId() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Idempotency-Key and resultId are required");
        }
        arrivals.merge(idempotencyKey, 1, Integer::sum);
        Receipt first = byKey.get(idempotencyKey);
        if (first != null) {
            duplicates.incrementAndGet();
            return ResponseEntity.ok(new Receipt(first.getReceiptId(), idempotencyKey, true, first.getReceivedAt()));
        }
        Receipt r = new Receipt("CR-" + UUID.randomUUID(), idempotencyKey, false, OffsetDateTime.now(clock));
        byKey.put(idempotencyKey, r);
        inOrder.add(r);
        if (faults.draw() < faults.settings().ackLossRate()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "recorded, but the answer is lost");
        }
        return ResponseEntity.ok(r);
    }

    @Override
    public synchronized ResponseEntity<ReceiptPage> listReceivedInspectionResults(String after, Integer limit) {
        Feeds.Slice<Receipt> page = Feeds.slice(after, limit, inOrder.size(), seq -> inOrder.get((int) seq - 1));
        ReceiptPage body = new ReceiptPage(page.items(), page.hasMore());
        return ResponseEntity.ok(page.hasMore() ? body.nextCursor(page.nextCursor()) : body);
    }

    public synchronized int received() {
        return inOrder.size();
    }

    public synchronized List<String> keys() {
        return inOrder.stream().map(Receipt::getIdempotencyKey).toList();
    }

    /** Arrivals by idempotency key, the first and every repeat. */
    public synchronized Map<String, Integer> arrivals() {
        return Map.copyOf(arrivals);
    }

    public long duplicates() {
        return duplicates.get();
    }
}
