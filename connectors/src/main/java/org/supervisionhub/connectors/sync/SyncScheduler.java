package org.supervisionhub.connectors.sync;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.DisposableBean;
import org.supervisionhub.connectors.market.MarketRegistrySync;
import org.supervisionhub.connectors.market.MarketRegistrySync.Mode;
import org.supervisionhub.connectors.market.MarketRegistrySync.Run;

/**
 * Runs the registry sync on this replica: every {@code interval} when enabled, and on demand. One run at a time
 * here; across replicas the sync's lease in the graph lets only one proceed (the others end BUSY).
 */
public class SyncScheduler implements DisposableBean {

    private final MarketRegistrySync market;
    private final ConnectorProperties.Source settings;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "source-sync");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Run> last = new AtomicReference<>();

    public SyncScheduler(MarketRegistrySync market, ConnectorProperties properties) {
        this.market = market;
        this.settings = properties.market();
        if (settings.enabled() && settings.baseUrl() != null) {
            long every = settings.interval().toMillis();
            runner.scheduleWithFixedDelay(() -> request(Mode.INCREMENTAL), every, every, TimeUnit.MILLISECONDS);
        }
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
    }
}
