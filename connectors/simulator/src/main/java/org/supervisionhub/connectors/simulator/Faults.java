package org.supervisionhub.connectors.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The fault switches, applied to every request of the three systems (not to {@code /sim}): an outage answers 503;
 * otherwise a request fails with 503 at {@code errorRate} and waits {@code latencyMs}. {@code malformedRate} is read
 * by the feeds, which break the same records on every read. The draws come from a generator seeded with {@code seed}
 * ({@code simulator.seed}) and seeded again whenever the switches are set, so the n-th request after a switch meets the
 * same fault on every run with the same seed (given the same order of requests).
 */
public class Faults implements HandlerInterceptor {

    /**
     * The switches as set; {@code malformedRate} applies to records by their sequence number.
     *
     * @param slowRate    share of requests held {@code slowMs} before they are answered (to run into the caller's timeout)
     * @param ackLossRate share of accepted result submissions whose answer is lost (503 after recording), so the sender
     *                    sends them again
     */
    public record Settings(double errorRate, long latencyMs, double malformedRate, boolean outage, double slowRate, long slowMs,
                           double ackLossRate) {
    }

    static final java.util.Set<String> SWITCHES = java.util.Set.of("errorRate", "latencyMs", "malformedRate", "outage", "slowRate", "slowMs",
            "ackLossRate");

    /** Settings from the switches named; a switch not named is off (0 or false). */
    static Settings of(java.util.Map<String, Object> switches) {
        java.util.Set<String> unknown = new java.util.TreeSet<>(switches.keySet());
        unknown.removeAll(SWITCHES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown switches " + unknown + "; known: " + new java.util.TreeSet<>(SWITCHES));
        }
        return new Settings(number(switches, "errorRate").doubleValue(), number(switches, "latencyMs").longValue(),
                number(switches, "malformedRate").doubleValue(), Boolean.TRUE.equals(switches.get("outage")),
                number(switches, "slowRate").doubleValue(), number(switches, "slowMs").longValue(), number(switches, "ackLossRate").doubleValue());
    }

    private static Number number(java.util.Map<String, Object> switches, String name) {
        Object v = switches.getOrDefault(name, 0);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(name + " is a number, not " + v);
        }
        return n;
    }

    private final long seed;
    private volatile Settings settings = new Settings(0, 0, 0, false, 0, 0, 0);
    private volatile java.util.Random random;

    public Faults(long seed) {
        this.seed = seed;
        this.random = new java.util.Random(seed);
    }

    /** The next draw in [0, 1) of the seeded sequence (thread-safe). */
    public double draw() {
        return random.nextDouble();
    }

    public Settings settings() {
        return settings;
    }

    /** Whether a record whose fixed draw is {@code unit} (in [0, 1), the same on every read) is served broken now. */
    public boolean malformed(double unit) {
        double rate = settings.malformedRate();
        return rate > 0 && unit < rate;
    }

    public void set(Settings s) {
        if (s.errorRate() < 0 || s.errorRate() > 1 || s.malformedRate() < 0 || s.malformedRate() > 1 || s.latencyMs() < 0
                || s.slowRate() < 0 || s.slowRate() > 1 || s.slowMs() < 0 || s.ackLossRate() < 0 || s.ackLossRate() > 1) {
            throw new IllegalArgumentException("rates are in [0, 1] and latency is not negative");
        }
        random = new java.util.Random(seed);
        settings = s;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Settings s = settings;
        if (s.latencyMs() > 0) {
            Thread.sleep(s.latencyMs());
        }
        if (s.slowRate() > 0 && draw() < s.slowRate()) {
            Thread.sleep(s.slowMs());
        }
        if (s.outage() || (s.errorRate() > 0 && draw() < s.errorRate())) {
            response.setStatus(503);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + (s.outage() ? "outage" : "injected error")
                    + "\"}");
            return false;
        }
        return true;
    }
}
