package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
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
 * Puts every error in the hub's vocabulary: a stable {@code extensions.code} from {@link ErrorCode}, including
 * for the errors graphql-java raises before any hub code runs (syntax, validation, bad-faith introspection),
 * and the code's {@code classification}, so graphql-java's own classifications (ValidationError,
 * InvalidSyntax, ...) never reach a client: clients branch on codes alone.
 */
@Component
public class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(ErrorCodeInterceptor::inVocabulary)) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream().map(ErrorCodeInterceptor::inHubVocabulary).toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static boolean inVocabulary(ResponseError error) {
        return ErrorCode.parse(error.getExtensions().get("code"))
                .filter(code -> ErrorTypes.of(code).equals(error.getErrorType())).isPresent();
    }

    /** The error with a hub code (its own when it has a valid one) and that code's classification. */
    static GraphQLError inHubVocabulary(ResponseError error) {
        ErrorCode code = codeOf(error.getExtensions().get("code"), String.valueOf(error.getErrorType()));
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.put("code", code.name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(error.getMessage()).errorType(ErrorTypes.of(code))
                .locations(error.getLocations()).extensions(extensions);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(ResultPath.fromList(error.getParsedPath()));
        }
        return builder.build();
    }

    static ErrorCode codeOf(Object code, String classification) {
        return ErrorCode.parse(code).orElseGet(() -> ErrorCode.ofClassification(classification));
    }
}
