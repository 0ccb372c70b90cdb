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
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.connectors.credit.ResultDelivery;
import org.supervisionhub.connectors.market.MarketRegistrySync;
import org.supervisionhub.connectors.market.MarketRegistrySync.Mode;
import org.supervisionhub.connectors.market.MarketRegistrySync.Run;
import org.supervisionhub.connectors.sync.SourceGuard;
import org.supervisionhub.connectors.sync.SyncScheduler;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.sync.OutboxRepository;
import org.supervisionhub.graph.sync.OutboxRepository.Message;
import org.supervisionhub.graph.sync.SyncRepository;
import org.supervisionhub.graph.sync.SyncRepository.Checkpoint;
import org.supervisionhub.graph.sync.SyncRepository.DeadLetter;

/** Sources, their freshness and breakers, sync on demand, and dead letters. Thin: the connectors decide. */
@Controller
public class ConnectorController {

    /** One source as the hub sees it. */
    public record ConnectorSource(SourceSystem source, boolean configured, OffsetDateTime lastSuccessAt, OffsetDateTime lastAttemptAt,
                                  Long lagSeconds, String state, String lastError, String breaker, boolean running, Run lastRun,
                                  List<Checkpoint> streams, long openDeadLetters) {
    }

    public record SyncRequest(SourceSystem source, Mode mode, boolean started, String reason) {
    }

    static final String FRESHNESS = "MATCH (s:SourceSync) RETURN s.source AS source, s.lastSuccessAt AS lastSuccessAt,"
            + " s.lastAttemptAt AS lastAttemptAt, s.state AS state, s.lastError AS lastError";

    private final SyncScheduler scheduler;
    private final MarketRegistrySync market;
    private final SyncRepository repository;
    private final SourceGuard guard;
    private final Neo4jClient client;
    private final PageRequests pages;
    private final Clock clock;
    private final OutboxRepository outbox;

    public ConnectorController(SyncScheduler scheduler, MarketRegistrySync market, SyncRepository repository, SourceGuard guard, Neo4jClient client,
                               PageRequests pages, OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.market = market;
        this.repository = repository;
        this.guard = guard;
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
            boolean isMarket = s == SourceSystem.MARKET_SUPERVISION;
            boolean isCredit = s == SourceSystem.CREDIT_PLATFORM;
            String breaker = isMarket ? guard.breakerState(MarketRegistrySync.GUARD).name()
                    : isCredit ? guard.breakerState(ResultDelivery.GUARD).name() : "NOT_CONNECTED";
            out.add(new ConnectorSource(s, isMarket ? scheduler.configured() : isCredit && scheduler.deliveryConfigured(), last,
                    dateTime(f.get("lastAttemptAt")), last == null ? null : Duration.between(last, now).toSeconds(),
                    f.get("state") == null ? "NEVER_SYNCED" : (String) f.get("state"), (String) f.get("lastError"), breaker,
                    isMarket && scheduler.running(), isMarket ? scheduler.lastRun().orElse(null) : null,
                    checkpoints.stream().filter(c -> c.source().equals(s.name())).toList(), open.getOrDefault(s.name(), 0L)));
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
        if (source != SourceSystem.MARKET_SUPERVISION) {
            throw InvalidInputException.of("source", "NOT_CONNECTED", "source: only MARKET_SUPERVISION is connected in this version", null);
        }
        if (!scheduler.configured()) {
            throw InvalidInputException.of("source", "NOT_CONFIGURED", "source: set hub.connectors.market.base-url", null);
        }
        boolean started = scheduler.request(m);
        return new SyncRequest(source, m, started, started ? null : "a run of this source is under way on this replica");
    }

    @QueryMapping
    public List<Message> outboxMessages(@Argument String status, @Argument Integer first) {
        return outbox.list(status, pages.size(first));
    }

    @MutationMapping
    public ResultDelivery.Pass deliverOutbox() {
        if (!scheduler.deliveryConfigured()) {
            throw InvalidInputException.of("destination", "NOT_CONFIGURED", "destination: set hub.connectors.credit.base-url", null);
        }
        return scheduler.deliverNow();
    }

    @MutationMapping
    public DeadLetter replayDeadLetter(@Argument String id) {
        try {
            return market.replay(id);
        } catch (java.util.NoSuchElementException e) {
            throw new NotFoundException("id", e.getMessage());
        } catch (IllegalStateException e) {
            throw InvalidInputException.of("id", "NOT_REPLAYABLE", "id: " + e.getMessage(), null);
        }
    }
}
