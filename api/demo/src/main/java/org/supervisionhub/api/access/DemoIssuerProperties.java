package org.supervisionhub.api.access;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hub.security.demo-issuer.*}; the default users are in {@code demo-issuer-users.properties}.
 *
 * @param users demo users by client id: their roles, department, unit and inspector id (an
 *              INSPECTOR without one gets the first inspector of its department)
 */
@ConfigurationProperties("hub.security.demo-issuer")
public record DemoIssuerProperties(@DefaultValue("false") boolean enabled, @DefaultValue("60") int tokenMinutes,
                                   @DefaultValue("demo") String clientSecret, Map<String, DemoUser> users) {

    public DemoIssuerProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record DemoUser(List<Role> roles, String department, String unit, String inspector) {
    }
}
