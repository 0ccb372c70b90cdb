package org.supervisionhub.graph.store;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * JUnit extension: one embedded server on a free port in a temporary directory per test class,
 * migrated, with a driver connected over Bolt. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class EmbeddedGraph implements BeforeAllCallback, AfterAllCallback {

    private Path home;
    private EmbeddedNeo4jServer server;
    private Driver driver;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = java.nio.file.Files.createTempDirectory("hub-graph-test");
        server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 64);
        driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
        GraphMigrations.apply(driver, null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.close();
        }
        if (server != null) {
            server.close();
        }
        if (home != null) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // A leftover temporary directory is harmless.
            }
        }
    }

    public Driver driver() {
        return driver;
    }

    public EmbeddedNeo4jServer server() {
        return server;
    }
}
