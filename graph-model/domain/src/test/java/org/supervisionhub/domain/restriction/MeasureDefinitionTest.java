package org.supervisionhub.domain.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules of a restriction measure (restriction-propagation spec, "Measures are data"; domains of JOINT-02), without a database. */
class MeasureDefinitionTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    static MeasureDefinition measure(Reach reach, List<Reach> via, int hops, BigDecimal minShare, String maxDuration, LocalDate validTo) {
        return new MeasureDefinition(TriggerType.SERIOUS_VIOLATION_LIST, RestrictionDomain.GOVERNMENT_PROCUREMENT, Effect.BAR, reach, via, hops,
                minShare, maxDuration, FROM, validTo);
    }

    static List<String> refusals(MeasureDefinition m) {
        return m.violations().stream().map(v -> v.kind() + " " + v.subject()).toList();
    }

    @Test
    void aValidMeasureHasNoViolationsJOINT02() {
        assertThat(measure(Reach.SELF, null, 1, null, "P3Y", null).violations()).isEmpty();
        assertThat(measure(Reach.ENTERPRISES_OF_PERSON, List.of(Reach.LEGAL_REPRESENTATIVE), 1, BigDecimal.TEN, null, FROM.plusYears(1))
                .violations()).isEmpty();
    }

    @Test
    void hopsOnlyWhereAReachChainsAndNeverBeyondTheBoundRestrictionInvariant3() {
        assertThat(measure(Reach.BRANCHES, null, Reach.MAX_HOPS, null, null, null).violations()).isEmpty();
        assertThat(refusals(measure(Reach.BRANCHES, null, Reach.MAX_HOPS + 1, null, null, null))).containsExactly("INVALID_VALUE maxHops");
        assertThat(refusals(measure(Reach.SELF, null, 2, null, null, null))).containsExactly("INVALID_VALUE maxHops");
        assertThat(refusals(measure(Reach.SELF, null, 0, null, null, null))).containsExactly("INVALID_VALUE maxHops");
    }

    @Test
    void aMinimumShareWhereShareholdingsCountAndWithinAHundredPercentRestrictionInvariant3() {
        assertThat(refusals(measure(Reach.CONTROLLING_SHAREHOLDERS, null, 1, null, null, null))).containsExactly("REQUIRED minShare");
        assertThat(refusals(measure(Reach.ENTERPRISES_OF_PERSON, null, 1, null, null, null))).containsExactly("REQUIRED minShare");
        assertThat(refusals(measure(Reach.CONTROLLING_SHAREHOLDERS, null, 1, BigDecimal.ZERO, null, null))).containsExactly("INVALID_VALUE minShare");
        assertThat(refusals(measure(Reach.CONTROLLING_SHAREHOLDERS, null, 1, BigDecimal.valueOf(100.5), null, null)))
                .containsExactly("INVALID_VALUE minShare");
        assertThat(measure(Reach.CONTROLLING_SHAREHOLDERS, null, 1, BigDecimal.valueOf(100), null, null).violations()).isEmpty();
    }

    @Test
    void viaOnlyThroughPersonsAndOnlyForEnterprisesOfPersonRestrictionInvariant3() {
        assertThat(refusals(measure(Reach.ENTERPRISES_OF_PERSON, List.of(Reach.BRANCHES), 1, BigDecimal.TEN, null, null)))
                .containsExactly("INVALID_VALUE via");
        assertThat(refusals(measure(Reach.SELF, List.of(Reach.KEY_PERSONNEL), 1, null, null, null))).containsExactly("INVALID_VALUE via");
    }

    @Test
    void aPositiveIsoPeriodAndAnExclusiveEndAfterTheStart() {
        assertThat(refusals(measure(Reach.SELF, null, 1, null, "three years", null))).containsExactly("INVALID_VALUE maxDuration");
        assertThat(refusals(measure(Reach.SELF, null, 1, null, "P0D", null))).containsExactly("INVALID_VALUE maxDuration");
        assertThat(refusals(measure(Reach.SELF, null, 1, null, null, FROM))).containsExactly("INVALID_VALUE validTo");
        assertThat(refusals(measure(Reach.SELF, null, 1, null, null, FROM.minusDays(1)))).containsExactly("INVALID_VALUE validTo");
    }
}
