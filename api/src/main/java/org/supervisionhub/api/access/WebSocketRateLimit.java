package org.supervisionhub.api.access;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.errors.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * The rate limit over WebSocket: the upgrade request passes {@link RateLimitFilter} once, but a connection then carries
 * any number of operations. Each {@code subscribe} message takes one request of the same per-client budget as HTTP (the
 * session's token's client, else the address the connection came from); over budget, that operation is answered with a
 * GraphQL error RATE_LIMITED without running, and the connection stays open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class WebSocketRateLimit implements WebGraphQlInterceptor {

    private final RateLimitFilter rateLimit;
    private final ViewerInterceptor viewers;

    public WebSocketRateLimit(RateLimitFilter rateLimit, ViewerInterceptor viewers) {
        this.rateLimit = rateLimit;
        this.viewers = viewers;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest ws)) {
            return chain.next(request);  // HTTP: RateLimitFilter has counted it
        }
        String refusal = rateLimit.take(viewers.sessionCaller(ws.getSessionInfo()),
                ViewerInterceptor.address(ws.getSessionInfo().getRemoteAddress()));
        if (refusal == null) {
            return chain.next(request);
        }
        ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError().message(refusal)
                .errorType(org.supervisionhub.api.graphql.ErrorTypes.of(ErrorCode.RATE_LIMITED)).extensions(Map.of("code", ErrorCode.RATE_LIMITED.name())).build())
                .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
    }
}
