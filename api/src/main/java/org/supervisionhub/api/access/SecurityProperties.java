package org.supervisionhub.api.access;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hub.security.*}. Production tokens come from the issuer configured under
 * {@code spring.security.oauth2.resourceserver.jwt.*}; the demo module's issuer ({@code hub.security.demo-issuer.*}) has
 * its own settings.
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(RateLimit rateLimit) {

    public SecurityProperties {
        rateLimit = rateLimit != null ? rateLimit : new RateLimit(true, 120, 1200, Map.of());
    }

    /**
     * Requests per minute per client (token client or subject; remote address when anonymous).
     *
     * @param enabled                whether requests are limited at all
     * @param anonymousPerMinute     requests per minute of one remote address without a (valid) token
     * @param authenticatedPerMinute requests per minute of one token client (its {@code azp}, else its subject)
     * @param clients                per-client quotas that replace the authenticated default
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("120") int anonymousPerMinute,
                            @DefaultValue("1200") int authenticatedPerMinute, Map<String, Integer> clients) {
        public RateLimit {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }
}
