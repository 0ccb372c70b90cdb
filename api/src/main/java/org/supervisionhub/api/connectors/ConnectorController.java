package org.supervisionhub.api.connectors;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.connectors.credit.ResultDelivery;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.FeedSync.Mode;
import org.supervisionhub.connectors.sync.FeedSync.Run;
import org.supervisionhub.connectors.SyncScheduler;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.sync.OutboxRepository;
import org.supervisionhub.graph.sync.OutboxRepository.Message;
import org.supervisionhub.graph.sync.SyncRepository;
import org.supervisionhub.graph.sync.SyncRepository.Checkpoint;
import org.supervisionhub.graph.sync.SyncRepository.DeadLetter;
import org.supervisionhub.api.errors.ErrorCode;

/** Sources, their freshness and breakers, sync on demand, and dead letters. Thin: the connectors decide. */
@Controller
public class ConnectorController {

    /** One source as the hub sees it. */
    public record ConnectorSource(SourceSystem source, boolean configured, OffsetDateTime lastSuccessAt, OffsetDateTime lastAttemptAt,
                                  Long lagSeconds, String state, String lastError, String breaker, boolean running, List<Run> lastRuns,
                                  List<Checkpoint> streams, long openDeadLetters) {
    }

    public record SyncRequest(SourceSystem source, Mode mode, boolean started, String reason) {
    }

    static final String FRESHNESS = "MATCH (s:SourceSync) RETURN s.source AS source, s.lastSuccessAt AS lastSuccessAt,"
            + " s.lastAttemptAt AS lastAttemptAt, s.state AS state, s.lastError AS lastError";

    private final SyncScheduler scheduler;
    private final SyncRepository repository;
    private final Neo4jClient client;
    private final PageRequests pages;
    private final Clock clock;
    private final OutboxRepository outbox;

    public ConnectorController(SyncScheduler scheduler, SyncRepository repository, Neo4jClient client, PageRequests pages, OutboxRepository outbox,
                               Clock clock) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.repository = repository;
        this.client = client;
        this.pages = pages;
        this.clock = clock;
    }

    @QueryMapping
    public List<ConnectorSource> connectorSources() {
        Map<String, Map<String, Object>> synced = new java.util.HashMap<>();
        client.query(FRESHNESS).fetch().all().forEach(m -> synced.put((String) m.get("source"), m));
        List<Checkpoint> checkpoints = repository.checkpoints();
        Map<String, Long> open = repository.openDeadLetters();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ConnectorSource> out = new ArrayList<>();
        for (SourceSystem s : SourceSystem.values()) {
            if (s == SourceSystem.HUB) {
                continue;
            }
            Map<String, Object> f = synced.getOrDefault(s.name(), Map.of());
            OffsetDateTime last = dateTime(f.get("lastSuccessAt"));
            List<FeedSync<?, ?>> feeds = scheduler.feeds(s.name());
            String breaker = feeds.isEmpty() ? "NOT_CONNECTED" : feeds.get(0).breakerState().name();
            boolean configured = scheduler.configured(s.name()) || (s == SourceSystem.CREDIT_PLATFORM && scheduler.deliveryConfigured());
            out.add(new ConnectorSource(s, configured, last, dateTime(f.get("lastAttemptAt")), last == null ? null : Duration.between(last, now).toSeconds(),
                    f.get("state") == null ? "NEVER_SYNCED" : (String) f.get("state"), (String) f.get("lastError"), breaker, scheduler.running(s.name()),
                    scheduler.lastRuns(s.name()), checkpoints.stream().filter(c -> c.source().equals(s.name())).toList(), open.getOrDefault(s.name(), 0L)));
        }
        return out;
    }

    private static OffsetDateTime dateTime(Object v) {
        return v instanceof java.time.ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) v;
    }

    @QueryMapping
    public List<DeadLetter> deadLetters(@Argument SourceSystem source, @Argument String status, @Argument Integer first) {
        return repository.deadLetters(source.name(), status, pages.size(first));
    }

    @MutationMapping
    public SyncRequest syncSource(@Argument SourceSystem source, @Argument Mode mode) {
        Mode m = mode == null ? Mode.INCREMENTAL : mode;
        if (scheduler.feeds(source.name()).isEmpty()) {
            throw InvalidInputException.of("source", ErrorCode.NOT_CONNECTED, "source: the hub has no connector for " + source, null);
        }
        if (!scheduler.configured(source.name())) {
            throw InvalidInputException.of("source", ErrorCode.NOT_CONFIGURED, "source: set its hub.connectors.<source>.base-url", null);
        }
        boolean started = scheduler.request(source.name(), m);
        return new SyncRequest(source, m, started, started ? null : "a run of this source is under way on this replica");
    }

    @QueryMapping
    public List<Message> outboxMessages(@Argument String status, @Argument Integer first) {
        return outbox.list(status, pages.size(first));
    }

    @MutationMapping
    public ResultDelivery.Pass deliverOutbox() {
        if (!scheduler.deliveryConfigured()) {
            throw InvalidInputException.of("destination", ErrorCode.NOT_CONFIGURED, "destination: set hub.connectors.credit.base-url", null);
        }
        return scheduler.deliverNow();
    }

    @MutationMapping
    public DeadLetter replayDeadLetter(@Argument String id) {
        DeadLetter d = repository.deadLetter(id).orElseThrow(() -> new NotFoundException("id", "no dead letter " + id));
        FeedSync<?, ?> feed = scheduler.feeds(d.source()).stream().filter(f -> f.stream().equals(d.stream())).findFirst()
                .orElseThrow(() -> new NotFoundException("id", "no connector for " + d.source() + " " + d.stream()));
        try {
            return feed.replay(d);
        } catch (IllegalStateException e) {
            throw InvalidInputException.of("id", ErrorCode.NOT_REPLAYABLE, "id: " + e.getMessage(), null);
        }
    }
}
