package org.supervisionhub.domain.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Outcome;

/** The lifecycle {@link RestrictionTrigger} guards, without a database: each test names the rule it checks. */
class RestrictionTriggerTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2027, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime LISTED = NOW.minusDays(30);

    static List<String> refusals(Outcome<?> o) {
        return o.violations().stream().map(v -> v.kind() + " " + v.subject() + " " + v.rule()).toList();
    }

    static RestrictionTrigger listed(OffsetDateTime expiresAt) {
        return ((Outcome.Done<RestrictionTrigger>) RestrictionTrigger.issue(TriggerKind.CREDIT_LISTING,
                TriggerType.ABNORMAL_OPERATION_LIST, LISTED, expiresAt, "《企业信息公示暂行条例》第十七条", "未按期公示年报", NOW)).value();
    }

    @Test
    void aListingIsOneOfTheListsAndAPenaltyDecisionIsRecordedAsSuchFOLLOW04_FOLLOW05() {
        assertThat(listed(null).type()).isEqualTo(TriggerType.ABNORMAL_OPERATION_LIST);
        assertThat(refusals(RestrictionTrigger.issue(TriggerKind.CREDIT_LISTING, TriggerType.ADMINISTRATIVE_PENALTY, LISTED, null,
                "x", "y", NOW))).containsExactly("INVALID_VALUE type null");
        assertThat(refusals(RestrictionTrigger.issue(TriggerKind.SANCTION, TriggerType.SERIOUS_VIOLATION_LIST, LISTED, null,
                "x", "y", NOW))).containsExactly("INVALID_VALUE type null");
        assertThat(RestrictionTrigger.issue(TriggerKind.SANCTION, TriggerType.MAJOR_ADMINISTRATIVE_PENALTY, LISTED, null, "x", "y", NOW))
                .isInstanceOf(Outcome.Done.class);
        assertThat(refusals(RestrictionTrigger.issue(TriggerKind.CREDIT_LISTING, null, LISTED, null, "x", "y", NOW)))
                .containsExactly("REQUIRED type null");
    }

    @Test
    void aTriggerIsRecordedWhenItTakesEffectUntilALaterExpiryWithBoundedTextsRestrictionInvariant1() {
        assertThat(refusals(RestrictionTrigger.issue(TriggerKind.CREDIT_LISTING, TriggerType.ABNORMAL_OPERATION_LIST,
                NOW.plusSeconds(1), null, "x", "y", NOW))).containsExactly("INVALID_VALUE from null");
        assertThat(refusals(RestrictionTrigger.issue(TriggerKind.CREDIT_LISTING, TriggerType.ABNORMAL_OPERATION_LIST,
                LISTED, LISTED, "x", "y", NOW))).containsExactly("INVALID_VALUE expiresAt null");
        String long_ = "法".repeat(RestrictionTrigger.MAX_TEXT + 1);
        assertThat(refusals(RestrictionTrigger.issue(TriggerKind.CREDIT_LISTING, TriggerType.ABNORMAL_OPERATION_LIST,
                LISTED, null, long_, long_, NOW))).containsExactly("INVALID_VALUE legalBasis null", "INVALID_VALUE reason null");
    }

    @Test
    void aTriggerActsFromItsStartUntilItExpiresOrIsRemovedRestrictionInvariant1() {
        RestrictionTrigger t = listed(NOW.plusDays(30));
        assertThat(t.activeAt(LISTED.minusSeconds(1))).isFalse();
        assertThat(t.activeAt(LISTED)).isTrue();
        assertThat(t.activeAt(NOW.plusDays(30).minusSeconds(1))).isTrue();
        assertThat(t.activeAt(NOW.plusDays(30))).as("expired").isFalse();
        RestrictionTrigger removed = ((Outcome.Done<RestrictionTrigger>) t.remove(NOW, NOW)).value();
        assertThat(removed.activeAt(NOW.minusSeconds(1))).isTrue();
        assertThat(removed.activeAt(NOW)).as("removed at t: no effect from t on").isFalse();
        assertThat(removed.end()).isEqualTo(NOW);
        assertThat(listed(null).end()).isNull();
    }

    @Test
    void creditRepairRemovesATriggerOnceAfterItBeganAndNotAheadOfTimeRestrictionInvariant1() {
        RestrictionTrigger t = listed(null);
        assertThat(refusals(t.remove(NOW.plusSeconds(1), NOW))).containsExactly("INVALID_VALUE removedAt null");
        assertThat(refusals(t.remove(LISTED, NOW))).containsExactly("INVALID_VALUE removedAt null");
        RestrictionTrigger removed = ((Outcome.Done<RestrictionTrigger>) t.remove(NOW.minusDays(1), NOW)).value();
        assertThat(removed.removedAt()).isEqualTo(NOW.minusDays(1));
        assertThat(refusals(removed.remove(NOW, NOW))).containsExactly("ILLEGAL_TRANSITION id null");
    }
}
