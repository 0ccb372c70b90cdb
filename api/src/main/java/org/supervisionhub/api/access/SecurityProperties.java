package org.supervisionhub.api.access;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hub.security.*}. Production tokens come from the issuer configured under
 * {@code spring.security.oauth2.resourceserver.jwt.*}; the demo issuer is for the embedded demo only.
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(DemoIssuer demoIssuer, RateLimit rateLimit) {

    public SecurityProperties {
        demoIssuer = demoIssuer != null ? demoIssuer : new DemoIssuer(false, 60, "demo", Map.of());
        rateLimit = rateLimit != null ? rateLimit : new RateLimit(true, 120, 1200, Map.of());
    }

    /**
     * @param users demo users by client id: their roles, department, unit and inspector id (an
     *              INSPECTOR without one gets the first inspector of its department)
     */
    public record DemoIssuer(@DefaultValue("false") boolean enabled, @DefaultValue("60") int tokenMinutes,
                             @DefaultValue("demo") String clientSecret, Map<String, DemoUser> users) {
        public DemoIssuer {
            users = users == null ? Map.of() : Map.copyOf(users);
        }
    }

    public record DemoUser(List<Role> roles, String department, String unit, String inspector) {
    }

    /**
     * Requests per minute per client (token client or subject; remote address when anonymous).
     *
     * @param clients per-client quotas that replace the authenticated default
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("120") int anonymousPerMinute,
                            @DefaultValue("1200") int authenticatedPerMinute, Map<String, Integer> clients) {
        public RateLimit {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }
}
