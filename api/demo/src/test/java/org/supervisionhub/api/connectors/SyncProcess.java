package org.supervisionhub.api.connectors;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.connectors.market.MarketRegistrySync;
import org.supervisionhub.connectors.ConnectorsConfiguration;
import org.supervisionhub.connectors.sync.FeedSync;
import org.supervisionhub.connectors.sync.PersonPseudonyms;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.graph.restriction.TriggerRepository;

/**
 * A second hub process for the crash test: only the connectors, against the test's Neo4j over Bolt, syncing the
 * registry until caught up. The test kills it mid-way. Not annotated as a configuration, so neither the hub's component
 * scan nor the tests' search for a {@code @SpringBootConfiguration} finds it; {@link #main} registers it directly.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, Neo4jAutoConfiguration.class, DataNeo4jAutoConfiguration.class})
@Import(ConnectorsConfiguration.class)
public class SyncProcess {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SyncProcess.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=warn").run(args);
        MarketRegistrySync sync = context.getBean(MarketRegistrySync.class);
        while (true) {
            FeedSync.Run run = sync.run(FeedSync.Mode.INCREMENTAL);
            System.out.println("RUN " + run);
            if ("CAUGHT_UP".equals(run.outcome())) {
                System.exit(0);
            }
        }
    }

    /** The test hands in the hub's clock reading ({@code -Dhub.test.clock}): leases are compared across both processes. */
    @Bean
    Clock clock() {
        return new org.supervisionhub.api.TestClock(org.supervisionhub.api.TestClock.configuredStart().toInstant(), java.time.ZoneOffset.UTC);
    }

    @Bean
    TriggerRepository triggerRepository(Neo4jClient client) {
        return new TriggerRepository(client);
    }

    /** The same pseudonyms as the hub's (same key). */
    @Bean
    PersonPseudonyms personPseudonyms(@Value("${hub.person-id-key:change-me-in-production}") String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return (source, personKey) -> PersonId.pseudonymise(bytes, source + ":" + personKey).value();
    }

    @Bean
    RetryRegistry retryRegistry() {
        return RetryRegistry.ofDefaults();
    }

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    RateLimiterRegistry rateLimiterRegistry() {
        return RateLimiterRegistry.ofDefaults();
    }

    @Bean
    BulkheadRegistry bulkheadRegistry() {
        return BulkheadRegistry.ofDefaults();
    }

    @Bean
    TimeLimiterRegistry timeLimiterRegistry() {
        return TimeLimiterRegistry.ofDefaults();
    }
}
