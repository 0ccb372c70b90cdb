package org.supervisionhub.api;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/** The hub's clock: "today" is the regulators' date, in their time zone. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /**
     * The system clock. A fallback: another module's clock replaces it without this one knowing of it (the demo's, which
     * replays its year on it; the tests' TestClock).
     */
    @Bean
    @Fallback
    Clock clock(@Value("${hub.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
