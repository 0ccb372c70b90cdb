package org.supervisionhub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supervisionhub.api.SupervisionHubApplication;
import org.supervisionhub.api.directory.DirectoryInputs.PersonInput;
import org.supervisionhub.api.directory.DirectoryService;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.graph.store.GraphMigrations;

/**
 * The whole application, stopped and started again on the same data directory, keeps its data; each start migrates once.
 * Without the demo: DemoStoreImportTest restarts a demo store and checks the demo adds nothing to it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartPersistenceTest {

    @TempDir
    Path data;

    ConfigurableApplicationContext start() {
        // Arguments, not default properties: application.yml would override those.
        // The tests' clock, as in every test that starts the hub.
        return new SpringApplicationBuilder(SupervisionHubApplication.class, TestClock.Configuration.class).run("--hub.store.data-dir=" + data,
                "--hub.store.bolt-port=0", "--hub.store.page-cache-mb=32", "--server.port=0", "--hub.demo.enabled=false",
                "--hub.security.demo-issuer.enabled=true");
    }

    @Test
    void recordsWrittenBeforeARestartAreThereAfterItAndEachStartMigratesOnce(CapturedOutput output) {
        // A person needs no reference data (an enterprise needs its region), so the store can start empty.
        String personId = "PRESTARTPERSIST2A";
        int firstStart;
        try (ConfigurableApplicationContext first = start()) {
            firstStart = output.getOut().length();
            assertThat(runs(output.getOut())).as("migration runs in the first start").isEqualTo(1);
            first.getBean(DirectoryService.class).upsertPerson(new PersonInput(personId, null, "重启前写入的人员"));
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(runs(output.getOut().substring(firstStart))).as("migration runs in the restart").isEqualTo(1);
            assertThat(second.getBean(DirectoryService.class).person(personId))
                    .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("重启前写入的人员"));
        }
    }

    private static long runs(String log) {
        return log.lines().filter(l -> l.contains(GraphMigrations.RUN_LINE)).count();
    }
}
