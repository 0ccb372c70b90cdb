package org.supervisionhub.api.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.supervisionhub.graph.organisation.OrganisationRepository;

/**
 * Turns an authenticated token into a {@link Viewer}. Claims: {@code sub}, {@code roles} (names of
 * {@link Role}), {@code department}, {@code unit}, {@code inspector}, and {@code azp} or
 * {@code client_id} for rate limits. Unknown role names are ignored, never guessed.
 */
@Component
public class Viewers {

    private final OrganisationRepository organisation;

    public Viewers(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    public Viewer of(Authentication authentication, String remoteAddress) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Viewer.anonymous("ip:" + remoteAddress);
        }
        Jwt jwt = token.getToken();
        String department = jwt.getClaimAsString("department");
        String client = jwt.getClaimAsString("azp") != null ? jwt.getClaimAsString("azp")
                : jwt.getClaimAsString("client_id") != null ? jwt.getClaimAsString("client_id") : jwt.getSubject();
        return new Viewer(jwt.getSubject(), client, roles(jwt), department, jwt.getClaimAsString("unit"),
                jwt.getClaimAsString("inspector"), memo(() -> department == null ? Set.of()
                        : Set.copyOf(organisation.departmentAndSubordinates(department))),
                memo(() -> department == null ? Set.of() : organisation.department(department)
                        .map(d -> Set.copyOf(organisation.regionAndDescendants(d.regionCode()))).orElse(Set.of())));
    }

    static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList("roles");
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equalsIgnoreCase(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
