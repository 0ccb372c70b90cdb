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

    private final Viewers viewers;

    public ViewerInterceptor(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        Viewer viewer = viewers.of(SecurityContextHolder.getContext().getAuthentication(),
                remote == null ? "unknown" : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress());
        String reason = MutationAudit.reasonFromHeader(request.getHeaders().getFirst("X-Hub-Reason"));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
            context.put(Viewer.KEY, viewer);
            if (reason != null) {
                context.put(MutationAudit.REASON, reason);
            }
            if (!viewer.authenticated()) {
                context.put(Introspection.INTROSPECTION_DISABLED, true);
            }
        }).build());
        return chain.next(request);
    }
}
