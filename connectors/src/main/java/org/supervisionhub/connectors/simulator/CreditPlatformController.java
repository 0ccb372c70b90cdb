package org.supervisionhub.connectors.simulator;

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
    private final Faults faults;
    private final MarketDataset market;
    private final ListsDataset lists;

    public CreditPlatformController(Faults faults, MarketDataset market, ListsDataset lists) {
        this.faults = faults;
        this.market = market;
        this.lists = lists;
    }

    @Override
    public ResponseEntity<ListEntryPage> listJointPunishmentEntries(String after, Integer limit) {
        long from = MarketRegistryController.cursor(after);
        int n = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        long total = lists.creditItems();
        List<ListEntry> items = new ArrayList<>();
        for (long seq = from + 1; seq <= Math.min(total, from + n); seq++) {
            ListEntry e = lists.credit(seq);
            double rate = faults.settings().malformedRate();
            if (rate > 0 && market.unit(seq, 22) < rate) {
                e.setUscc(ListsDataset.broken(e.getUscc()));
            }
            items.add(e);
        }
        long last = from + items.size();
        return ResponseEntity.ok(new ListEntryPage(items, "s" + last, last < total));
    }

    @Override
    public synchronized ResponseEntity<Receipt> submitInspectionResult(String idempotencyKey, InspectionResultSubmission submission) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || submission == null || submission.getResultId() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Idempotency-Key and resultId are required");
        }
        Receipt first = byKey.get(idempotencyKey);
        if (first != null) {
            duplicates.incrementAndGet();
            return ResponseEntity.ok(new Receipt(first.getReceiptId(), idempotencyKey, true, first.getReceivedAt()));
        }
        Receipt r = new Receipt("CR-" + UUID.randomUUID(), idempotencyKey, false, OffsetDateTime.now());
        byKey.put(idempotencyKey, r);
        inOrder.add(r);
        if (java.util.concurrent.ThreadLocalRandom.current().nextDouble() < faults.settings().ackLossRate()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "recorded, but the answer is lost");
        }
        return ResponseEntity.ok(r);
    }

    @Override
    public synchronized ResponseEntity<ReceiptPage> listReceivedInspectionResults(String after, Integer limit) {
        int from = (int) MarketRegistryController.cursor(after);
        int n = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        List<Receipt> items = List.copyOf(inOrder.subList(Math.min(from, inOrder.size()), Math.min(inOrder.size(), from + n)));
        int next = from + items.size();
        ReceiptPage page = new ReceiptPage(items, next < inOrder.size());
        return ResponseEntity.ok(next < inOrder.size() ? page.nextCursor("s" + next) : page);
    }

    public synchronized int received() {
        return inOrder.size();
    }

    public synchronized List<String> keys() {
        return inOrder.stream().map(Receipt::getIdempotencyKey).toList();
    }

    public long duplicates() {
        return duplicates.get();
    }
}
