package org.supervisionhub.api.errors;

/**
 * One reason an input was rejected.
 *
 * @param field path of the offending input field, e.g. {@code input.items[2].ratioCap}
 * @param code  stable error code (the schema's {@code ErrorCode})
 * @param rule  DOMAIN.md rule id, or null
 */
public record Violation(String field, ErrorCode code, String message, String rule) {

    public static Violation of(String field, ErrorCode code, String message) {
        return new Violation(field, code, message, null);
    }

    /** The same violation with its field under {@code root} ({@code borrower} → {@code input.borrower}), in its message too. */
    public Violation under(String root) {
        String path = FieldPaths.under(root, field);
        return new Violation(path, code, field != null && !field.isEmpty() && message.startsWith(field) ? root + "." + message : message, rule);
    }
}
