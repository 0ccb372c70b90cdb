package org.supervisionhub.api.graphql;

import java.util.Optional;

import org.springframework.graphql.execution.ErrorType;

/**
 * Every code the hub puts in an error's {@code extensions.code}, on GraphQL, on its REST uploads and in
 * the refusals its filters write. The schema's {@code ErrorCode} enum (common.graphqls) lists the same
 * names ({@code ErrorCodeTest} compares them both ways). Each code has one {@code classification},
 * Spring for GraphQL's {@link ErrorType}: graphql-java's own classifications (ValidationError,
 * InvalidSyntax, BadFaithIntrospection, ...) are mapped onto these.
 */
public enum ErrorCode {
    INVALID_VALUE(ErrorType.BAD_REQUEST),
    REQUIRED(ErrorType.BAD_REQUEST),
    NOT_FOUND(ErrorType.NOT_FOUND),
    INVALID_USCC(ErrorType.BAD_REQUEST),
    INVALID_CURSOR(ErrorType.BAD_REQUEST),
    PAGE_SIZE(ErrorType.BAD_REQUEST),
    CONFLICT(ErrorType.BAD_REQUEST),
    /** The same key (a case number, ...) is already taken. */
    DUPLICATE(ErrorType.BAD_REQUEST),
    IMMUTABLE(ErrorType.BAD_REQUEST),
    /** The inspection's file is archived: nothing more is added to it (ARCH-04). */
    ARCHIVED(ErrorType.BAD_REQUEST),
    /** Archived material may not be changed in this jurisdiction (ARCH-04, ARCH-05). */
    FORBIDDEN_CHANGE(ErrorType.BAD_REQUEST),
    /** Two roles that must be held by two people were given by one (ARCH-05, ARCH-09). */
    SAME_PERSON(ErrorType.BAD_REQUEST),
    ILLEGAL_TRANSITION(ErrorType.BAD_REQUEST),
    RESERVE_EXHAUSTED(ErrorType.BAD_REQUEST),
    /** The hub has no connector for the named source. */
    NOT_CONNECTED(ErrorType.BAD_REQUEST),
    /** The connector or destination lacks its configuration (a base URL). */
    NOT_CONFIGURED(ErrorType.BAD_REQUEST),
    /** The outbox entry cannot be sent again. */
    NOT_REPLAYABLE(ErrorType.BAD_REQUEST),
    GRAPHQL_SYNTAX(ErrorType.BAD_REQUEST),
    GRAPHQL_VALIDATION(ErrorType.BAD_REQUEST),
    OPERATION_NOT_SUPPORTED(ErrorType.BAD_REQUEST),
    QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),
    /** Over the cost budget; also an introspection larger than graphql-java's good-faith limits. */
    QUERY_TOO_COSTLY(ErrorType.BAD_REQUEST),
    TOO_MANY_ALIASES(ErrorType.BAD_REQUEST),
    TIMEOUT(ErrorType.BAD_REQUEST),
    REQUEST_TOO_LARGE(ErrorType.BAD_REQUEST),
    LENGTH_REQUIRED(ErrorType.BAD_REQUEST),
    EXECUTION_ABORTED(ErrorType.BAD_REQUEST),
    RATE_LIMITED(ErrorType.BAD_REQUEST),
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED),
    /** A subscription outlived its token: subscribe again with a fresh one. */
    TOKEN_EXPIRED(ErrorType.UNAUTHORIZED),
    FORBIDDEN(ErrorType.FORBIDDEN),
    /** A subscriber fell too many events behind; its stream ended. */
    SUBSCRIBER_TOO_SLOW(ErrorType.INTERNAL_ERROR),
    INTERNAL(ErrorType.INTERNAL_ERROR);

    private final ErrorType classification;

    ErrorCode(ErrorType classification) {
        this.classification = classification;
    }

    /** The {@code extensions.classification} every error with this code carries. */
    public ErrorType classification() {
        return classification;
    }

    public static Optional<ErrorCode> parse(Object name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ErrorCode c : values()) {
            if (c.name().equals(name.toString())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The hub's code for an error that carries none: graphql-java's classifications (validation, syntax,
     * bad-faith introspection, ...) and Spring's {@link ErrorType}s. Anything unknown is {@link #INTERNAL}.
     */
    public static ErrorCode ofClassification(String classification) {
        return switch (String.valueOf(classification)) {
            case "ValidationError" -> GRAPHQL_VALIDATION;
            case "InvalidSyntax" -> GRAPHQL_SYNTAX;
            // graphql-java refuses an introspection it judges too large (GoodFaithIntrospection): the cost limit's code.
            case "BadFaithIntrospection" -> QUERY_TOO_COSTLY;
            case "OperationNotSupported" -> OPERATION_NOT_SUPPORTED;
            case "ExecutionAborted" -> EXECUTION_ABORTED;
            case "IntrospectionDisabled" -> UNAUTHENTICATED;
            case "BAD_REQUEST" -> INVALID_VALUE;
            case "NOT_FOUND" -> NOT_FOUND;
            case "UNAUTHORIZED" -> UNAUTHENTICATED;
            case "FORBIDDEN" -> FORBIDDEN;
            default -> INTERNAL;
        };
    }
}
