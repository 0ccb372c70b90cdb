package org.supervisionhub.connectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.DisposableBean;
import org.supervisionhub.connectors.credit.ResultDelivery;
import org.supervisionhub.connectors.sync.ConnectorProperties;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.FeedSync.Mode;
import org.supervisionhub.connectors.sync.FeedSync.Run;

/**
 * Runs the sources' syncs on this replica: each source's streams in turn, every {@code interval} when enabled, and on
 * demand; one run of a source at a time here, and across replicas each stream's lease in the graph lets one proceed
 * (the others end BUSY). The outbox is delivered on its own thread.
 */
public class SyncScheduler implements DisposableBean {

    private final Map<String, List<FeedSync<?, ?>>> bySource = new LinkedHashMap<>();
    private final ResultDelivery delivery;
    private final ConnectorProperties.Source credit;
    private final ScheduledExecutorService runner = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "source-sync");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService deliverer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-delivery");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<String, Run> last = new ConcurrentHashMap<>();
    private final AtomicReference<ResultDelivery.Pass> lastPass = new AtomicReference<>();

    public SyncScheduler(List<FeedSync<?, ?>> feeds, ResultDelivery delivery, ConnectorProperties properties) {
        feeds.forEach(f -> bySource.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f));
        bySource.keySet().forEach(s -> running.put(s, new AtomicBoolean()));
        this.delivery = delivery;
        this.credit = properties.credit();
        Set<String> scheduled = new LinkedHashSet<>();
        for (FeedSync<?, ?> f : feeds) {
            if (f.enabled() && f.configured() && scheduled.add(f.source())) {
                long every = f.interval().toMillis();
                runner.scheduleWithFixedDelay(() -> request(f.source(), Mode.INCREMENTAL), every, every, TimeUnit.MILLISECONDS);
            }
        }
        if (credit.enabled() && credit.baseUrl() != null) {
            long every = credit.interval().toMillis();
            deliverer.scheduleWithFixedDelay(() -> lastPass.set(delivery.deliver()), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the source has a connector with an address. */
    public boolean configured(String source) {
        return bySource.getOrDefault(source, List.of()).stream().anyMatch(FeedSync::configured);
    }

    /** The source's connectors (empty for a source without one). */
    public List<FeedSync<?, ?>> feeds(String source) {
        return bySource.getOrDefault(source, List.of());
    }

    /** Starts a run of the source's streams unless one is under way here; true when started. */
    public boolean request(String source, Mode mode) {
        AtomicBoolean flag = running.get(source);
        if (!configured(source) || flag == null || !flag.compareAndSet(false, true)) {
            return false;
        }
        runner.execute(() -> {
            try {
                for (FeedSync<?, ?> f : feeds(source)) {
                    last.put(source + "/" + f.stream(), f.run(mode));
                }
            } finally {
                flag.set(false);
            }
        });
        return true;
    }

    public boolean running(String source) {
        AtomicBoolean flag = running.get(source);
        return flag != null && flag.get();
    }

    /** The last run of each of the source's streams on this replica. */
    public List<Run> lastRuns(String source) {
        return feeds(source).stream().map(f -> last.get(source + "/" + f.stream())).filter(java.util.Objects::nonNull).toList();
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

    @Override
    public void destroy() {
        runner.shutdownNow();
        deliverer.shutdownNow();
    }
}
