package org.supervisionhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What ships: the production jar (api's Boot jar, {@code api-<version>-exec.jar}) holds no demo, simulator, synthetic-data or
 * benchmark class, in its own classes or in any of the project's jars it bundles, and none of the modules that hold them.
 * Run by the api module's {@code verify} phase, after the jar is built (surefire execution {@code production-jar}).
 */
class ProductionJarTest {

    /** The project's modules that must not ship. */
    static final Pattern NON_PRODUCTION_MODULE = Pattern.compile("BOOT-INF/lib/(api-demo|api-benchmarks|graph-model-synthetic|connectors-simulator)-.*\\.jar");
    /** The project's classes that must not ship: by package, and by name wherever they are. */
    static final Pattern NON_PRODUCTION_CLASS = Pattern.compile(
            "org/supervisionhub/(.*/)?(demo|synthetic|simulator|benchmarks?)/.*|org/supervisionhub/.*(Demo|Benchmark|Simulator|Synthetic)[^/]*\\.class");

    static Path jar;
    static List<String> entries;
    /** Every file of the project's own code: BOOT-INF/classes and each org.supervisionhub jar in BOOT-INF/lib. */
    static List<String> projectClasses;

    @BeforeAll
    static void read() throws IOException {
        jar = Path.of(System.getProperty("hub.production.jar", "target/none.jar"));
        assertThat(jar).as("the production jar (built by package; this test runs in verify)").isRegularFile();
        entries = new ArrayList<>();
        projectClasses = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                entries.add(e.getName());
                // Files only: an empty directory left in target/classes by an incremental build after a move is not code.
                if (e.getName().startsWith("BOOT-INF/classes/org/supervisionhub/") && !e.isDirectory()) {
                    projectClasses.add(e.getName().substring("BOOT-INF/classes/".length()));
                } else if (isProjectJar(e.getName())) {
                    try (InputStream in = zip.getInputStream(e); ZipInputStream nested = new ZipInputStream(in)) {
                        for (ZipEntry n; (n = nested.getNextEntry()) != null; ) {
                            if (n.getName().startsWith("org/supervisionhub/") && !n.isDirectory()) {
                                projectClasses.add(n.getName());
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("Production jar %s: %,d bytes (%.1f MB), %d entries, %d project classes%n", jar.getFileName(),
                Files.size(jar), Files.size(jar) / 1_048_576.0, entries.size(), projectClasses.size());
    }

    static boolean isProjectJar(String name) {
        return name.matches("BOOT-INF/lib/(schema|graph-model[a-z-]*|connectors[a-z-]*|api[a-z-]*)-\\d.*\\.jar");
    }

    @Test
    void isTheHubsBootJarWithItsEmbeddedServer() {
        assertThat(entries).contains("BOOT-INF/classes/org/supervisionhub/api/SupervisionHubApplication.class");
        // Without spring.neo4j.uri the hub starts its own Neo4j: the embedded module ships (graph-model itself does not carry it).
        assertThat(entries).anyMatch(e -> e.matches("BOOT-INF/lib/graph-model-embedded-.*\\.jar"))
                .anyMatch(e -> e.matches("BOOT-INF/lib/graph-model-\\d.*\\.jar"))
                .anyMatch(e -> e.matches("BOOT-INF/lib/connectors-\\d.*\\.jar"));
        assertThat(projectClasses).contains("org/supervisionhub/graph/store/EmbeddedNeo4jServer.class",
                "org/supervisionhub/connectors/sync/FeedSync.class");
    }

    @Test
    void holdsNoDemoSimulatorSyntheticOrBenchmarkModule() {
        assertThat(entries).noneMatch(e -> NON_PRODUCTION_MODULE.matcher(e).matches());
    }

    @Test
    void holdsNoDemoSimulatorSyntheticOrBenchmarkClass() {
        assertThat(projectClasses).isNotEmpty().noneMatch(c -> NON_PRODUCTION_CLASS.matcher(c).matches());
        // Nor the demo's configuration: its profile and its users.
        assertThat(entries).doesNotContain("BOOT-INF/classes/application-demo.yml", "BOOT-INF/classes/demo-issuer-users.properties");
    }

    /**
     * What embedded Neo4j brings for its other entry points and never starts here (graph-model/embedded's exclusions): the
     * Parquet import with Hadoop, the HTTP server's web stack, dump compression, Windows process tools, Scala's
     * compile-time reflection, log4j's JSON layout.
     */
    static final Pattern NOT_NEEDED_BY_THE_EMBEDDED_SERVER = Pattern.compile("BOOT-INF/lib/(hadoop-.*|parquet-.*|jetty-.*|jersey-.*|hk2-.*"
            + "|javassist-.*|jaxb-.*|jackson-jaxrs-.*|scala-reflect-.*|zstd-jni-.*|jProcesses-.*|WMI4Java-.*|jPowerShell-.*"
            + "|log4j-layout-template-json-.*|neo4j-import-tool-.*)\\.jar");

    @Test
    void holdsNoLibraryTheEmbeddedServerDoesNotNeed() {
        assertThat(entries).noneMatch(e -> NOT_NEEDED_BY_THE_EMBEDDED_SERVER.matcher(e).matches());
        // What it does need stays: the Cypher runtime (Scala), the kernel, Bolt and the community edition's classes.
        assertThat(entries).anyMatch(e -> e.matches("BOOT-INF/lib/scala-library-.*\\.jar"))
                .anyMatch(e -> e.matches("BOOT-INF/lib/neo4j-kernel-.*\\.jar"))
                .anyMatch(e -> e.matches("BOOT-INF/lib/neo4j-bolt-.*\\.jar"))
                .anyMatch(e -> e.matches("BOOT-INF/lib/neo4j-server-.*\\.jar"));
        assertThat(NOT_NEEDED_BY_THE_EMBEDDED_SERVER.matcher("BOOT-INF/lib/hadoop-common-3.5.0.jar").matches()).isTrue();
        assertThat(NOT_NEEDED_BY_THE_EMBEDDED_SERVER.matcher("BOOT-INF/lib/neo4j-server-5.26.30.jar").matches()).isFalse();
    }

    /** java -jar opens what Neo4j asks for (its neo4j.conf's --add-opens) from the manifest; /actuator/info shows the build. */
    @Test
    void opensWhatNeo4jAsksForAndCarriesBuildInfoAndConfigurationMetadata() throws IOException {
        try (java.util.jar.JarFile jarFile = new java.util.jar.JarFile(jar.toFile())) {
            String opens = jarFile.getManifest().getMainAttributes().getValue("Add-Opens");
            assertThat(opens).isNotNull();
            assertThat(opens.split(" ")).contains("java.base/java.nio", "java.base/java.io", "java.base/sun.nio.ch");
        }
        // The Boot jar keeps the classes' META-INF at its root.
        assertThat(entries).contains("META-INF/build-info.properties",
                "META-INF/spring-configuration-metadata.json", "BOOT-INF/classes/application-prod.yml");
    }

    @Test
    void thePatternsRecogniseWhatTheyExclude() {
        assertThat(List.of("org/supervisionhub/api/demo/DemoDataLoader.class", "org/supervisionhub/api/access/DemoIssuer.class",
                "org/supervisionhub/graph/synthetic/SyntheticProvince.class", "org/supervisionhub/connectors/simulator/Faults.class",
                "org/supervisionhub/api/sampling/DrawBenchmark.class"))
                .allMatch(c -> NON_PRODUCTION_CLASS.matcher(c).matches());
        assertThat(NON_PRODUCTION_CLASS.matcher("org/supervisionhub/api/sampling/DrawService.class").matches()).isFalse();
        assertThat(NON_PRODUCTION_MODULE.matcher("BOOT-INF/lib/graph-model-synthetic-0.1.0-SNAPSHOT.jar").matches()).isTrue();
        assertThat(isProjectJar("BOOT-INF/lib/graph-model-embedded-0.1.0-SNAPSHOT.jar")).isTrue();
        assertThat(isProjectJar("BOOT-INF/lib/neo4j-kernel-5.26.30.jar")).isFalse();
    }
}
