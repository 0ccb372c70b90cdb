package org.supervisionhub.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.supervisionhub.api.HubProperties;
import org.supervisionhub.graph.store.EmbeddedNeo4jServer;
import org.supervisionhub.graph.store.GraphMigrations;

/**
 * Starts the embedded Neo4j on its own thread as soon as the context is created, so its ~10 s
 * start overlaps with the rest of the application's start instead of adding to it. The server
 * bean waits for it; the context's shutdown stops it after the driver has closed.
 */
public class EmbeddedStoreInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String BEAN_NAME = "embeddedNeo4jStartup";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreInitializer.class);

    /** The server being started; closing it stops the server whether or not it was ever used. */
    public static final class Startup implements DisposableBean {

        private final CompletableFuture<EmbeddedNeo4jServer> server;
        /** The schema version the migration on the starter thread reached, or null when it failed. */
        private volatile Optional<String> migratedTo;
        /** Whether a {@link StoreSeed} wrote the store before the server started on it. */
        private volatile boolean seeded;

        Startup(CompletableFuture<EmbeddedNeo4jServer> server) {
            this.server = server;
        }

        /**
         * Once started: the version the early migration left the graph at, or empty when it failed (then the
         * application's driver migrates; see GraphConfiguration). Present means migrations ran once and need not run again.
         */
        public Optional<Optional<String>> migratedTo() {
            await();
            return Optional.ofNullable(migratedTo);
        }

        /** Once started: whether a {@link StoreSeed} wrote the store before this start. */
        public boolean seeded() {
            await();
            return seeded;
        }

        public EmbeddedNeo4jServer await() {
            try {
                return server.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the embedded Neo4j", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("embedded Neo4j failed to start: " + e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public void destroy() {
            server.thenAccept(EmbeddedNeo4jServer::close).exceptionally(t -> null).join();
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!EmbeddedStoreConfiguration.isEmbedded(context.getEnvironment())) {
            return;
        }
        HubProperties.Store store = Binder.get(context.getEnvironment()).bind("hub", HubProperties.class)
                .orElseGet(() -> new HubProperties(null, null, null, null)).store();
        // hub.store.neo4j.<Neo4j setting>: further settings of the embedded server, by Neo4j's own names (none by default).
        Map<String, String> settings = Binder.get(context.getEnvironment())
                .bind("hub.store.neo4j", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        List<StoreSeed> seeds = SpringFactoriesLoader.loadFactories(StoreSeed.class, context.getClassLoader());
        String database = context.getEnvironment().getProperty("spring.data.neo4j.database");
        CompletableFuture<EmbeddedNeo4jServer> future = new CompletableFuture<>();
        Startup startup = new Startup(future);
        Thread starter = new Thread(() -> {
            try {
                for (StoreSeed seed : seeds) {
                    startup.seeded |= seed.seed(store.dataDir().toAbsolutePath(), database, context.getEnvironment());
                }
                EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(store.dataDir().toAbsolutePath(), store.boltHost(),
                        store.boltPort(), store.pageCacheMb(), BoltPassword.of(store), store.txLogRetention(),
                        store.txLogRotationSize() == null ? 0 : store.txLogRotationSize().toBytes(), settings);
                // Migrating here, still in parallel with the context, also warms the server's Cypher
                // caches; GraphConfiguration takes the version from here and runs them only if this failed.
                try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", server.password()))) {
                    startup.migratedTo = GraphMigrations.apply(driver, database);
                } catch (RuntimeException e) {
                    log.warn("Early migration failed; it will be retried with the application's driver: {}", e.getMessage());
                }
                future.complete(server);
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "embedded-neo4j-start");
        starter.setDaemon(true);
        starter.start();
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, startup);
        beans.registerDisposableBean(BEAN_NAME, startup);
    }
}
