package org.supervisionhub.api.store;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * Without {@code spring.neo4j.uri} the hub starts its own Neo4j and connects to it over Bolt like to
 * any server, so the rest of the application cannot tell the difference.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.neo4j", name = "uri", matchIfMissing = true, havingValue = "embedded")
public class EmbeddedStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedNeo4jServer embeddedNeo4jServer(HubProperties properties) {
        HubProperties.Store store = properties.store();
        long started = System.nanoTime();
        EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(store.dataDir().toAbsolutePath(), store.boltHost(),
                store.boltPort(), store.pageCacheMb());
        log.info("Embedded Neo4j 5.26 started in {} ms with data in {}; Bolt listening at {} (no authentication, loopback only)",
                (System.nanoTime() - started) / 1_000_000, server.home(), server.boltUri());
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
                return AuthTokens.none();
            }
        };
    }
}
