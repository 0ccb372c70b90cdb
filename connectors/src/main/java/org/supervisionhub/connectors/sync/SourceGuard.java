package org.supervisionhub.connectors.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * Every request to a source goes through its Resilience4j instances, named after the source and configured under
 * {@code resilience4j.*.instances.<name>}: retry (exponential backoff with jitter) around the circuit breaker, around
 * the rate limiter (the source's quota), around the bulkhead, around the time limiter. Their states show in metrics
 * and health through the Resilience4j Spring Boot integration.
 */
public class SourceGuard {

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry rateLimiters;
    private final BulkheadRegistry bulkheads;
    private final TimeLimiterRegistry timeLimiters;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "source-call");
        t.setDaemon(true);
        return t;
    });

    public SourceGuard(RetryRegistry retries, CircuitBreakerRegistry breakers, RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads,
                       TimeLimiterRegistry timeLimiters) {
        this.retries = retries;
        this.breakers = breakers;
        this.rateLimiters = rateLimiters;
        this.bulkheads = bulkheads;
        this.timeLimiters = timeLimiters;
    }

    public <T> T call(String source, Supplier<T> request) {
        TimeLimiter limiter = timeLimiters.timeLimiter(source);
        Supplier<T> timed = () -> {
            try {
                return limiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(request, calls));
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new SourceException(source + ": " + e, e);
            }
        };
        Supplier<T> guarded = Bulkhead.decorateSupplier(bulkheads.bulkhead(source), timed);
        guarded = RateLimiter.decorateSupplier(rateLimiters.rateLimiter(source), guarded);
        guarded = CircuitBreaker.decorateSupplier(breakers.circuitBreaker(source), guarded);
        return Retry.decorateSupplier(retries.retry(source), guarded).get();
    }

    public CircuitBreaker.State breakerState(String source) {
        return breakers.circuitBreaker(source).getState();
    }

    /** A source call that failed in a way the other exceptions do not name (a timeout, an interrupted wait). */
    public static class SourceException extends RuntimeException {
        public SourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
