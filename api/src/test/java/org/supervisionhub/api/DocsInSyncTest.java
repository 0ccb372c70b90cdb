package org.supervisionhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rules and contracts the README and the code cite are copied under docs/ so a clone can read them; where the
 * team's shared folder sits beside the repository, the copies must equal it (docs/sync-shared.sh copies them).
 */
class DocsInSyncTest {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void docsHoldTheDomainRulesAndTheSpecsTheReadmeCites() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        for (String cited : new String[] {"docs/domain/DOMAIN.md", "docs/specs/verifiable-draw-v1.md", "docs/specs/restriction-propagation.md"}) {
            assertThat(readme).contains(cited);
            assertThat(REPOSITORY.resolve(cited)).isRegularFile();
        }
    }

    @Test
    void docsEqualTheSharedFolderBesideTheRepository() throws IOException {
        Path shared = REPOSITORY.resolveSibling("shared");
        assumeTrue(Files.isDirectory(shared.resolve("domain")), "no shared folder beside the repository: nothing to compare");
        for (String part : new String[] {"domain", "specs"}) {
            assertThat(files(REPOSITORY.resolve("docs").resolve(part)))
                    .as("docs/%s differs from ../shared/%s: run docs/sync-shared.sh", part, part)
                    .isEqualTo(files(shared.resolve(part)));
        }
    }
}
