package org.supervisionhub.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What a trigger of triggered sampling and a recorded change's reason may hold ({@link TaskRules}), each test naming its rule. */
class TriggerRulesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 4, 1);

    @Test
    void aTriggerIsOfAKnownTypeTRIG01() {
        assertThat(TaskRules.trigger("COMPLAINT_REPORT", TODAY, "投诉", TODAY)).isEmpty();
        assertThat(refusals(TaskRules.trigger("RUMOUR", TODAY, null, TODAY))).containsExactly("INVALID_VALUE type TRIG-01");
    }

    @Test
    void aTriggerHasNotOccurredInTheFutureTRIG01() {
        assertThat(refusals(TaskRules.trigger("COMPLAINT_REPORT", TODAY.plusDays(1), null, TODAY))).containsExactly("INVALID_VALUE occurredOn null");
        assertThat(TaskRules.trigger(null, null, null, TODAY)).isEmpty();
    }

    @Test
    void aTriggersDescriptionHoldsAtMost2000CharactersTRIG01() {
        assertThat(TaskRules.trigger("COMPLAINT_REPORT", TODAY, "x".repeat(2000), TODAY)).isEmpty();
        assertThat(refusals(TaskRules.trigger("COMPLAINT_REPORT", TODAY, "x".repeat(2001), TODAY)))
                .containsExactly("INVALID_VALUE description null");
    }

    @Test
    void aReasonForARecordedChangeHoldsAtMost1000CharactersPLAN09_DRAW02_ASSIGN04() {
        assertThat(TaskRules.reasonLength("x".repeat(1000), "reason")).isEmpty();
        assertThat(TaskRules.reasonLength(null, "reason")).isEmpty();
        assertThat(refusals(TaskRules.reasonLength("x".repeat(1001), "reason"))).containsExactly("INVALID_VALUE reason null");
    }
}
