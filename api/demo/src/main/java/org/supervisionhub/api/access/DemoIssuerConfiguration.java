package org.supervisionhub.api.access;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.supervisionhub.graph.roster.RosterRepository;

/**
 * The demo issuer and a decoder that trusts exactly its key; only with {@code hub.security.demo-issuer.enabled=true}. The
 * hub's security takes the decoder like any other; its users come from a property source of the lowest precedence.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.security.demo-issuer.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoIssuerProperties.class)
@PropertySource("classpath:demo-issuer-users.properties")
public class DemoIssuerConfiguration {

    @Bean
    DemoIssuer demoIssuer(DemoIssuerProperties properties, RosterRepository roster, Clock clock) {
        return new DemoIssuer(properties, roster, clock);
    }

    @Bean
    JwtDecoder demoJwtDecoder(DemoIssuer issuer) {
        return issuer.decoder();
    }
}
