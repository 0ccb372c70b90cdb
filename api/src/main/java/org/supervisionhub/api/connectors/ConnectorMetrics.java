package org.supervisionhub.api.connectors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.sync.OutboxRepository;
import org.supervisionhub.graph.sync.SyncRepository;

/**
 * The sources as operators watch them: {@value #LAG} (seconds since a source's last successful sync; NaN before the
 * first), {@value #DEAD_LETTERS} (open dead letters) per {@code source}, and {@value #OUTBOX} (outbox messages by
 * {@code status}: pending is the backlog, failed the given-up ones). Read from the graph, so every replica reports the
 * same; one read of each kind serves all gauges of a scrape ({@link #MAX_AGE}).
 */
@Component
public class ConnectorMetrics {

    public static final String LAG = "hub.connectors.sync.lag";
    public static final String DEAD_LETTERS = "hub.connectors.dead.letters";
    public static final String OUTBOX = "hub.connectors.outbox.messages";
    /** A scrape reads the gauges one by one: they share reads this recent. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Snapshot(Instant at, Map<String, Double> lag, Map<String, Long> deadLetters, Map<String, Long> outbox) {
    }

    private final Neo4jClient client;
    private final SyncRepository sync;
    private final OutboxRepository outbox;
    private final Clock clock;
    private volatile Snapshot last;

    public ConnectorMetrics(MeterRegistry registry, Neo4jClient client, SyncRepository sync, OutboxRepository outbox, Clock clock) {
        this.client = client;
        this.sync = sync;
        this.outbox = outbox;
        this.clock = clock;
        for (SourceSystem s : SourceSystem.values()) {
            if (s == SourceSystem.HUB) {
                continue;
            }
            Gauge.builder(LAG, this, m -> m.snapshot().lag().getOrDefault(s.name(), Double.NaN)).tag("source", s.name()).baseUnit("seconds")
                    .description("Seconds since the source's last successful sync").register(registry);
            Gauge.builder(DEAD_LETTERS, this, m -> m.snapshot().deadLetters().getOrDefault(s.name(), 0L)).tag("source", s.name())
                    .description("Open dead letters of the source (records its sync could not apply)").register(registry);
        }
        for (String status : new String[] {"PENDING", "FAILED"}) {
            Gauge.builder(OUTBOX, this, m -> m.snapshot().outbox().getOrDefault(status, 0L)).tag("status", status.toLowerCase(java.util.Locale.ROOT))
                    .description("Outbox messages not delivered: pending (the backlog) and failed").register(registry);
        }
    }

    private Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot s = last;
        if (s == null || s.at().plus(MAX_AGE).isBefore(now) || s.at().isAfter(now)) {
            Map<String, Double> lag = new HashMap<>();
            client.query(ConnectorController.FRESHNESS).fetch().all().forEach(m -> {
                Instant success = instant(m.get("lastSuccessAt"));
                if (success != null) {
                    lag.put((String) m.get("source"), Duration.between(success, now).toMillis() / 1000.0);
                }
            });
            s = new Snapshot(now, lag, sync.openDeadLetters(), outbox.counts());
            last = s;
        }
        return s;
    }

    private static Instant instant(Object v) {
        return v instanceof ZonedDateTime z ? z.toInstant() : v instanceof OffsetDateTime o ? o.toInstant() : null;
    }
}
