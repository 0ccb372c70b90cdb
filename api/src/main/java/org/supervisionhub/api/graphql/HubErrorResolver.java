package org.supervisionhub.api.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.graph.store.Cursor.InvalidCursorException;

/**
 * Maps the hub's exceptions to typed GraphQL errors: {@code classification}, a stable {@code code},
 * the offending {@code field} and the DOMAIN.md {@code rule} where one applies.
 */
@Component
public class HubErrorResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
        return errors(ex, () -> GraphqlErrorBuilder.newError(env));
    }

    /** The same mapping for errors that end a subscription's stream after it started. */
    @Component
    public static class Subscriptions extends SubscriptionExceptionResolverAdapter {
        @Override
        protected List<GraphQLError> resolveToMultipleErrors(Throwable ex) {
            return errors(ex, GraphqlErrorBuilder::newError);
        }
    }

    /** The typed errors for {@code ex}; null when it is not one of the hub's (left to the default handling). */
    static List<GraphQLError> errors(Throwable ex, Supplier<GraphqlErrorBuilder<?>> builder) {
        if (ex instanceof InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> error(builder.get(), ErrorType.BAD_REQUEST, v.code(), v.field(), v.rule(), v.message()))
                    .toList();
        }
        if (ex instanceof InvalidCursorException) {
            return List.of(error(builder.get(), ErrorType.BAD_REQUEST, "INVALID_CURSOR", "after", null, "after: " + ex.getMessage()));
        }
        if (ex instanceof ForbiddenException forbidden) {
            return List.of(error(builder.get(), forbidden.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN, forbidden.code(),
                    forbidden.field(), forbidden.rule(), forbidden.getMessage()));
        }
        if (ex instanceof NotFoundException nf) {
            return List.of(error(builder.get(), ErrorType.NOT_FOUND, "NOT_FOUND", nf.field(), null, nf.getMessage()));
        }
        if (ex instanceof StreamEndedException ended) {
            return List.of(error(builder.get(), ended.type(), ended.code(), null, null, ended.getMessage()));
        }
        return null;
    }

    private static GraphQLError error(GraphqlErrorBuilder<?> builder, ErrorType type, String code, String field, String rule,
                                      String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        if (rule != null) {
            extensions.put("rule", rule);
        }
        return builder.errorType(type).message(message).extensions(extensions).build();
    }
}
