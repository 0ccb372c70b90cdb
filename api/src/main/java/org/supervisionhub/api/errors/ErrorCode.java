package org.supervisionhub.api.errors;

import java.util.Optional;

/**
 * Every code the hub puts in an error's {@code extensions.code}, on GraphQL, on its REST uploads and in
 * the refusals its filters write. The schema's {@code ErrorCode} enum (common.graphqls) lists the same
 * names ({@code ErrorCodeTest} compares them both ways). Each code has one {@link Classification}, named as Spring for
 * GraphQL's {@code ErrorType} (the GraphQL adapter's {@code ErrorTypes} maps one onto the other); graphql-java's own
 * classifications (ValidationError, InvalidSyntax, BadFaithIntrospection, ...) are mapped onto these.
 */
public enum ErrorCode {
    INVALID_VALUE(Classification.BAD_REQUEST),
    REQUIRED(Classification.BAD_REQUEST),
    NOT_FOUND(Classification.NOT_FOUND),
    INVALID_USCC(Classification.BAD_REQUEST),
    INVALID_CURSOR(Classification.BAD_REQUEST),
    PAGE_SIZE(Classification.BAD_REQUEST),
    CONFLICT(Classification.BAD_REQUEST),
    /** The same key (a case number, ...) is already taken. */
    DUPLICATE(Classification.BAD_REQUEST),
    IMMUTABLE(Classification.BAD_REQUEST),
    /** The inspection's file is archived: nothing more is added to it (ARCH-04). */
    ARCHIVED(Classification.BAD_REQUEST),
    /** Archived material may not be changed in this jurisdiction (ARCH-04, ARCH-05). */
    FORBIDDEN_CHANGE(Classification.BAD_REQUEST),
    /** Two roles that must be held by two people were given by one (ARCH-05, ARCH-09). */
    SAME_PERSON(Classification.BAD_REQUEST),
    ILLEGAL_TRANSITION(Classification.BAD_REQUEST),
    RESERVE_EXHAUSTED(Classification.BAD_REQUEST),
    /** The hub has no connector for the named source. */
    NOT_CONNECTED(Classification.BAD_REQUEST),
    /** The connector or destination lacks its configuration (a base URL). */
    NOT_CONFIGURED(Classification.BAD_REQUEST),
    /** The outbox entry cannot be sent again. */
    NOT_REPLAYABLE(Classification.BAD_REQUEST),
    GRAPHQL_SYNTAX(Classification.BAD_REQUEST),
    GRAPHQL_VALIDATION(Classification.BAD_REQUEST),
    OPERATION_NOT_SUPPORTED(Classification.BAD_REQUEST),
    QUERY_TOO_DEEP(Classification.BAD_REQUEST),
    /** Over the cost budget; also an introspection larger than graphql-java's good-faith limits. */
    QUERY_TOO_COSTLY(Classification.BAD_REQUEST),
    TOO_MANY_ALIASES(Classification.BAD_REQUEST),
    TIMEOUT(Classification.BAD_REQUEST),
    REQUEST_TOO_LARGE(Classification.BAD_REQUEST),
    LENGTH_REQUIRED(Classification.BAD_REQUEST),
    EXECUTION_ABORTED(Classification.BAD_REQUEST),
    RATE_LIMITED(Classification.BAD_REQUEST),
    UNAUTHENTICATED(Classification.UNAUTHORIZED),
    /** A subscription outlived its token: subscribe again with a fresh one. */
    TOKEN_EXPIRED(Classification.UNAUTHORIZED),
    FORBIDDEN(Classification.FORBIDDEN),
    /** A subscriber fell too many events behind; its stream ended. */
    SUBSCRIBER_TOO_SLOW(Classification.INTERNAL_ERROR),
    INTERNAL(Classification.INTERNAL_ERROR);

    /** The broad kind of an error, as every transport reports it ({@code extensions.classification} on GraphQL). */
    public enum Classification { BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, INTERNAL_ERROR }

    private final Classification classification;

    ErrorCode(Classification classification) {
        this.classification = classification;
    }

    /** The {@code extensions.classification} every error with this code carries. */
    public Classification classification() {
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
