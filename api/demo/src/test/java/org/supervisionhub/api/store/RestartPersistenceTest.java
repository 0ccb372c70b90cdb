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
import org.supervisionhub.api.directory.DirectoryInputs.EnterpriseInput;
import org.supervisionhub.api.directory.DirectoryService;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.store.GraphMigrations;

/** The whole application, stopped and started again on the same data directory, keeps its data; each start migrates once. */
@ExtendWith(OutputCaptureExtension.class)
class RestartPersistenceTest {

    @TempDir
    Path data;

    ConfigurableApplicationContext start() {
        // Arguments, not default properties: application.yml would override those.
        // The tests' clock, as in every test that starts the hub: the demo it loads is dated by it.
        return new SpringApplicationBuilder(SupervisionHubApplication.class, TestClock.Configuration.class).run("--hub.store.data-dir=" + data,
                "--hub.store.bolt-port=0", "--hub.store.page-cache-mb=32", "--server.port=0", "--hub.demo.enabled=true",
                "--hub.demo.enterprises=50", "--hub.security.demo-issuer.enabled=true");
    }

    @Test
    void enterprisesWrittenBeforeARestartAreThereAfterItAndEachStartMigratesOnce(CapturedOutput output) {
        String base = "91430102MA00RE7RT";
        String uscc = base + Uscc.checkCharacter(base);
        long before;
        int firstStart;
        try (ConfigurableApplicationContext first = start()) {
            firstStart = output.getOut().length();
            assertThat(runs(output.getOut())).as("migration runs in the first start").isEqualTo(1);
            first.getBean(DirectoryService.class).upsertEnterprise(new EnterpriseInput(uscc, "重启前写入的企业", "COMPANY", null, null,
                    null, null, null, "430102", null, null, null, null), (region, field) -> { });
            before = first.getBean(DirectoryRepository.class).count(new org.supervisionhub.graph.directory.Directory.EnterpriseFilter(
                    null, null, null, null, null, null, null));
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(runs(output.getOut().substring(firstStart))).as("migration runs in the restart").isEqualTo(1);
            DirectoryRepository directory = second.getBean(DirectoryRepository.class);
            assertThat(directory.enterprise(uscc)).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("重启前写入的企业"));
            // The demo loader saw a non-empty graph and added nothing.
            assertThat(directory.count(new org.supervisionhub.graph.directory.Directory.EnterpriseFilter(
                    null, null, null, null, null, null, null))).isEqualTo(before);
        }
    }

    private static long runs(String log) {
        return log.lines().filter(l -> l.contains(GraphMigrations.RUN_LINE)).count();
    }
}
