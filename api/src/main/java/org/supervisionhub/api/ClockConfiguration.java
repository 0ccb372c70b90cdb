package org.supervisionhub.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's clock: "today" is the regulators' date, in their time zone. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** The system clock; in demo mode one the demo loader can replay its year on (DemoClock). */
    @Bean
    Clock clock(@Value("${hub.zone:Asia/Shanghai}") String zone, @Value("${hub.demo.enabled:false}") boolean demo) {
        return demo ? new DemoClock(ZoneId.of(zone)) : Clock.system(ZoneId.of(zone));
    }

    /**
     * The system clock shifted by an offset that is zero except while the demo loader runs a step of its year at an earlier
     * date (before the hub reports ready). Only the demo profile has it.
     */
    static final class DemoClock extends Clock implements ClockTravel {

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
}
