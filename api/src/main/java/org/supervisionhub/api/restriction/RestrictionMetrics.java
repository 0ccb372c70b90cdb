package org.supervisionhub.api.restriction;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.restriction.RestrictionViews.Answer;

/**
 * What operators watch of restriction checks (docs/production.md): {@value #CHECK} (latency of each
 * {@code restrictionCheck(s)} call, a histogram, tagged {@code result} ok or error), {@value #ANSWERS} (answers given, by
 * {@code outcome} restricted or clear) and {@value #RECEIPTS} (receipts committed, subscriptions' included). On the hot
 * path: every meter is registered once here, so a check costs two clock reads and a few counter increments.
 */
@Component
public class RestrictionMetrics {

    public static final String CHECK = "hub.restriction.check";
    public static final String ANSWERS = "hub.restriction.answers";
    public static final String RECEIPTS = "hub.restriction.receipts.written";

    private final MeterRegistry registry;
    private final Timer ok;
    private final Timer failed;
    private final Counter restricted;
    private final Counter clear;
    private final Counter receipts;

    public RestrictionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ok = timer(registry, "ok");
        this.failed = timer(registry, "error");
        this.restricted = answers(registry, "restricted");
        this.clear = answers(registry, "clear");
        this.receipts = Counter.builder(RECEIPTS).description("Check receipts committed (one per answer given)").register(registry);
    }

    private static Timer timer(MeterRegistry registry, String result) {
        return Timer.builder(CHECK).description("A restrictionCheck(s) call: its questions answered, receipts committed")
                .tag("result", result).publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(30)).register(registry);
    }

    private static Counter answers(MeterRegistry registry, String outcome) {
        return Counter.builder(ANSWERS).description("Restriction answers given, by outcome").tag("outcome", outcome).register(registry);
    }

    /** Runs a check, timing it and counting its answers by outcome. */
    List<Answer> check(Supplier<List<Answer>> check) {
        long start = registry.config().clock().monotonicTime();
        List<Answer> answers;
        try {
            answers = check.get();
        } catch (RuntimeException e) {
            failed.record(registry.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
        ok.record(registry.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
        int yes = 0;
        for (Answer a : answers) {
            yes += a.content().restricted() ? 1 : 0;
        }
        restricted.increment(yes);
        clear.increment(answers.size() - yes);
        return answers;
    }

    void receiptsWritten(int n) {
        receipts.increment(n);
    }
}
