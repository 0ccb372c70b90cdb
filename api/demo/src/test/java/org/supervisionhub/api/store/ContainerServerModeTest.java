package org.supervisionhub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;

/**
 * The external mode against a real Neo4j 5.26 server in a container. Skipped where no Docker
 * engine runs; {@link ExternalServerModeTest} covers the same mode with neo4j-harness everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = {"hub.demo.enabled=false", "hub.security.demo-issuer.enabled=true"})
@org.springframework.context.annotation.Import(org.supervisionhub.api.TestClock.Configuration.class)
class ContainerServerModeTest {

    @Container
    static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26-community").withAdminPassword("supervision-hub");

    @DynamicPropertySource
    static void neo4jProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", neo4j::getBoltUrl);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", neo4j::getAdminPassword);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Neo4jClient client;

    @Test
    void migratesTheServerAndStartsNoEmbeddedOne() {
        assertThat(context.getBeanNamesForType(EmbeddedNeo4jServer.class)).isEmpty();
        assertThat(client.query("SHOW CONSTRAINTS YIELD name RETURN name").fetchAs(String.class).all()).contains("enterprise_uscc");
    }
}
