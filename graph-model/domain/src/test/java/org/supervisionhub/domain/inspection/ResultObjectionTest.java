package org.supervisionhub.domain.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.done;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules of a result's re-examination, without a database: each test names the rule it checks. */
class ResultObjectionTest {

    static final DepartmentId CITY = new DepartmentId("HRSS-120101");
    static final ResultId RESULT = ResultId.ofInspection("INS-1");
    static final LocalDate ENDED = LocalDate.of(2027, 5, 10);
    static final ResultContent CONTENT = new ResultContent(ResultCategory.DISCLOSED_INFO_FALSIFIED, "弄虚作假", ENDED, null);
    static final InspectionResult PROPOSED = done(InspectionResult.propose(RESULT, CITY, CITY, null, CONTENT));
    static final InspectionResult APPROVED = done(PROPOSED.approve());
    static final InspectionResult PUBLISHED = done(APPROVED.publish(null));

    static ResultObjection open(ObjectionKind kind) {
        return done(ResultObjection.open(new ObjectionId("OBJ-1"), RESULT, kind, List.of()));
    }

    @Test
    void anObjectionIsToAPublicationOneUnderReviewAtATimeOBJ01() {
        assertThat(refusals(ResultObjection.objectable(APPROVED))).containsExactly("ILLEGAL_TRANSITION resultId OBJ-01");
        assertThat(ResultObjection.objectable(PUBLISHED)).isEmpty();
        ResultObjection first = open(ObjectionKind.TARGET_OBJECTION);
        assertThat(first.status()).isEqualTo(ObjectionStatus.UNDER_REVIEW);
        assertThat(refusals(ResultObjection.open(new ObjectionId("OBJ-2"), RESULT, ObjectionKind.TARGET_OBJECTION, List.of(first))))
                .containsExactly("CONFLICT resultId OBJ-01");
        assertThat(done(ResultObjection.open(new ObjectionId("OBJ-2"), RESULT, ObjectionKind.SUPERIOR_REVIEW, List.of(first))).kind())
                .as("one of each kind").isEqualTo(ObjectionKind.SUPERIOR_REVIEW);
        ResultObjection dismissed = done(first.decide(false, 0));
        assertThat(done(ResultObjection.open(new ObjectionId("OBJ-3"), RESULT, ObjectionKind.TARGET_OBJECTION, List.of(dismissed))).status())
                .as("once the first is decided").isEqualTo(ObjectionStatus.UNDER_REVIEW);
        assertThat(ResultObjection.anyUnderReview(List.of(dismissed))).isFalse();
        assertThat(ResultObjection.anyUnderReview(List.of(dismissed, first))).isTrue();
    }

    @Test
    void whereTheResultIsPublishedFirstAnObjectionIsReceivedDuringThePublicPeriodPUB08() {
        LocalDate until = ENDED.plusDays(7);
        assertThat(ResultObjection.inPublicPeriod(true, until, until)).as("its last day").isEmpty();
        assertThat(refusals(ResultObjection.inPublicPeriod(true, until.plusDays(1), until))).containsExactly("CONFLICT receivedOn PUB-08");
        assertThat(ResultObjection.inPublicPeriod(false, until.plusDays(1), until)).as("no public period elsewhere").isEmpty();
        assertThat(ResultObjection.inPublicPeriod(true, null, until)).as("a missing day is the input's to require").isEmpty();
    }

    @Test
    void aSuperiorReviewsAnApprovedResultOBJ02() {
        assertThat(refusals(ResultObjection.reviewable(PROPOSED))).containsExactly("ILLEGAL_TRANSITION resultId OBJ-02");
        assertThat(ResultObjection.reviewable(APPROVED)).isEmpty();
        assertThat(ResultObjection.reviewable(PUBLISHED)).isEmpty();
    }

    @Test
    void anObjectionIsDecidedOnceAndADismissedOneChangesNothingOBJ01() {
        ResultObjection open = open(ObjectionKind.TARGET_OBJECTION);
        assertThat(refusals(open.decide(false, 1))).containsExactly("INVALID_VALUE corrections OBJ-01");
        ResultObjection dismissed = done(open.decide(false, 0));
        assertThat(dismissed.status()).isEqualTo(ObjectionStatus.DISMISSED);
        assertThat(refusals(dismissed.decidable())).containsExactly("ILLEGAL_TRANSITION id OBJ-01");
        assertThat(refusals(dismissed.decide(true, 1))).containsExactly("ILLEGAL_TRANSITION id OBJ-01");
        assertThat(dismissed.republishes(PUBLISHED)).isFalse();
    }

    @Test
    void anUpheldObjectionCorrectsTheResultAndAPublishedOneIsPublishedAgainPUB12() {
        ResultObjection open = open(ObjectionKind.TARGET_OBJECTION);
        assertThat(refusals(open.decide(true, 0))).containsExactly("REQUIRED corrections PUB-12");
        ResultObjection upheld = done(open.decide(true, 2));
        assertThat(upheld.status()).isEqualTo(ObjectionStatus.UPHELD);
        assertThat(upheld.republishes(PUBLISHED)).isTrue();
        assertThat(upheld.republishes(APPROVED)).as("a superior's review of a result not yet published").isFalse();
    }
}
