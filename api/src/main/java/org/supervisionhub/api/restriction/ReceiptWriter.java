package org.supervisionhub.api.restriction;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;

/**
 * Writes receipts with group commit: checks that finish while another check's receipts are being written wait, and the
 * next of them writes all waiting receipts in one transaction. A lone check writes at once, so nothing waits when the
 * hub is quiet; under load one commit serves several checks. Every caller returns only once its receipts are
 * committed, or fails with the batch: an answer is never given without its receipt.
 */
@Component
public class ReceiptWriter {

    private record Pending(List<Receipt> receipts, CompletableFuture<Void> written) {
    }

    private final ReceiptRepository receipts;
    private final TransactionTemplate transactions;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final RestrictionMetrics metrics;

    public ReceiptWriter(ReceiptRepository receipts, PlatformTransactionManager transactionManager, RestrictionMetrics metrics) {
        this.receipts = receipts;
        // A write transaction: outside one, statements run as reads on a cluster's readers (docs/deployment-cluster.md).
        this.transactions = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
    }

    /** Returns once {@code batch} is committed. */
    public void write(List<Receipt> batch) {
        Pending mine = new Pending(batch, new CompletableFuture<>());
        waiting.add(mine);
        writing.lock();
        try {
            // The previous writer may have taken ours with its own.
            if (!mine.written().isDone()) {
                List<Pending> group = new ArrayList<>();
                List<Receipt> rows = new ArrayList<>();
                for (Pending p = waiting.poll(); p != null; p = waiting.poll()) {
                    group.add(p);
                    rows.addAll(p.receipts());
                }
                try {
                    transactions.executeWithoutResult(status -> receipts.saveAll(rows));
                    metrics.receiptsWritten(rows.size());
                    group.forEach(p -> p.written().complete(null));
                } catch (RuntimeException e) {
                    group.forEach(p -> p.written().completeExceptionally(e));
                }
            }
        } finally {
            writing.unlock();
        }
        try {
            mine.written().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
