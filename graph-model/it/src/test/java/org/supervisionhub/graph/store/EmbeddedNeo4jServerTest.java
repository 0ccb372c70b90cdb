package org.supervisionhub.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

class EmbeddedNeo4jServerTest {

    @TempDir
    Path home;

    @Test
    void dataWrittenOverBoltSurvivesARestartOfTheServer() {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 32);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            assertThat(server.boltPort()).isPositive();
            driver.executableQuery("CREATE (:Marker {name: $name})").withParameters(java.util.Map.of("name", "kept")).execute();
        }
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 32);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            List<String> names = driver.executableQuery("MATCH (m:Marker) RETURN m.name AS name").execute()
                    .records().stream().map(r -> r.get("name").asString()).toList();
            assertThat(names).containsExactly("kept");
        }
    }

    /** Neo4j's default is to send anonymous usage data to neo4j.com; a regulator's store talks to no outside host. */
    @Test
    void theServerSendsNoUsageDataToNeo4j() {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 32);
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            assertThat(driver.executableQuery("SHOW SETTINGS YIELD name, value WHERE name = 'dbms.usage_report.enabled' RETURN value")
                    .execute().records().get(0).get("value").asString()).isEqualTo("false");
        }
    }

    @Test
    void withAPasswordBoltRefusesCallersWithoutIt(@TempDir Path home) {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 32, "s3cret-bolt-pw")) {
            try (var anonymous = org.neo4j.driver.GraphDatabase.driver(server.boltUri(), org.neo4j.driver.AuthTokens.none())) {
                org.assertj.core.api.Assertions.assertThatThrownBy(anonymous::verifyConnectivity)
                        .isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
            }
            try (var wrong = org.neo4j.driver.GraphDatabase.driver(server.boltUri(), org.neo4j.driver.AuthTokens.basic("neo4j", "guessed-pw"))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(wrong::verifyConnectivity)
                        .isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
            }
            try (var driver = org.neo4j.driver.GraphDatabase.driver(server.boltUri(), org.neo4j.driver.AuthTokens.basic("neo4j", server.password()))) {
                org.assertj.core.api.Assertions.assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt())
                        .isEqualTo(1);
            }
        }
    }

    /**
     * The transaction-log bounds and the tests' hook (hub.store.neo4j.*) reach the server, on one start; a wrong name or
     * value fails the start.
     */
    @Test
    void transactionLogBoundsAndFurtherSettingsByNameApplyAndAWrongNameOrValueFailsTheStart(@TempDir Path other) {
        try (EmbeddedNeo4jServer server = EmbeddedNeo4jServer.start(home, "127.0.0.1", 0, 32, null, "10M size", 1024 * 1024,
                java.util.Map.of("dbms.cypher.min_replan_interval", "1h"));
             Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
            java.util.Map<String, String> settings = new java.util.HashMap<>();
            driver.executableQuery("SHOW SETTINGS YIELD name, value WHERE name IN ['db.tx_log.rotation.retention_policy', 'db.tx_log.rotation.size',"
                    + " 'dbms.cypher.min_replan_interval'] RETURN name, value").execute().records()
                    .forEach(r -> settings.put(r.get("name").asString(), r.get("value").asString()));
            assertThat(settings).containsEntry("db.tx_log.rotation.retention_policy", "10M size");
            assertThat(settings.get("db.tx_log.rotation.size")).as(settings.toString()).isIn("1.000MiB", "1.00MiB", "1MiB", "1048576", "1M");
            assertThat(settings).containsEntry("dbms.cypher.min_replan_interval", "1h");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedNeo4jServer.start(other, "127.0.0.1", 0, 32, null,
                java.util.Map.of("dbms.cypher.no_such_setting", "1h"))).hasMessageContaining("dbms.cypher.no_such_setting");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedNeo4jServer.start(other, "127.0.0.1", 0, 32, null,
                java.util.Map.of("dbms.cypher.min_replan_interval", "soon"))).hasMessageContaining("dbms.cypher.min_replan_interval");
        assertThat(other).isEmptyDirectory();
    }
}
