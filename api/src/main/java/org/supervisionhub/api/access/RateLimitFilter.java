package org.supervisionhub.api.access;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.supervisionhub.api.graphql.JsonErrors;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * Per-client request quotas (Resilience4j rate limiters, one per client, refreshed each minute).
 * The quota is per replica: with N replicas behind a balancer a client gets up to N times it.
 * Refusals are HTTP 429 with {@code Retry-After} and the code RATE_LIMITED. The same budget counts each operation sent
 * over a GraphQL WebSocket ({@link WebSocketRateLimit}), refused there with a GraphQL error RATE_LIMITED.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final SecurityProperties.RateLimit settings;
    // Least recently used clients are forgotten first, so addresses cannot grow the map without bound.
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_TRACKED_CLIENTS;
        }
    };

    public RateLimitFilter(SecurityProperties.RateLimit settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (admit(request, response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Takes one request of the caller's quota; when it is spent, answers 429 and returns false. Also for requests that
     * Spring Security refuses before this filter runs, but whose refusal the hub still records (anonymous uploads): the
     * quota applies first, so such refusals cannot be recorded faster than it allows.
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String refusal = take(SecurityContextHolder.getContext().getAuthentication(), request.getRemoteAddr());
        if (refusal != null) {
            response.setHeader("Retry-After", "60");
            JsonErrors.write(response, 429, ErrorCode.RATE_LIMITED, refusal);
            return false;
        }
        return true;
    }

    /**
     * Takes one request (or one GraphQL operation over WebSocket) of the caller's quota, whatever the transport: the
     * token's client (its {@code azp}, else its subject), else the remote address. Returns null when admitted, else why
     * not.
     */
    public String take(Authentication auth, String remoteAddress) {
        if (!settings.enabled()) {
            return null;
        }
        String client;
        int quota;
        if (auth instanceof JwtAuthenticationToken token) {
            Object azp = token.getToken().getClaims().get("azp");
            client = azp != null ? String.valueOf(azp) : token.getName();
            quota = settings.clients().getOrDefault(client, settings.authenticatedPerMinute());
        } else {
            client = "ip:" + remoteAddress;
            quota = settings.anonymousPerMinute();
        }
        RateLimiter limiter = limiter(client, quota);
        return limiter.acquirePermission() ? null : "client " + client + " exceeded its quota of " + quota + " requests per minute";
    }

    private synchronized RateLimiter limiter(String client, int quota) {
        return limiters.computeIfAbsent(client, c -> RateLimiter.of(c, RateLimiterConfig.custom().limitForPeriod(quota)
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build()));
    }
}
