package org.supervisionhub.api.errors;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.domain.directory.Uscc;

/** Collects violations of one input, then throws them all at once; the same violation found twice is reported once. */
public final class Checks {

    private final Set<Violation> violations = new LinkedHashSet<>();

    public Checks require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(Violation.of(field, ErrorCode.REQUIRED, field + " is required"));
        }
        return this;
    }

    /** Validates a USCC (GB 32100-2015) and returns it normalised, or null after recording the violation. */
    public String uscc(String field, String raw) {
        String code = Uscc.normalise(raw);
        Optional<String> problem = Uscc.problem(code);
        if (problem.isPresent()) {
            violations.add(Violation.of(field, ErrorCode.INVALID_USCC, field + ": " + problem.get()));
            return null;
        }
        return code;
    }

    public String personId(String field, String raw) {
        if (!PersonId.isValid(raw)) {
            violations.add(Violation.of(field, ErrorCode.INVALID_VALUE, field + ": a person id is 'P' followed by 16 characters A-Z or 2-7"));
            return null;
        }
        return raw;
    }

    public Checks notBefore(String field, LocalDate value, String otherField, LocalDate other) {
        if (value != null && other != null && value.isBefore(other)) {
            violations.add(Violation.of(field, ErrorCode.INVALID_VALUE, field + " must not be before " + otherField));
        }
        return this;
    }

    public Checks check(boolean ok, String field, ErrorCode code, String message, String rule) {
        if (!ok) {
            violations.add(new Violation(field, code, message, rule));
        }
        return this;
    }

    public Checks add(Violation v) {
        violations.add(v);
        return this;
    }

    /** Adds the domain's violations, each at its subject as the path (the caller named the subjects as input paths). */
    public Checks addAll(List<org.supervisionhub.domain.Violation> domain) {
        violations.addAll(DomainRefusals.violations(domain, s -> s));
        return this;
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(List.copyOf(violations));
        }
    }
}
