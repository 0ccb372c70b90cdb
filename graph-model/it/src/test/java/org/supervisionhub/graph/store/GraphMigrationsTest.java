package org.supervisionhub.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** The versioned migrations against a real (embedded) Neo4j. */
class GraphMigrationsTest {

    @TempDir
    Path home;

    @Test
    void migrationsCreateTheKeyConstraintsOnceAndAreIdempotent() throws Exception {
        Path dir = Files.createDirectories(home.resolve("migrated"));
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(dir, "127.0.0.1", 0, 32);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            String first = GraphMigrations.apply(driver, null).orElseThrow();
            String second = GraphMigrations.apply(driver, null).orElseThrow();
            assertThat(second).isEqualTo(first);
            List<String> constraints = driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN name").execute()
                    .records().stream().map(r -> r.get("name").asString()).toList();
            assertThat(constraints).contains("enterprise_uscc", "person_id", "inspector_certificate");
        }
    }

    @Test
    void aReplicaStartingWhileAnotherHoldsTheMigrationLockWaitsForItThenFindsNothingToDo() throws Exception {
        Path dir = Files.createDirectories(home.resolve("locked"));
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(dir, "127.0.0.1", 0, 32);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            String version = GraphMigrations.apply(driver, null).orElseThrow();
            // Another replica's lock, as the library writes it while it migrates.
            driver.executableQuery("CREATE (:__Neo4jMigrationsLock {id: 'other-replica', name: 'John Doe'})").execute();
            CompletableFuture<Optional<String>> starting = CompletableFuture.supplyAsync(() -> GraphMigrations.apply(driver, null));
            assertThatThrownBy(() -> starting.get(2, TimeUnit.SECONDS)).as("waits while the lock is held").isInstanceOf(TimeoutException.class);
            driver.executableQuery("MATCH (l:__Neo4jMigrationsLock {id: 'other-replica'}) DELETE l").execute();
            assertThat(starting.get(30, TimeUnit.SECONDS)).contains(version);
        }
    }
}
