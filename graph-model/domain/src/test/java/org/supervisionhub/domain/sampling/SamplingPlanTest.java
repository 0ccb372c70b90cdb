package org.supervisionhub.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Outcome;

/** Every rule {@link SamplingPlan} guards, without a database: each test names the rule it checks. */
class SamplingPlanTest {

    static final String COUNTY = "HRSS-430102";
    static final String CITY = "HRSS-430100";

    static <T> T done(Outcome<T> o) {
        assertThat(o.violations()).as("refused").isEmpty();
        return ((Outcome.Done<T>) o).value();
    }

    static List<String> refusals(Outcome<?> o) {
        return o.violations().stream().map(v -> v.kind() + " " + v.subject() + " " + v.rule()).toList();
    }

    static SamplingPlan draft(String superior) {
        return done(SamplingPlan.draft(COUNTY, "County", superior, 2027, false));
    }

    @Test
    void aDepartmentDraftsOnePlanAYearPLAN01() {
        SamplingPlan p = draft(CITY);
        assertThat(p.id()).isEqualTo(new PlanId("PLAN-HRSS-430102-2027"));
        assertThat(p.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(refusals(SamplingPlan.draft(COUNTY, "County", CITY, 2027, true))).containsExactly("CONFLICT year PLAN-01");
        assertThat(refusals(SamplingPlan.draft(COUNTY, "County", CITY, 1999, false))).containsExactly("INVALID_VALUE year null");
        assertThat(SamplingPlan.validYear(null)).as("a missing year is reported as required, elsewhere").isEmpty();
    }

    @Test
    void aDraftIsFiledWithTheSuperiorOnceThenPublishedPLAN02_PLAN05() {
        SamplingPlan p = draft(CITY);
        assertThat(refusals(p.publish(List.of()))).as("filed first").containsExactly("ILLEGAL_TRANSITION id PLAN-02");
        SamplingPlan filed = done(p.file(List.of()));
        assertThat(filed.status()).isEqualTo(PlanStatus.FILED);
        assertThat(refusals(filed.file(List.of()))).containsExactly("ILLEGAL_TRANSITION id PLAN-02");
        SamplingPlan published = done(filed.publish(List.of()));
        assertThat(published.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(refusals(published.publish(List.of()))).containsExactly("ILLEGAL_TRANSITION id PLAN-02");
        assertThat(refusals(published.file(List.of()))).containsExactly("ILLEGAL_TRANSITION id PLAN-02");
    }

    @Test
    void aDepartmentWithoutASuperiorPublishesItsDraftAndFilesNothingPLAN04() {
        SamplingPlan top = draft(null);
        assertThat(refusals(top.file(List.of()))).containsExactly("ILLEGAL_TRANSITION id PLAN-04");
        assertThat(done(top.publish(List.of())).status()).isEqualTo(PlanStatus.PUBLISHED);
    }

    @Test
    void aPlanWithUnansweredJointParticipationsIsNeitherFiledNorPublishedPLAN15() {
        List<String> waiting = List.of("PART-1");
        assertThat(refusals(draft(CITY).file(waiting))).containsExactly("ILLEGAL_TRANSITION id PLAN-15");
        assertThat(refusals(draft(null).publish(waiting))).containsExactly("ILLEGAL_TRANSITION id PLAN-15");
        assertThat(refusals(draft(null).file(waiting))).as("no superior is said first").containsExactly("ILLEGAL_TRANSITION id PLAN-04");
    }

    @Test
    void afterFilingEveryChangeIsAnAdjustmentWithWhoAndWhyPLAN09() {
        SamplingPlan.Change free = done(draft(CITY).change("officer-1", null));
        assertThat(free.adjustment()).as("a draft changes freely").isFalse();
        SamplingPlan filed = done(draft(CITY).file(List.of()));
        assertThat(refusals(filed.change("officer-1", " "))).containsExactly("REQUIRED reason PLAN-09");
        SamplingPlan published = done(filed.publish(List.of()));
        SamplingPlan.Change adj = done(published.change("officer-1", " 提高比例 "));
        assertThat(adj.adjustment()).isTrue();
        assertThat(adj.actor()).isEqualTo("officer-1");
        assertThat(adj.reason()).isEqualTo("提高比例");
    }

    @Test
    void targetsAreDrawnOnlyUnderAPublishedPlanPLAN06() {
        assertThat(draft(CITY).drawable("id")).extracting(v -> v.rule()).containsExactly("PLAN-06");
        assertThat(done(done(draft(CITY).file(List.of())).publish(List.of())).drawable("id")).isEmpty();
    }
}
