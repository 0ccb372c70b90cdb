package org.supervisionhub.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.graph.store.GraphMigrations;

/**
 * The demo's first start on an empty store: the province through Neo4j's bulk importer before the server starts, then
 * the demo's year replayed through the services, gives the graph a start through Bolt gives (counts per label and
 * relationship type; ProvinceImportTest compares the province itself property by property). A restart on that store
 * adds nothing. (RestartPersistenceTest: what is written survives a restart.)
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoStoreImportTest {

    @TempDir
    Path imported;

    @TempDir
    Path loaded;

    @Test
    void firstStartImportsTheProvinceThenReplaysTheYearAsABoltLoadDoes(CapturedOutput output) {
        Map<String, Long> viaImport = countsAfterStart(imported, true);
        assertThat(output.getOut()).contains("Demo province imported").doesNotContain("Demo province loaded");
        assertThat(output.getOut().lines().filter(l -> l.contains(GraphMigrations.RUN_LINE))).as("migration runs in the first start").hasSize(1);
        int firstStart = output.getOut().length();
        Map<String, Long> viaBolt = countsAfterStart(loaded, false);
        assertThat(output.getOut().substring(firstStart)).contains("Demo province loaded").doesNotContain("Demo province imported");

        // The year's replay adds enterprises of its own (the explore holding group) to the province's 50.
        assertThat(viaImport.get("Enterprise")).isGreaterThan(50L);
        assertThat(viaImport).containsKeys("SamplingPlan", "Inspection", "InspectionResult");
        assertThat(viaImport).isEqualTo(viaBolt);

        // A restart: the migrations run once and find nothing to do; the demo sees a graph and adds nothing.
        int restart = output.getOut().length();
        assertThat(countsAfterStart(imported, true)).isEqualTo(viaImport);
        String restartLog = output.getOut().substring(restart);
        assertThat(restartLog.lines().filter(l -> l.contains(GraphMigrations.RUN_LINE))).as("migration runs in the restart").hasSize(1);
        assertThat(restartLog).doesNotContain("Demo province imported").doesNotContain("Demo province loaded");
    }

    private static Map<String, Long> countsAfterStart(Path data, boolean bulkImport) {
        // Arguments, not default properties: application.yml would override those. The tests' clock dates the demo's year.
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(SupervisionHubApplication.class, TestClock.Configuration.class)
                .run("--hub.store.data-dir=" + data, "--hub.store.bolt-port=0", "--hub.store.page-cache-mb=32", "--server.port=0",
                        "--hub.demo.enabled=true", "--hub.demo.enterprises=50", "--hub.demo.bulk-import=" + bulkImport,
                        "--hub.security.demo-issuer.enabled=true")) {
            Driver driver = hub.getBean(Driver.class);
            Map<String, Long> counts = new TreeMap<>();
            driver.executableQuery("MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__Neo4jMigration')"
                    + " UNWIND labels(n) AS l RETURN l AS k, count(*) AS c").execute().records()
                    .forEach(r -> counts.put(r.get("k").asString(), r.get("c").asLong()));
            driver.executableQuery("MATCH (a)-[r]->() WHERE NOT any(l IN labels(a) WHERE l STARTS WITH '__Neo4jMigration')"
                    + " RETURN '-' + type(r) + '->' AS k, count(*) AS c").execute().records()
                    .forEach(r -> counts.put(r.get("k").asString(), r.get("c").asLong()));
            return counts;
        }
    }
}
