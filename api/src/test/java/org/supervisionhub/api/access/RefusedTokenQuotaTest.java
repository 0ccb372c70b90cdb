package org.supervisionhub.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.supervisionhub.api.audit.MutationAudit;

/** Requests with an invalid bearer token (refused before the limit filter runs) still spend the address's quota. */
class RefusedTokenQuotaTest {

    @Test
    void invalidTokensOnPublicPathsCountAgainstTheCallersAddress() throws Exception {
        RateLimitFilter limit = new RateLimitFilter(new SecurityProperties.RateLimit(true, 2, 1000, Map.of()));
        AuthenticationEntryPoint entry = SecurityConfiguration.unauthenticated(limit,
                new StaticListableBeanFactory().getBeanProvider(MutationAudit.class));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/draws/DRW-X");
            request.setRemoteAddr("203.0.113.9");
            request.addHeader("Authorization", "Bearer not-a-token-" + i);
            MockHttpServletResponse response = new MockHttpServletResponse();
            entry.commence(request, response, new BadCredentialsException("invalid token"));
            statuses.add(response.getStatus());
        }
        assertThat(statuses).containsExactly(401, 401, 429, 429);
        // Another address has its own quota.
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/public/draws/DRW-X");
        other.setRemoteAddr("198.51.100.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        entry.commence(other, response, new BadCredentialsException("invalid token"));
        assertThat(response.getStatus()).isEqualTo(401);
    }
}
