package org.supervisionhub.api.demo;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo mode ({@code hub.demo.enabled}): the hub's clock becomes one the demo loader can run at the dates of its province's
 * year (it replaces the hub's fallback system clock; tests' TestClock, primary, still wins).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
@ConditionalOnProperty(prefix = "hub.demo", name = "enabled", havingValue = "true")
public class DemoConfiguration {

    @Bean
    Clock demoClock(@Value("${hub.zone:Asia/Shanghai}") String zone) {
        return new DemoClock(ZoneId.of(zone));
    }
}
