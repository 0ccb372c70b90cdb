package org.supervisionhub.api.access;

import java.net.InetSocketAddress;

import graphql.introspection.Introspection;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.audit.MutationAudit;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's {@link Viewer} and the {@code X-Hub-Reason} header (percent-encoded UTF-8) into the GraphQL context,
 * and switches introspection off for anonymous callers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ViewerInterceptor implements WebGraphQlInterceptor {

    static final int MAX_REASON = 500;

    private final Viewers viewers;

    public ViewerInterceptor(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        Viewer viewer = viewers.of(SecurityContextHolder.getContext().getAuthentication(),
                remote == null ? "unknown" : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress());
        String header = request.getHeaders().getFirst("X-Hub-Reason");
        // Percent-encoded UTF-8, so reasons in Chinese survive HTTP's Latin-1 headers.
        String reason = header == null ? null : java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
            context.put(Viewer.KEY, viewer);
            if (reason != null && !reason.isBlank()) {
                context.put(MutationAudit.REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
            }
            if (!viewer.authenticated()) {
                context.put(Introspection.INTROSPECTION_DISABLED, true);
            }
        }).build());
        return chain.next(request);
    }
}
