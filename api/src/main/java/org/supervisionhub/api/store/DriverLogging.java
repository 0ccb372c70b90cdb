package org.supervisionhub.api.store;

import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The driver logs through SLF4J, under the levels the hub configures ({@code logging.level.org.neo4j}). Its default,
 * {@code System.Logger}, formats every Bolt message it sends into a debug line before the level is asked: on a
 * restriction check that was ~2.5% of the hub's CPU, spent on lines nobody logs (issue 23, bench/README.md).
 */
@Configuration(proxyBeanMethods = false)
public class DriverLogging {

    @Bean
    ConfigBuilderCustomizer driverLogsThroughSlf4j() {
        return builder -> builder.withLogging(Logging.slf4j());
    }
}
