package org.supervisionhub.domain.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A link of the directory as it is recorded: from a person or an enterprise ({@code fromKey}, a {@link PersonId} or a
 * {@link Uscc}; null where the input gave none valid) to an enterprise, in force from {@code validFrom} until the exclusive
 * {@code validTo} (open when null). The restriction checks follow these links (restriction-propagation spec: legal
 * representative, directors and managers, shareholdings with a share, branches), so each kind holds its own shape:
 * a legal representative and an officer are persons, an officer has a role, a shareholding a share in (0, 100], a branch
 * is an enterprise; nothing links to itself.
 *
 * <p>Subjects of violations: {@code validTo}, {@code from}, {@code role}, {@code sharePct}, {@code toUscc}.
 */
public record DirectoryLink(LinkType type, String fromKey, boolean fromPerson, String toUscc, String role, Double sharePct,
                            LocalDate validFrom, LocalDate validTo) {

    /** What is wrong with this link; empty when it may be recorded. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (validTo != null && validFrom != null && validTo.isBefore(validFrom)) {
            out.add(invalid("validTo", "not before validFrom (" + validFrom + ")"));
        }
        boolean personOrUnknown = fromPerson || fromKey == null;
        if (type != null) {
            switch (type) {
                case LEGAL_REPRESENTATIVE -> {
                    if (!personOrUnknown) {
                        out.add(invalid("from", "a legal representative is a person"));
                    }
                }
                case OFFICER -> {
                    if (!personOrUnknown) {
                        out.add(invalid("from", "an officer is a person"));
                    }
                    if (role == null) {
                        out.add(new Violation(Kind.REQUIRED, "role", "an officer link needs a role", null));
                    }
                }
                case SHAREHOLDER -> {
                    if (sharePct == null || sharePct <= 0 || sharePct > 100) {
                        out.add(invalid("sharePct", "a shareholding needs sharePct with 0 < sharePct <= 100"));
                    }
                }
                case BRANCH -> {
                    if (fromPerson) {
                        out.add(invalid("from", "a branch is an enterprise"));
                    }
                }
            }
            if (type != LinkType.OFFICER && role != null) {
                out.add(invalid("role", "only officer links have a role"));
            }
            if (type != LinkType.SHAREHOLDER && sharePct != null) {
                out.add(invalid("sharePct", "only shareholdings have a share"));
            }
        }
        if (fromKey != null && fromKey.equals(toUscc)) {
            out.add(invalid("toUscc", "a link cannot point at its own source"));
        }
        return List.copyOf(out);
    }

    /** A link is ended on a day after (or on) the day it began; the end is exclusive. */
    public static List<Violation> endViolations(LocalDate validFrom, LocalDate validTo) {
        return validFrom != null && validTo != null && validTo.isBefore(validFrom)
                ? List.of(invalid("validTo", "not before validFrom (" + validFrom + ")")) : List.of();
    }

    private static Violation invalid(String subject, String message) {
        return new Violation(Kind.INVALID_VALUE, subject, message, null);
    }
}
