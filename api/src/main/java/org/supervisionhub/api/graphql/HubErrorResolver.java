package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.errors.TypedError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;
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
                    .map(v -> error(builder.get(), v.code(), v.field(), v.rule(), v.message()))
                    .toList();
        }
        if (ex instanceof InvalidCursorException) {
            return List.of(error(builder.get(), ErrorCode.INVALID_CURSOR, "after", null, "after: " + ex.getMessage()));
        }
        if (ex instanceof TypedError typed) {
            return List.of(error(builder.get(), typed.code(), typed.field(), typed.rule(), ex.getMessage()));
        }
        if (ex instanceof NotFoundException nf) {
            return List.of(error(builder.get(), ErrorCode.NOT_FOUND, nf.field(), null, nf.getMessage()));
        }
        if (ex instanceof StreamEndedException ended) {
            return List.of(error(builder.get(), ended.code(), null, null, ended.getMessage()));
        }
        return null;
    }

    /** The error with the code's classification, and field and rule when given. */
    private static GraphQLError error(GraphqlErrorBuilder<?> builder, ErrorCode code, String field, String rule, String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        if (rule != null) {
            extensions.put("rule", rule);
        }
        return builder.errorType(ErrorTypes.of(code)).message(message).extensions(extensions).build();
    }
}
