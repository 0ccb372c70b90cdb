package org.supervisionhub.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.graph.directory.Uscc;

/**
 * Base of the API integration tests: the real application over HTTP, on an embedded Neo4j in a
 * fresh directory holding a small synthetic province (seed 7). Every subclass shares one context;
 * tests create their own uniquely keyed data so they do not depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.store.bolt-port=0", "hub.store.page-cache-mb=64",
        "hub.demo.enabled=true", "hub.demo.seed=7", "hub.demo.enterprises=400"})
@Import(QueryCounter.Configuration.class)
public abstract class HubIntegrationTest {

    private static final Path DATA = tempDir();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("hub.store.data-dir", DATA::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected QueryCounter queries;

    protected HttpGraphQlTester graphQl() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
        return HttpGraphQlTester.create(client);
    }

    /** A valid USCC nobody else uses: random organisation code, correct check character, region 430102. */
    protected static String newUscc() {
        StringBuilder b = new StringBuilder("91430102");
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 9; i++) {
            b.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return b.toString() + Uscc.checkCharacter(b.toString());
    }

    /** Under target/, so the build's clean removes it: the shared context outlives every test class. */
    private static Path tempDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-graphs")), "hub-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
