package org.supervisionhub.api.restriction;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.StreamEndedException;
import org.supervisionhub.api.restriction.RestrictionChecker.Evaluated;
import org.supervisionhub.api.restriction.RestrictionChecker.Question;
import org.supervisionhub.api.restriction.RestrictionViews.Answer;
import org.supervisionhub.api.restriction.RestrictionViews.ChangeCause;
import org.supervisionhub.api.restriction.RestrictionViews.ChangeEvent;
import org.supervisionhub.graph.restriction.Restrictions.Change;
import org.supervisionhub.graph.restriction.TriggerRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * Feeds {@code restrictionChanges} subscriptions. While this replica has subscribers, one thread reads the change log
 * every poll interval and re-checks every watched question when anything was logged (a listing anywhere may reach a
 * watched subject through links), and at least every recheck interval for changes by time. A subscriber hears of a
 * question when its restrictions or alerts differ from those it last heard of (or saw at subscription start).
 * <p>
 * Runs on every replica by design, unlike scheduled jobs: each replica serves its own WebSocket subscribers, and the
 * log they follow is shared in the graph, so a change made through any replica reaches subscribers of all.
 */
@Service
public class RestrictionWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RestrictionWatch.class);
    private static final int LOG_PAGE = 10_000;

    /** The last state a watcher heard of, per question. */
    private record Heard(String state, String digest, boolean restricted) {
    }

    private static final class Watcher {
        final List<Question> questions;
        final Viewer viewer;
        final boolean includeCurrent;
        final Sinks.Many<ChangeEvent> sink;
        final Map<Question, Heard> heard = new HashMap<>();
        boolean started;

        Watcher(List<Question> questions, Viewer viewer, boolean includeCurrent, int buffer) {
            this.questions = questions;
            this.viewer = viewer;
            this.includeCurrent = includeCurrent;
            this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<ChangeEvent>get(buffer).get());
        }
    }

    private final RestrictionChecker checker;
    private final TriggerRepository triggers;
    private final RestrictionProperties.Watch settings;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    // Touched only by the watch thread. -1: not following the log (no subscribers).
    private long lastSeq = -1;
    private Instant lastRecheck = Instant.EPOCH;

    public RestrictionWatch(RestrictionChecker checker, TriggerRepository triggers, RestrictionProperties properties) {
        this.checker = checker;
        this.triggers = triggers;
        this.settings = properties.watch();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "restriction-watch");
            t.setDaemon(true);
            return t;
        });
        long poll = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tickSafely, poll, poll, TimeUnit.MILLISECONDS);
    }

    /**
     * Events for {@code questions} (their {@code asOf} is ignored: watching is about now) until the subscriber cancels,
     * the stream ends with an error after {@code lifetime} (the token's remaining validity; null: unbounded), or the
     * subscriber falls {@code buffer} events behind.
     */
    public Flux<ChangeEvent> watch(List<Question> questions, Viewer viewer, boolean includeCurrent, Duration lifetime) {
        return Flux.defer(() -> {
            Watcher w = new Watcher(List.copyOf(new LinkedHashSet<>(questions)), viewer, includeCurrent, settings.buffer());
            watchers.add(w);
            // The baseline is taken on the watch thread, like every later re-check, so no logged change falls between.
            executor.execute(this::tickSafely);
            Flux<ChangeEvent> events = w.sink.asFlux().doFinally(signal -> watchers.remove(w));
            return lifetime == null ? events : events.mergeWith(Mono.delay(lifetime).then(Mono.<ChangeEvent>error(
                    new StreamEndedException(ErrorCode.TOKEN_EXPIRED, "the token expired: subscribe again with a fresh one"))));
        });
    }

    /** Subscriptions this replica is serving. */
    public int subscriptions() {
        return watchers.size();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // Nothing is marked as seen: the same changes are read again at the next poll.
            log.warn("Restriction watch failed; retrying at the next poll", e);
        }
    }

    private synchronized void tick() {
        if (watchers.isEmpty()) {
            lastSeq = -1;
            return;
        }
        // The first subscriber follows the log from now; its baseline is the state now.
        long seq = lastSeq < 0 ? triggers.lastChange() : lastSeq;
        List<Change> changes = lastSeq < 0 ? List.of() : triggers.changesAfter(seq, LOG_PAGE);
        // Business time (expiries, links beginning or ending) is the hub's clock; a clock set back also re-checks.
        Instant now = checker.now().toInstant();
        boolean recheck = !changes.isEmpty() || !now.isBefore(lastRecheck.plus(settings.recheckInterval())) || now.isBefore(lastRecheck);
        List<Watcher> due = watchers.stream().filter(w -> recheck || !w.started).toList();
        if (!due.isEmpty()) {
            run(due, changes);
        }
        lastSeq = changes.isEmpty() ? seq : changes.get(changes.size() - 1).seq();
        if (recheck) {
            lastRecheck = now;
        }
    }

    /** Re-checks the watchers' questions, each distinct question once, and tells every watcher what changed for it. */
    private void run(List<Watcher> due, List<Change> changes) {
        OffsetDateTime asOf = checker.now();
        Set<Question> distinct = new LinkedHashSet<>();
        due.forEach(w -> w.questions.forEach(q -> distinct.add(now(q, asOf))));
        Map<Question, Evaluated> answers = new HashMap<>();
        List<Question> all = List.copyOf(distinct);
        for (int from = 0; from < all.size(); from += checker.maxBatch()) {
            for (Evaluated e : checker.evaluate(all.subList(from, Math.min(all.size(), from + checker.maxBatch())))) {
                answers.put(e.question(), e);
            }
        }
        EnumSet<ChangeCause> logged = EnumSet.noneOf(ChangeCause.class);
        Set<String> triggerIds = new LinkedHashSet<>();
        Set<String> measureIds = new LinkedHashSet<>();
        for (Change c : changes) {
            // A kind this replica does not know (written by a newer one) still wakes the re-check, as TIME would.
            Arrays.stream(ChangeCause.values()).filter(k -> k.name().equals(c.kind())).findFirst().ifPresent(logged::add);
            if (c.triggerId() != null) {
                triggerIds.add(c.triggerId());
            }
            if (c.measureId() != null) {
                measureIds.add(c.measureId());
            }
        }
        List<ChangeCause> causes = logged.isEmpty() ? List.of(ChangeCause.TIME) : List.copyOf(logged);
        for (Watcher w : due) {
            List<Evaluated> told = new ArrayList<>();
            List<Heard> before = new ArrayList<>();
            for (Question q : w.questions) {
                Evaluated e = answers.get(now(q, asOf));
                Heard previous = w.heard.get(q);
                Heard current = new Heard(e.state(), e.digest(), e.content().restricted());
                boolean tell = w.started ? !previous.state().equals(current.state()) : w.includeCurrent;
                if (tell) {
                    // The receipt names this watcher's purpose; the digest does not depend on it.
                    told.add(new Evaluated(new Question(q.uscc(), q.personId(), q.domain(), q.purpose(), asOf, asOf), e.content(), e.freshness(),
                            e.json(), e.digest()));
                    before.add(w.started ? previous : null);
                }
                w.heard.put(q, current);
            }
            List<ChangeCause> why = w.started ? causes : List.of(ChangeCause.CURRENT);
            w.started = true;
            if (!told.isEmpty()) {
                emit(w, checker.give(told, w.viewer), before, why, List.copyOf(triggerIds), List.copyOf(measureIds));
            }
        }
    }

    private void emit(Watcher w, List<Answer> given, List<Heard> before, List<ChangeCause> causes, List<String> triggerIds,
                      List<String> measureIds) {
        for (int i = 0; i < given.size(); i++) {
            Heard previous = before.get(i);
            ChangeEvent event = new ChangeEvent(causes, triggerIds, measureIds, previous == null ? null : previous.restricted(),
                    previous == null ? null : previous.digest(), given.get(i));
            Sinks.EmitResult result = w.sink.tryEmitNext(event);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                w.sink.tryEmitError(new StreamEndedException(ErrorCode.SUBSCRIBER_TOO_SLOW,
                        "more than " + settings.buffer() + " events waited for this subscriber: subscribe again"));
                watchers.remove(w);
                return;
            }
            if (result.isFailure()) {
                watchers.remove(w);
                return;
            }
        }
    }

    private static Question now(Question q, OffsetDateTime asOf) {
        return new Question(q.uscc(), q.personId(), q.domain(), null, asOf, asOf);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        watchers.forEach(w -> w.sink.tryEmitComplete());
        watchers.clear();
    }
}
