package org.supervisionhub.domain.directory;

import java.time.LocalDate;
import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * An enterprise as the directory records it, keyed by its {@link Uscc} (GB 32100-2015; the key is a project convention,
 * DOMAIN.md §1.1). Subjects of violations: {@code establishedOn}.
 */
public record EnterpriseRecord(Uscc uscc, LocalDate establishedOn) {

    public EnterpriseRecord {
        java.util.Objects.requireNonNull(uscc, "uscc");
    }

    /** What is wrong with the record on {@code today}: an enterprise is not established in the future. */
    public List<Violation> violations(LocalDate today) {
        return establishment(establishedOn, today);
    }

    /** The rule on its own, for an input whose USCC is not valid yet (all of an input's violations are reported at once). */
    public static List<Violation> establishment(LocalDate establishedOn, LocalDate today) {
        return establishedOn != null && establishedOn.isAfter(today)
                ? List.of(new Violation(Kind.INVALID_VALUE, "establishedOn", "in the future", null)) : List.of();
    }
}
