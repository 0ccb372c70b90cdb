package org.supervisionhub.graph.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.core.MigrationsException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned Cypher migrations under {@code classpath:neo4j/migrations} with
 * neo4j-migrations. The library holds a lock in the database while it works, so several hub
 * replicas starting against one cluster apply each migration exactly once; one that finds the lock taken waits for it.
 */
public final class GraphMigrations {

    public static final String LOCATION = "classpath:neo4j/migrations";
    /** Logged once per run (a start runs them once; RestartPersistenceTest counts it). */
    public static final String RUN_LINE = "Applying graph migrations from " + LOCATION;

    private static final Logger log = LoggerFactory.getLogger(GraphMigrations.class);

    private GraphMigrations() {
    }

    /** Applies pending migrations and returns the version the database is at afterwards. */
    public static Optional<String> apply(Driver driver, String database) {
        log.info(RUN_LINE);
        MigrationsConfig.Builder config = MigrationsConfig.builder()
                .withLocationsToScan(LOCATION)
                .withPackagesToScan(new String[0])
                .withResourceScanner(new MigrationResourceScanner())
                // All migrations are Cypher files; nothing to discover among classes.
                .withMigrationClassesDiscoverer(context -> List.of());
        if (database != null && !database.isBlank()) {
            config.withDatabase(database);
        }
        Migrations migrations = new Migrations(config.build(), driver);
        // Replicas starting together: the library refuses, rather than waits, while another holds its lock.
        Retry lockWait = Retry.of("graph-migrations-lock", RetryConfig.custom()
                .maxAttempts(LOCK_ATTEMPTS).waitDuration(Duration.ofMillis(LOCK_PAUSE_MS))
                .retryOnException(GraphMigrations::lockedByAnother).build());
        lockWait.getEventPublisher().onRetry(event -> {
            if (event.getNumberOfRetryAttempts() == 1) {
                log.info("Graph migrations are being applied by another replica; waiting for its lock");
            }
        });
        return lockWait.executeSupplier(() -> migrations.apply().map(MigrationVersion::getValue));
    }

    static boolean lockedByAnother(Throwable e) {
        return e instanceof MigrationsException && e.getMessage() != null && e.getMessage().startsWith(LOCKED);
    }

    /** The library's message when another process holds its lock (or crashed holding it). */
    static final String LOCKED = "Cannot create __Neo4jMigrationsLock node";
    /** Up to two minutes: a lock held longer is taken for a crashed holder's, and the start fails with the library's message. */
    static final int LOCK_ATTEMPTS = 240;
    static final long LOCK_PAUSE_MS = 500;
}
