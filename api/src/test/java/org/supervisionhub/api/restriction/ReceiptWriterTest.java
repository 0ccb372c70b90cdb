package org.supervisionhub.api.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;

/** Group commit of receipts: callers arriving during a write are written together next, and fail together. */
class ReceiptWriterTest {

    /** Holds its first write until released; records every write's receipt ids. */
    static final class SlowRepository extends ReceiptRepository {
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<String>> writes = new ArrayList<>();
        volatile boolean fail;

        SlowRepository() {
            super(null);
        }

        @Override
        public void saveAll(List<Receipt> receipts) {
            boolean first;
            synchronized (writes) {
                first = writes.isEmpty();
                writes.add(receipts.stream().map(Receipt::id).toList());
            }
            if (first) {
                try {
                    assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (fail) {
                throw new IllegalStateException("store unavailable");
            }
        }
    }

    /** The writer's transaction around each group, here without a database. */
    static final org.springframework.transaction.PlatformTransactionManager NO_TRANSACTIONS = new org.springframework.transaction.PlatformTransactionManager() {
        @Override
        public org.springframework.transaction.TransactionStatus getTransaction(org.springframework.transaction.TransactionDefinition definition) {
            return new org.springframework.transaction.support.SimpleTransactionStatus();
        }

        @Override
        public void commit(org.springframework.transaction.TransactionStatus status) {
        }

        @Override
        public void rollback(org.springframework.transaction.TransactionStatus status) {
        }
    };

    /** Any fixed instant: the writer does not look at it. */
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-04T10:00:00+08:00");

    static Receipt receipt(String id) {
        return new Receipt(id, AT, "a", "c", "D", "p", "ENTERPRISE", "U", RestrictionDomain.HONOURS, AT, false,
                "digest", "{}");
    }

    static Thread writer(ReceiptWriter writer, String id, List<Throwable> failures) {
        Thread t = new Thread(() -> {
            try {
                writer.write(List.of(receipt(id)));
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
        t.start();
        return t;
    }

    /** R1 is being written (held by the repository) while R2 and R3 wait for it. */
    static List<Thread> threeWritersTheFirstHeld(ReceiptWriter writer, SlowRepository repository, List<Throwable> failures) {
        Thread first = writer(writer, "R1", failures);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> {
            synchronized (repository.writes) {
                return !repository.writes.isEmpty();
            }
        });
        Thread second = writer(writer, "R2", failures);
        Thread third = writer(writer, "R3", failures);
        for (Thread t : List.of(second, third)) {
            // Within the 5 s the loop of sleeps allowed; the first write is held for 10.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> t.getState() == Thread.State.WAITING);
        }
        return List.of(first, second, third);
    }

    @Test
    void checksFinishingDuringAWriteAreCommittedTogetherInTheNext() throws InterruptedException {
        SlowRepository repository = new SlowRepository();
        ReceiptWriter writer = new ReceiptWriter(repository, NO_TRANSACTIONS, new RestrictionMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = threeWritersTheFirstHeld(writer, repository, failures);
        repository.release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(failures).isEmpty();
        assertThat(repository.writes).hasSize(2);
        assertThat(repository.writes.get(0)).containsExactly("R1");
        assertThat(repository.writes.get(1)).containsExactlyInAnyOrder("R2", "R3");
    }

    @Test
    void aFailedWriteFailsEveryCheckWaitingOnItAndTheNextWriteSucceeds() throws InterruptedException {
        SlowRepository repository = new SlowRepository();
        ReceiptWriter writer = new ReceiptWriter(repository, NO_TRANSACTIONS, new RestrictionMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = threeWritersTheFirstHeld(writer, repository, failures);
        repository.fail = true;
        repository.release.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(failures).hasSize(3).allSatisfy(e -> assertThat(e).hasMessage("store unavailable"));
        repository.fail = false;
        writer.write(List.of(receipt("R4")));
        assertThat(repository.writes.get(repository.writes.size() - 1)).containsExactly("R4");
        assertThatThrownBy(() -> {
            repository.fail = true;
            writer.write(List.of(receipt("R5")));
        }).hasMessage("store unavailable");
    }
}
