package org.supervisionhub.api.graphql;

import org.supervisionhub.api.errors.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/** Ends a subscription's stream with a typed error: the client learns why, and whether reconnecting helps. */
public class StreamEndedException extends RuntimeException {

    private final ErrorCode code;

    public StreamEndedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorType type() {
        return ErrorTypes.of(code);
    }

    public ErrorCode code() {
        return code;
    }
}
