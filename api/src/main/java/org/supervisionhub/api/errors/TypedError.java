package org.supervisionhub.api.errors;

/**
 * An exception of another capability that {@link HubErrorResolver} reports as one typed GraphQL error (its message,
 * code, field and rule), so that this package needs not know the capabilities that use it (e.g. access's refusals).
 */
public interface TypedError {

    ErrorCode code();

    /** The field or argument the error is about, or null. */
    String field();

    /** DOMAIN.md rule id(s), or null. */
    String rule();

    /** The same error with its field under {@code root} ({@code inspectionId} → {@code input.inspectionId}). */
    RuntimeException under(String root);
}
