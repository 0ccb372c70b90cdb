package org.supervisionhub.api.store;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * Without {@code spring.neo4j.uri} the hub starts its own Neo4j and connects to it over Bolt like to
 * any server, so the rest of the application cannot tell the difference.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreConfiguration.NoServerConfigured.class)
public class EmbeddedStoreConfiguration {

    /** Matches when {@code spring.neo4j.uri} is absent, blank or {@code embedded}. */
    static final class NoServerConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isEmbedded(context.getEnvironment());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

    /** True when no external server is configured. */
    static boolean isEmbedded(org.springframework.core.env.Environment env) {
        String uri = env.getProperty("spring.neo4j.uri");
        return uri == null || uri.isBlank() || "embedded".equals(uri);
    }

    /** Stopped by {@link EmbeddedStoreInitializer.Startup} after every bean using it is gone. */
    @Bean(destroyMethod = "")
    EmbeddedNeo4jServer embeddedNeo4jServer(EmbeddedStoreInitializer.Startup startup) {
        long waited = System.nanoTime();
        EmbeddedNeo4jServer server = startup.await();
        log.info("Embedded Neo4j 5.26 ready (waited {} ms) with data in {}; Bolt listening at {} (user neo4j, password in hub.store.bolt-password or {}/bolt-password)",
                (System.nanoTime() - waited) / 1_000_000, server.home(), server.boltUri(), server.home());
        return server;
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4jServer server) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return URI.create(server.boltUri());
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.basic("neo4j", server.password());
            }
        };
    }
}
