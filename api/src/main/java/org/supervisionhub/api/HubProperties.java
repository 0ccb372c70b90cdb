package org.supervisionhub.api;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code hub.*}.
 *
 * @param store where the embedded Neo4j keeps its data and binds Bolt (used only without {@code spring.neo4j.uri})
 * @param personIdKey secret key that pseudonymises national IDs into person ids
 * @param roster roster update rule (ROS-03, ROS-11)
 * @param pagination page sizes of every connection
 */
@ConfigurationProperties("hub")
public record HubProperties(Store store, @DefaultValue("change-me-in-production") String personIdKey,
                            Roster roster, Pagination pagination) {

    public HubProperties {
        store = store != null ? store : new Store(Path.of("data/neo4j"), "127.0.0.1", 7687, 0, null, Store.TX_LOG_RETENTION,
                DataSize.ofMegabytes(Store.TX_LOG_ROTATION_MB));
        roster = roster != null ? roster : new Roster(5);
        pagination = pagination != null ? pagination : new Pagination(20, 200);
    }

    /**
     * @param dataDir      directory of the embedded server's store (created when absent, reused with its data when present)
     * @param boltHost     loopback address the embedded server's Bolt connector binds to
     * @param boltPort     port of the embedded server's Bolt connector; 0 picks a free one
     * @param pageCacheMb  the embedded server's page cache in MiB; 0 leaves Neo4j's default
     * @param boltPassword password of the embedded server's {@code neo4j} user; when absent one is
     *                     generated on first start and kept, readable only by its owner, in
     *                     {@code <data-dir>/bolt-password}
     * @param txLogRetention the embedded store's {@code db.tx_log.rotation.retention_policy}: how much transaction log is
     *                       kept after a checkpoint ("128M size" by default, a hard bound: the embedded store takes no
     *                       online backups, so logs serve only crash recovery, which needs those since the last
     *                       checkpoint; "2 days" for Neo4j's own default)
     * @param txLogRotationSize the embedded store's {@code db.tx_log.rotation.size}: logs are pruned a whole file at a time
     */
    public record Store(@DefaultValue("data/neo4j") Path dataDir, @DefaultValue("127.0.0.1") String boltHost,
                        @DefaultValue("7687") int boltPort, @DefaultValue("0") long pageCacheMb, String boltPassword,
                        @DefaultValue(TX_LOG_RETENTION) String txLogRetention, @DefaultValue("16MB") DataSize txLogRotationSize) {

        static final String TX_LOG_RETENTION = "128M size";
        static final int TX_LOG_ROTATION_MB = 16;
    }

    /** @param updateDeadlineWorkingDays working days allowed to record a roster change (QD: 5; [CONFIG]) */
    public record Roster(@DefaultValue("5") int updateDeadlineWorkingDays) {
    }

    /**
     * @param defaultSize page size of a connection asked without {@code first}
     * @param maxSize     largest {@code first} a connection accepts ({@code PAGE_SIZE} beyond it)
     */
    public record Pagination(@DefaultValue("20") int defaultSize, @DefaultValue("200") int maxSize) {
    }
}
