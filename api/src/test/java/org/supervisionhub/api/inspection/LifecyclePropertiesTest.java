package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.inspection.LifecycleProperties.Profile;

/** The jurisdiction profiles of the lifecycle: defaults per document, and settings the rules do not allow. */
class LifecyclePropertiesTest {

    @Test
    void eachJurisdictionGetsItsOwnRulesByRegionPrefixPUB06PUB08ARCH04ONSITE06() {
        LifecycleProperties p = new LifecycleProperties(3, null);
        assertThat(p.profileFor("120101").publishBeforeFeedback()).isTrue();
        assertThat(p.profileFor("120101").publicPeriodDays()).isEqualTo(7);
        assertThat(p.profileFor("411422").penaltyDecisionWorkingDays()).isEqualTo(7);
        assertThat(p.profileFor("411421").penaltyDecisionWorkingDays()).isZero();
        assertThat(p.profileFor("430102").archiveChangesAllowed()).isFalse();
        assertThat(p.profileFor("370202").archiveChangesAllowed()).isTrue();
        assertThat(p.profileFor("370202").refusalSignedByWholeTeam()).isTrue();
        assertThat(p.profileFor("430102").refusalSignedByWholeTeam()).isFalse();
        assertThat(p.profileFor(null).publishBeforeFeedback()).isFalse();
    }

    @Test
    void aPublicPeriodBelowSevenDaysOrARetentionBelowThreeYearsIsRefusedPUB08ARCH03() {
        assertThatThrownBy(() -> new LifecycleProperties(3, Map.of("TJ", new Profile(List.of("12"), true, 5, 0, true, false))))
                .hasMessageContaining("PUB-08");
        assertThatThrownBy(() -> new LifecycleProperties(2, null)).hasMessageContaining("ARCH-03");
    }
}
