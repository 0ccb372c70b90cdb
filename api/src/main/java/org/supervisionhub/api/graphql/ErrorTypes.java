package org.supervisionhub.api.graphql;

import org.springframework.graphql.execution.ErrorType;
import org.supervisionhub.api.errors.ErrorCode;

/** The hub's error classifications as Spring for GraphQL's {@link ErrorType} (the same names). */
public final class ErrorTypes {

    private ErrorTypes() {
    }

    public static ErrorType of(ErrorCode code) {
        return ErrorType.valueOf(code.classification().name());
    }
}
