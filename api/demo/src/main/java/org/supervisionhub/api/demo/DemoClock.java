package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.supervisionhub.api.ClockTravel;

/**
 * The system clock shifted by an offset that is zero except while the demo loader runs a step of its year at an earlier
 * date (before the hub reports ready). The hub's clock in demo mode (DemoConfiguration).
 */
final class DemoClock extends Clock implements ClockTravel {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    DemoClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Duration.ZERO));
    }

    private DemoClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new DemoClock(other, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public void runAt(OffsetDateTime at, Runnable body) {
        Duration before = offset.get();
        offset.set(Duration.between(Instant.now(), at.toInstant()));
        try {
            body.run();
        } finally {
            offset.set(before);
        }
    }
}
