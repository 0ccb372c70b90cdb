package org.supervisionhub.domain.restriction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * What a restriction measure says (docs/specs/restriction-propagation.md, "Measures are data"): when a trigger of
 * {@code triggerType} is active on an enterprise, the subjects it {@code reach}es are affected in {@code domain} (JOINT-02)
 * with {@code effect}. Its rules hold whichever way it arrives (the API, the catalogue file): hops only where a reach
 * chains (at most {@link Reach#MAX_HOPS}), a minimum share where shareholdings count, {@code via} only for
 * ENTERPRISES_OF_PERSON and only through persons, a positive ISO-8601 period, and an exclusive {@code validTo} after
 * {@code validFrom}. A part not given (null) is the input's concern, not checked here.
 *
 * <p>Subjects of violations: {@code via}, {@code maxHops}, {@code minShare}, {@code maxDuration}, {@code validTo}.
 */
public record MeasureDefinition(TriggerType triggerType, RestrictionDomain domain, Effect effect, Reach reach, List<Reach> via,
                                int maxHops, BigDecimal minShare, String maxDuration, LocalDate validFrom, LocalDate validTo) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public MeasureDefinition {
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** What is wrong with this measure, in the order the parts are named above; empty when it may be put in force. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        for (Reach r : via) {
            if (!r.personReach()) {
                out.add(invalid("via", "only LEGAL_REPRESENTATIVE, KEY_PERSONNEL, CONTROLLING_SHAREHOLDERS"));
            }
        }
        if (reach != null) {
            if (!via.isEmpty() && reach != Reach.ENTERPRISES_OF_PERSON) {
                out.add(invalid("via", "only for reach ENTERPRISES_OF_PERSON"));
            }
            int most = reach.chains() ? Reach.MAX_HOPS : 1;
            if (maxHops < 1 || maxHops > most) {
                out.add(invalid("maxHops", "1" + (reach.chains() ? " to " + Reach.MAX_HOPS : " (" + reach + " does not chain)")));
            }
            if (reach.sharesCount() && minShare == null) {
                out.add(new Violation(Kind.REQUIRED, "minShare", "required for reach " + reach, null));
            }
        }
        if (minShare != null && (minShare.signum() <= 0 || minShare.compareTo(HUNDRED) > 0)) {
            out.add(invalid("minShare", "a percentage above 0 and at most 100"));
        }
        if (maxDuration != null) {
            try {
                Period p = Period.parse(maxDuration);
                if (p.isNegative() || p.isZero()) {
                    out.add(invalid("maxDuration", "a positive period"));
                }
            } catch (DateTimeParseException e) {
                out.add(invalid("maxDuration", "an ISO-8601 period such as P3Y"));
            }
        }
        if (validTo != null && validFrom != null && !validTo.isAfter(validFrom)) {
            out.add(invalid("validTo", "after validFrom (" + validFrom + "): validTo is exclusive"));
        }
        return List.copyOf(out);
    }

    private static Violation invalid(String subject, String message) {
        return new Violation(Kind.INVALID_VALUE, subject, message, null);
    }
}
