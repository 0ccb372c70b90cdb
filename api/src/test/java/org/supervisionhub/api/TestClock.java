package org.supervisionhub.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The tests' clock: it starts at a fixed instant and runs at real speed from there (so leases, retries and back-off
 * still move on), and a test can set or advance it. The start is {@value #PROPERTY} (an ISO offset date-time, given as
 * a system property: {@code ./mvnw -B verify -Dhub.test.clock=2027-07-15T10:00:00+08:00}), by default
 * {@value #DEFAULT_START}. Tests read "now" from here, never from the wall clock, so the suite passes on any date.
 */
public final class TestClock extends Clock implements ClockTravel {

    public static final String PROPERTY = "hub.test.clock";
    public static final String DEFAULT_START = "2026-12-04T10:00:00+08:00";

    private final ZoneId zone;
    /** The clock's reading at {@code base.nanos} on the JVM's monotonic timer. */
    private final AtomicReference<Base> base;

    private record Base(Instant at, long nanos) {
    }

    public TestClock(Instant start, ZoneId zone) {
        this(zone, new AtomicReference<>(new Base(start, System.nanoTime())));
    }

    private TestClock(ZoneId zone, AtomicReference<Base> base) {
        this.zone = zone;
        this.base = base;
    }

    /** The configured start: the system property, else the default. */
    public static OffsetDateTime configuredStart() {
        String start = System.getProperty(PROPERTY, "");
        // Blank: the build passes the property through even when it is not given.
        return OffsetDateTime.parse(start.isBlank() ? DEFAULT_START : start);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(other, base);
    }

    @Override
    public Instant instant() {
        Base b = base.get();
        return b.at().plusNanos(System.nanoTime() - b.nanos());
    }

    /** From now on the clock reads {@code at}, and runs on from there. */
    public void set(Instant at) {
        base.set(new Base(at, System.nanoTime()));
    }

    public void advance(Duration by) {
        set(instant().plus(by));
    }

    /**
     * Runs {@code body} with the clock set to {@code at}, then puts it back where it would have been had it not been
     * set (the test context, and so this clock, is shared by every test class).
     */
    @Override
    public void runAt(OffsetDateTime at, Runnable body) {
        Instant before = instant();
        long started = System.nanoTime();
        set(at.toInstant());
        try {
            body.run();
        } finally {
            set(before.plusNanos(System.nanoTime() - started));
        }
    }

    /** Today in the clock's zone. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(this);
    }

    /** Replaces the hub's {@code Clock} bean in a test context. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock(@Value("${hub.zone:Asia/Shanghai}") String zone) {
            return new TestClock(configuredStart().toInstant(), ZoneId.of(zone));
        }
    }
}
