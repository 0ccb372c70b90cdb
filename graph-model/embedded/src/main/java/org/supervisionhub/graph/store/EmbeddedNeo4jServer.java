package org.supervisionhub.graph.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j 5.26 DBMS in this JVM that is reached only through its Bolt connector, exactly like an
 * external server. Bolt listens on a loopback address, with authentication when a password is given
 * (the application always gives one); a deployment that needs more sets {@code spring.neo4j.uri} instead.
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

    private final DatabaseManagementService dbms;
    private final Path home;
    private final String host;
    private final int boltPort;
    private final String password;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private EmbeddedNeo4jServer(DatabaseManagementService dbms, Path home, String host, int boltPort, String password) {
        this.dbms = dbms;
        this.home = home;
        this.host = host;
        this.boltPort = boltPort;
        this.password = password;
    }

    /**
     * Starts the server.
     *
     * @param home directory holding the store; created when absent, reused (data kept) when present
     * @param host loopback address to bind Bolt to
     * @param port Bolt port; 0 picks a free one
     * @param pageCacheMb page cache size in MiB; 0 leaves Neo4j's default
     */
    public static EmbeddedNeo4jServer start(Path home, String host, int port, long pageCacheMb) {
        return start(home, host, port, pageCacheMb, null);
    }

    /**
     * As {@link #start(Path, String, int, long)}, with Bolt authentication when {@code password} is
     * given: the {@code neo4j} user gets that password (at least 8 characters), so other local
     * processes need it too.
     */
    public static EmbeddedNeo4jServer start(Path home, String host, int port, long pageCacheMb, String password) {
        return start(home, host, port, pageCacheMb, password, null, 0, Map.of());
    }

    /**
     * As {@link #start(Path, String, int, long, String)}, with further Neo4j settings by name (for example
     * {@code dbms.cypher.min_replan_interval}), applied after the hub's own; empty leaves Neo4j's defaults.
     */
    public static EmbeddedNeo4jServer start(Path home, String host, int port, long pageCacheMb, String password,
                                            Map<String, String> settings) {
        return start(home, host, port, pageCacheMb, password, null, 0, settings);
    }

    /**
     * As {@link #start(Path, String, int, long, String, Map)}, bounding the transaction logs: {@code txLogRetention} is
     * Neo4j's {@code db.tx_log.rotation.retention_policy} ("2 days", "100M size", "keep_none"; null: Neo4j's default,
     * "2 days"), {@code txLogRotationBytes} its {@code db.tx_log.rotation.size} (0: Neo4j's default, 256 MiB). Logs are
     * pruned a whole rotated file at a time at checkpoints, so a smaller rotation size lets the retention bound bite sooner.
     */
    public static EmbeddedNeo4jServer start(Path home, String host, int port, long pageCacheMb, String password, String txLogRetention,
                                            long txLogRotationBytes, Map<String, String> settings) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(settings, "settings");
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                // Neo4j 5.26's in-JVM connector is built for netty 4.1 and fails on Boot's netty 4.2.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                // Neo4j sends anonymous usage data to neo4j.com by default; a regulator's store talks to no outside host.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Without this, shutdown waits ~10 s on idle driver connections.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO);
        if (txLogRetention != null && !txLogRetention.isBlank()) {
            builder.setConfig(GraphDatabaseSettings.keep_logical_logs, txLogRetention.strip());
        }
        if (txLogRotationBytes > 0) {
            builder.setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, txLogRotationBytes);
        }
        if (pageCacheMb > 0) {
            builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb));
        }
        if (!settings.isEmpty()) {
            // Parsed and checked as Neo4j parses its configuration file: an unknown name or a bad value fails the start.
            Config parsed = Config.newBuilder().setRaw(settings).build();
            for (String name : settings.keySet()) {
                Setting<Object> setting = parsed.getSetting(name);
                builder.setConfig(setting, parsed.get(setting));
            }
        }
        DatabaseManagementService dbms = builder.build();
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (password != null) {
            // The embedded API bypasses authentication, so it can (re)set the password on every start.
            try {
                system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
            } catch (org.neo4j.graphdb.QueryExecutionException e) {
                // A restart with the password already set is fine; anything else is not.
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    dbms.shutdown();
                    throw e;
                }
            }
        }
        int bound = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        return new EmbeddedNeo4jServer(dbms, home, host, bound, password);
    }

    /** The {@code neo4j} user's password, or null when authentication is off. */
    public String password() {
        return password;
    }

    public String boltUri() {
        return "bolt://" + host + ":" + boltPort;
    }

    public int boltPort() {
        return boltPort;
    }

    public Path home() {
        return home;
    }

    /** Shuts the DBMS down; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            dbms.shutdown();
        }
    }
}
