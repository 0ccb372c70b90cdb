package org.supervisionhub.api.access;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.supervisionhub.graph.roster.RosterRepository;

/** The demo issuer and a decoder that trusts exactly its key; only with {@code hub.security.demo-issuer.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.security.demo-issuer.enabled", havingValue = "true")
public class DemoIssuerConfiguration {

    @Bean
    DemoIssuer demoIssuer(SecurityProperties properties, RosterRepository roster, Clock clock) {
        return new DemoIssuer(properties.demoIssuer(), roster, clock);
    }

    @Bean
    JwtDecoder demoJwtDecoder(DemoIssuer issuer) {
        return issuer.decoder();
    }
}
