package org.supervisionhub.api.errors;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The GraphQL side of a domain refusal: each {@link org.supervisionhub.domain.Violation} becomes an input error at the path
 * the operation gives its subject ({@code id} → {@code input.inspectionId}, ...), with the error code of the same name and
 * the rule it carries.
 */
public final class DomainRefusals {

    private DomainRefusals() {
    }

    /** Maps each violation's subject with {@code path}. */
    public static Function<List<org.supervisionhub.domain.Violation>, InvalidInputException> at(UnaryOperator<String> path) {
        return vs -> new InvalidInputException(violations(vs, path));
    }

    /** Subjects as they are (the operation's arguments carry the subjects' names). */
    public static Function<List<org.supervisionhub.domain.Violation>, InvalidInputException> asArguments() {
        return at(UnaryOperator.identity());
    }

    public static List<Violation> violations(List<org.supervisionhub.domain.Violation> vs, UnaryOperator<String> path) {
        return vs.stream().map(v -> {
            String field = path.apply(v.subject());
            return new Violation(field, ErrorCode.valueOf(v.kind().name()), field + ": " + v.message(), v.rule());
        }).toList();
    }
}
