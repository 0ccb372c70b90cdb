package org.supervisionhub.api.graphql;

import org.springframework.graphql.execution.ErrorType;

/** Ends a subscription's stream with a typed error: the client learns why, and whether reconnecting helps. */
public class StreamEndedException extends RuntimeException {

    private final ErrorType type;
    private final String code;

    public StreamEndedException(ErrorType type, String code, String message) {
        super(message);
        this.type = type;
        this.code = code;
    }

    public ErrorType type() {
        return type;
    }

    public String code() {
        return code;
    }
}
