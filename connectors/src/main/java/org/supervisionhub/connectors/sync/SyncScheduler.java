package org.supervisionhub.connectors.sync;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.DisposableBean;
import org.supervisionhub.connectors.credit.ResultDelivery;
import org.supervisionhub.connectors.market.MarketRegistrySync;
import org.supervisionhub.connectors.market.MarketRegistrySync.Mode;
import org.supervisionhub.connectors.market.MarketRegistrySync.Run;

/**
 * Runs the registry sync on this replica: every {@code interval} when enabled, and on demand. One run at a time
 * here; across replicas the sync's lease in the graph lets only one proceed (the others end BUSY).
 */
public class SyncScheduler implements DisposableBean {

    private final MarketRegistrySync market;
    private final ResultDelivery delivery;
    private final ConnectorProperties.Source settings;
    private final ConnectorProperties.Source credit;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "source-sync");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Run> last = new AtomicReference<>();
    private final AtomicReference<ResultDelivery.Pass> lastPass = new AtomicReference<>();
    private final ScheduledExecutorService deliverer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-delivery");
        t.setDaemon(true);
        return t;
    });

    public SyncScheduler(MarketRegistrySync market, ResultDelivery delivery, ConnectorProperties properties) {
        this.market = market;
        this.delivery = delivery;
        this.settings = properties.market();
        this.credit = properties.credit();
        if (settings.enabled() && settings.baseUrl() != null) {
            long every = settings.interval().toMillis();
            runner.scheduleWithFixedDelay(() -> request(Mode.INCREMENTAL), every, every, TimeUnit.MILLISECONDS);
        }
        if (credit.enabled() && credit.baseUrl() != null) {
            long every = credit.interval().toMillis();
            deliverer.scheduleWithFixedDelay(() -> lastPass.set(delivery.deliver()), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the credit platform's address is set. */
    public boolean deliveryConfigured() {
        return credit.baseUrl() != null;
    }

    /** One delivery pass of the outbox, now, on the delivery thread (after any pass under way); its outcome. */
    public ResultDelivery.Pass deliverNow() {
        try {
            ResultDelivery.Pass pass = deliverer.submit(delivery::deliver).get();
            lastPass.set(pass);
            return pass;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Optional<ResultDelivery.Pass> lastPass() {
        return Optional.ofNullable(lastPass.get());
    }

    /** Whether a base URL is set (else the source cannot be reached at all). */
    public boolean configured() {
        return settings.baseUrl() != null;
    }

    /** Starts a run unless one is under way here; true when started. */
    public boolean request(Mode mode) {
        if (!configured() || !running.compareAndSet(false, true)) {
            return false;
        }
        runner.execute(() -> {
            try {
                last.set(market.run(mode));
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    public boolean running() {
        return running.get();
    }

    public Optional<Run> lastRun() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
        deliverer.shutdownNow();
    }
}
