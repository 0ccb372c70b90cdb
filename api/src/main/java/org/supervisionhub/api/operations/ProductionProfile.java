package org.supervisionhub.api.operations;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The {@code prod} profile ({@code application-prod.yml}) starts only with what production needs: an external Neo4j, the
 * identity provider's tokens and a secret person-id key, and never with the demo, its issuer or its data. Checked once the
 * configuration is read, before any bean is made and before the embedded server would start (this initializer comes
 * before {@code EmbeddedStoreInitializer} in {@code META-INF/spring.factories}); every missing or refused setting is named
 * at once ({@link ProductionSettingsException}, reported by {@link ProductionSettingsAnalyzer}).
 */
public class ProductionProfile implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROFILE = "prod";
    static final String[] ISSUER = {"spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "spring.security.oauth2.resourceserver.jwt.public-key-location"};
    static final String DEFAULT_PERSON_ID_KEY = "change-me-in-production";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new ProductionSettingsException(problems);
        }
    }

    static List<String> problems(ConfigurableEnvironment env) {
        List<String> problems = new ArrayList<>();
        if (blank(env.getProperty("spring.neo4j.uri"))) {
            problems.add("spring.neo4j.uri (SPRING_NEO4J_URI) is not set: the prod profile runs on an external Neo4j"
                    + " (bolt://host:7687, or neo4j://host:7687 for a cluster) and starts no embedded server");
        }
        boolean issuer = false;
        for (String p : ISSUER) {
            issuer |= !blank(env.getProperty(p));
        }
        if (!issuer) {
            problems.add(ISSUER[0] + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) is not set: the prod profile takes"
                    + " the identity provider's tokens (or set its jwk-set-uri, or public-key-location)");
        }
        String key = env.getProperty("hub.person-id-key");
        if (blank(key) || DEFAULT_PERSON_ID_KEY.equals(key)) {
            problems.add("hub.person-id-key (HUB_PERSON_ID_KEY) is not set or is the published default: set a secret key");
        }
        if (env.getProperty("hub.security.demo-issuer.enabled", Boolean.class, false)) {
            problems.add("hub.security.demo-issuer.enabled is true: the demo issuer signs tokens for anyone, never in production");
        }
        if (env.getProperty("hub.demo.enabled", Boolean.class, false)) {
            problems.add("hub.demo.enabled is true: the synthetic province is for the demo only");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
