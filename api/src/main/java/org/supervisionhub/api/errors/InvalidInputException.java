package org.supervisionhub.api.errors;

import java.util.List;

/** Input rejected before anything was written; carries every violation found. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(Violation violation) {
        this(List.of(violation));
    }

    public static InvalidInputException of(String field, ErrorCode code, String message, String rule) {
        return new InvalidInputException(new Violation(field, code, message, rule));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The same refusal with every field under {@code root} (see {@link Violation#under}). */
    public InvalidInputException under(String root) {
        return new InvalidInputException(violations.stream().map(v -> v.under(root)).toList());
    }
}
