package org.supervisionhub.api.access;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import graphql.introspection.Introspection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's {@link Viewer} and the {@code X-Hub-Reason} header (percent-encoded UTF-8) into the GraphQL context,
 * and switches introspection off for anonymous callers. Over HTTP the caller is the request's bearer token. Over
 * WebSocket it is the token in the {@code connection_init} payload ({@code {"Authorization": "Bearer ..."}}), since
 * browsers cannot set headers on the upgrade request, or else the upgrade request's own token; once that token has
 * expired the session's further operations run as anonymous.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ViewerInterceptor implements WebSocketGraphQlInterceptor {

    private static final String SESSION_AUTHENTICATION = ViewerInterceptor.class.getName() + ".authentication";

    private final Viewers viewers;
    private final ObjectProvider<JwtDecoder> decoder;
    private final Clock clock;

    public ViewerInterceptor(Viewers viewers, ObjectProvider<JwtDecoder> decoder, Clock clock) {
        this.viewers = viewers;
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication authentication;
        InetSocketAddress remote;
        if (request instanceof WebSocketGraphQlRequest ws) {
            authentication = (Authentication) ws.getSessionInfo().getAttributes().get(SESSION_AUTHENTICATION);
            remote = ws.getSessionInfo().getRemoteAddress();
        } else {
            authentication = SecurityContextHolder.getContext().getAuthentication();
            remote = request.getRemoteAddress();
        }
        Instant expiresAt = authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getExpiresAt() : null;
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            authentication = null;
            expiresAt = null;
        }
        Viewer viewer = viewers.of(authentication, address(remote));
        String reason = AccessAudit.reasonFromHeader(request.getHeaders().getFirst("X-Hub-Reason"));
        Instant expiry = expiresAt;
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
            context.put(Viewer.KEY, viewer);
            if (expiry != null) {
                context.put(Viewer.EXPIRES_AT, expiry);
            }
            if (reason != null) {
                context.put(AccessAudit.REASON, reason);
            }
            if (!viewer.authenticated()) {
                context.put(Introspection.INTROSPECTION_DISABLED, true);
            }
        }).build());
        return chain.next(request);
    }

    /** The caller of an operation over WebSocket: the session's token while it has not expired, else null (anonymous). */
    Authentication sessionCaller(WebSocketSessionInfo session) {
        Authentication authentication = (Authentication) session.getAttributes().get(SESSION_AUTHENTICATION);
        Instant expiresAt = authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getExpiresAt() : null;
        return expiresAt != null && !clock.instant().isBefore(expiresAt) ? null : authentication;
    }

    /** The remote address as the rate limit and {@link Viewer}s name it. */
    static String address(InetSocketAddress remote) {
        return remote == null ? "unknown" : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** A token in the payload must be valid, or the connection is refused (4401); without one, the upgrade request's counts. */
    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.get("Authorization") != null ? payload.get("Authorization") : payload.get("authorization");
        if (header == null) {
            return session.getPrincipal().doOnNext(principal -> {
                if (principal instanceof Authentication a) {
                    session.getAttributes().put(SESSION_AUTHENTICATION, a);
                }
            }).then(Mono.empty());
        }
        String value = header.toString().strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.error(new IllegalArgumentException("connection_init: Authorization must be 'Bearer <token>'"));
        }
        return Mono.fromCallable(() -> SecurityConfiguration.authentication(decoder.getObject().decode(value.substring(7).strip())))
                .doOnNext(a -> session.getAttributes().put(SESSION_AUTHENTICATION, a)).then(Mono.empty());
    }
}
