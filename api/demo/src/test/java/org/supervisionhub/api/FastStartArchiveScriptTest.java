package org.supervisionhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/fast-start-archive}, the training step of {@code ./run-hub} (issue 19, First contact), run with a stand-in
 * {@code java} on the PATH so it takes a second, not the minute of a real training start: the stand-in extracts a file
 * and, for the training start, writes an archive and exits as told. Measured starts are for an idle machine (bench/).
 */
class FastStartArchiveScriptTest {

    static final Path SCRIPT = Path.of("..", "..", "scripts", "fast-start-archive").toAbsolutePath().normalize();
    /** The stand-in: records the training start's arguments; like the JVM, it leaves an archive even when the start fails. */
    static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            for a in "$@"; do
              case "$a" in
                -Djarmode=tools) mkdir -p "${@: -1}" && echo jar > "${@: -1}/api-0.jar"; exit 0 ;;
                -XX:ArchiveClassesAtExit=*) echo "$*" > "$FAKE_ARGS"; head -c 4096 /dev/zero > "${a#*=}"
                  echo "APPLICATION FAILED TO START: No token issuer"; exit "$FAKE_EXIT" ;;
              esac
            done
            exit 3
            """;

    @TempDir
    Path dir;

    record Run(int exit, String err) {
    }

    Run run(int trainingExit) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), dir.resolve("api-0.jar").toString(), dir.resolve("app").toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_EXIT", String.valueOf(trainingExit));
        pb.environment().put("FAKE_ARGS", dir.resolve("args.txt").toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the script returns").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aFailedTrainingStartLeavesNoArchiveAndSaysWhy() throws Exception {
        Run run = run(1);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(dir.resolve("app/app.jsa")).as("the archive the failed JVM wrote is removed").doesNotExist();
        assertThat(run.err()).contains("Archive not created", "failed (exit 1)", "No token issuer", "training.log");
    }

    @Test
    void aSuccessfulTrainingStartUsesTheDemoProfileAndKeepsTheArchive() throws Exception {
        Run run = run(0);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("app/app.jsa")).isNotEmptyFile();
        // Without the demo profile's token issuer the hub refuses to start, which is how the training broke before.
        assertThat(Files.readString(dir.resolve("args.txt"))).contains("--spring.profiles.active=demo", "--hub.demo.enabled=false",
                "-Dspring.context.exit=onRefresh");
    }
}
