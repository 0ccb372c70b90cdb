package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.OperationDefinition;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP with GET (the spec's {@code ?query=&variables=&operationName=&extensions=}): queries only, so they
 * can be cached and linked. The request is handed to the same handler as POST, through the same interceptors, limits,
 * access rules and rate limit. A mutation or subscription asked by GET is answered 405 with {@code Allow: POST}: a
 * GET must never change anything.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlGetRoute {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(GraphQlHttpHandler handler, GraphQlProperties properties) {
        return RouterFunctions.route()
                .GET(properties.getHttp().getPath(), request -> request.param("query").isPresent(), request -> handle(request, handler))
                .build();
    }

    static ServerResponse handle(ServerRequest request, GraphQlHttpHandler handler) throws Exception {
        String query = request.param("query").orElseThrow();
        Optional<String> operationName = request.param("operationName").filter(s -> !s.isEmpty());
        if (asksForAWrite(query, operationName.orElse(null))) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(GRAPHQL_RESPONSE).body(JsonErrors.body(ErrorCode.INVALID_VALUE,
                            "mutations and subscriptions are sent with POST; GET runs queries only"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        operationName.ifPresent(n -> body.put("operationName", n));
        for (String name : List.of("variables", "extensions")) {
            Optional<String> raw = request.param(name).filter(s -> !s.isEmpty());
            if (raw.isPresent()) {
                try {
                    Object parsed = JSON.readValue(raw.get(), Object.class);
                    if (parsed != null && !(parsed instanceof Map)) {
                        throw new IllegalArgumentException();
                    }
                    body.put(name, parsed);
                } catch (JacksonException | IllegalArgumentException e) {
                    return ServerResponse.badRequest().contentType(GRAPHQL_RESPONSE)
                            .body(JsonErrors.body(ErrorCode.INVALID_VALUE, name + " is not a JSON object"));
                }
            }
        }
        ServerRequest asPost = ServerRequest.from(request).method(HttpMethod.POST)
                .headers(h -> h.setContentType(MediaType.APPLICATION_JSON)).body(JSON.writeValueAsString(body)).build();
        return handler.handleRequest(asPost);
    }

    /** Whether the operation GET would run is a mutation or a subscription; a document that does not parse is left to the handler. */
    static boolean asksForAWrite(String query, String operationName) {
        return RequestedOperation.operations(query).flatMap(ops -> RequestedOperation.chosen(ops, operationName))
                .filter(o -> o.getOperation() != OperationDefinition.Operation.QUERY).isPresent();
    }
}
