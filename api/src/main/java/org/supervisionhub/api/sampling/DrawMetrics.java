package org.supervisionhub.api.sampling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@value #DRAWS}: draws committed and executed ({@code stage}), counted once their transaction commits, so a refused or
 * rolled-back draw is not counted.
 */
@Component
public class DrawMetrics {

    public static final String DRAWS = "hub.sampling.draws";

    private final Counter committed;
    private final Counter executed;

    public DrawMetrics(MeterRegistry registry) {
        this.committed = Counter.builder(DRAWS).description("Draws committed (vdraw-1 steps 1-6) and executed (steps 7-11)")
                .tag("stage", "committed").register(registry);
        this.executed = Counter.builder(DRAWS).description("Draws committed (vdraw-1 steps 1-6) and executed (steps 7-11)")
                .tag("stage", "executed").register(registry);
    }

    void committed() {
        afterCommit(committed);
    }

    void executed() {
        afterCommit(executed);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
