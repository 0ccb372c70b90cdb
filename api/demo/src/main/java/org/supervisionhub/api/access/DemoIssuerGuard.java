package org.supervisionhub.api.access;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The demo issuer replaces the token decoder and lets the default person-id key pass: with a production identity provider
 * configured as well, it would silently take over. A hub with both refuses to start and says why.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.security.demo-issuer.enabled", havingValue = "true")
public class DemoIssuerGuard {

    static final String[] PRODUCTION_ISSUER = {"spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "spring.security.oauth2.resourceserver.jwt.public-key-location"};

    @Bean
    static InitializingBean demoIssuerExcludesProductionIssuer(Environment environment) {
        return () -> {
            for (String property : PRODUCTION_ISSUER) {
                String value = environment.getProperty(property);
                if (value != null && !value.isBlank()) {
                    throw new IllegalStateException("hub.security.demo-issuer.enabled=true and " + property + " are both set: the demo"
                            + " issuer would replace the production identity provider and accept the default person-id key."
                            + " Use one: remove the demo issuer outside the demo, or the production issuer in the demo.");
                }
            }
        };
    }
}
