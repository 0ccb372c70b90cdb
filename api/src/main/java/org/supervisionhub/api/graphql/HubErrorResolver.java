package org.supervisionhub.api.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import graphql.GraphqlErrorBuilder;
import org.springframework.stereotype.Component;
import org.supervisionhub.graph.store.Cursor.InvalidCursorException;
import org.supervisionhub.api.access.ForbiddenException;

/**
 * Maps the hub's exceptions to typed GraphQL errors: {@code classification}, a stable {@code code},
 * the offending {@code field} and the DOMAIN.md {@code rule} where one applies.
 */
@Component
public class HubErrorResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> error(env, ErrorType.BAD_REQUEST, v.code(), v.field(), v.rule(), v.message()))
                    .toList();
        }
        if (ex instanceof InvalidCursorException) {
            return List.of(error(env, ErrorType.BAD_REQUEST, "INVALID_CURSOR", "after", null, "after: " + ex.getMessage()));
        }
        if (ex instanceof ForbiddenException forbidden) {
            return List.of(error(env, forbidden.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN, forbidden.code(),
                    forbidden.field(), null, forbidden.getMessage()));
        }
        if (ex instanceof NotFoundException nf) {
            return List.of(error(env, ErrorType.NOT_FOUND, "NOT_FOUND", nf.field(), null, nf.getMessage()));
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String field,
                                      String rule, String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        if (rule != null) {
            extensions.put("rule", rule);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
