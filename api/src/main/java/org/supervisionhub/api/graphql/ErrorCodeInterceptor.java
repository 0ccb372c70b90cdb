package org.supervisionhub.api.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every error a stable {@code extensions.code}, including the ones graphql-java raises before
 * any hub code runs (syntax, validation): clients can then branch on codes alone.
 */
@Component
public class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(e -> e.getExtensions().containsKey("code"))) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream().map(ErrorCodeInterceptor::withCode).toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.putIfAbsent("code", codeOf(String.valueOf(error.getErrorType())));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(error.getMessage()).errorType(error.getErrorType())
                .locations(error.getLocations()).extensions(extensions);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(ResultPath.fromList(error.getParsedPath()));
        }
        return builder.build();
    }

    static String codeOf(String classification) {
        return switch (classification) {
            case "ValidationError" -> "GRAPHQL_VALIDATION";
            case "InvalidSyntax" -> "GRAPHQL_SYNTAX";
            case "OperationNotSupported" -> "OPERATION_NOT_SUPPORTED";
            case "ExecutionAborted" -> "EXECUTION_ABORTED";
            case "IntrospectionDisabled" -> "UNAUTHENTICATED";
            case "BAD_REQUEST" -> "INVALID_VALUE";
            case "NOT_FOUND" -> "NOT_FOUND";
            case "UNAUTHORIZED" -> "UNAUTHENTICATED";
            case "FORBIDDEN" -> "FORBIDDEN";
            default -> "INTERNAL";
        };
    }
}
