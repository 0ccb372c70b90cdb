package org.supervisionhub.api.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supervisionhub.api.retention.RetentionService.Outcome;
import org.supervisionhub.graph.sync.SyncRepository;

/**
 * Runs retention on {@code hub.retention.cron} when {@code hub.retention.enabled}, once across replicas: a run takes the
 * {@code retention} lease in the graph (the lease feed syncs and the outbox use), renews it after every batch and stops
 * when it has passed to another replica. The scheduler's clock is the hub's.
 */
@Component
public class RetentionSchedule implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    static final String LEASE = "retention";

    /** How a run ended: DONE with each kind's outcome, or BUSY (another replica holds the lease). */
    public record Run(String outcome, List<Outcome> kinds) {
    }

    private final RetentionProperties properties;
    private final RetentionService service;
    private final SyncRepository locks;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String owner = "retention-" + UUID.randomUUID();
    private ThreadPoolTaskScheduler scheduler;

    public RetentionSchedule(RetentionProperties properties, RetentionService service, SyncRepository locks, Clock clock,
                             PlatformTransactionManager transactions) {
        this.properties = properties;
        this.service = service;
        this.locks = locks;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.enabled()) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("retention-");
        scheduler.setPoolSize(1);
        scheduler.setClock(clock);
        scheduler.initialize();
        scheduler.schedule(this::runGuarded, new CronTrigger(properties.cron(), clock.getZone()));
        log.info("Retention scheduled at '{}' (receipts {}, audit {}, evidence {}) into {}", properties.cron(), properties.receipts().keep(),
                properties.audit().keep(), properties.evidence().keep(), properties.exportDir().toAbsolutePath());
    }

    private void runGuarded() {
        try {
            Run run = run();
            log.info("Retention run: {} {}", run.outcome(), run.kinds());
        } catch (RuntimeException e) {
            log.error("Retention run failed; what committed stays committed, the rest is retried next run", e);
        }
    }

    /** One run now, under the lease. */
    public Run run() {
        if (!lease()) {
            return new Run("BUSY", List.of());
        }
        try {
            return new Run("DONE", service.run(this::lease));
        } finally {
            transactions.executeWithoutResult(s -> locks.unlock(LEASE, owner));
        }
    }

    /** Takes or renews the lease; false when another replica holds it. */
    private boolean lease() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Boolean.TRUE.equals(transactions.execute(s -> locks.lock(LEASE, owner, now, now.plus(properties.lease()))));
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
