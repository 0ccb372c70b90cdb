package org.supervisionhub.graph.store;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * JUnit extension: an embedded server on a free port in a temporary directory, migrated, with a driver connected over
 * Bolt. Register it as a static field with {@code @RegisterExtension}. One server serves every test class of the JVM
 * (a start costs seconds); before each class it is emptied back to what a fresh migrated database holds (the
 * migrations' bookkeeping and the schema they made), so each class still starts from an empty graph.
 */
public final class EmbeddedGraph implements BeforeAllCallback {

    private Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(ExtensionContext.Namespace.create(EmbeddedGraph.class))
                .getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
        shared.empty();
    }

    public Driver driver() {
        return shared.driver;
    }

    public EmbeddedNeo4jServer server() {
        return shared.server;
    }

    /** The server of the test JVM, closed (and its directory removed) when the root context closes, after the last class. */
    private static final class Shared implements AutoCloseable {

        final Path home;
        final EmbeddedNeo4jServer server;
        final Driver driver;

        Shared() {
            try {
                home = java.nio.file.Files.createTempDirectory("hub-graph-test");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 64);
            driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
            GraphMigrations.apply(driver, null);
        }

        /** Deletes every node but the migrations' own, in batches (a synthetic province is tens of thousands). */
        void empty() {
            try (Session session = driver.session()) {
                session.run("""
                        MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:__Neo4jMigrationsLock
                        CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS""").consume();
            }
        }

        @Override
        public void close() {
            driver.close();
            server.close();
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // A leftover temporary directory is harmless.
            }
        }
    }
}
