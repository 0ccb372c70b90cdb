package org.supervisionhub.domain.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;

/** Every rule {@link InspectionResult} guards, without a database: each test names the rule it checks. */
class InspectionResultTest {

    static final DepartmentId CITY = new DepartmentId("HRSS-430100");
    static final DepartmentId COUNTY = new DepartmentId("HRSS-430102");
    static final ResultId ID = ResultId.ofInspection("INS-1");
    static final LocalDate ENDED = LocalDate.of(2027, 5, 10);
    static final ResultContent NOTHING = new ResultContent(ResultCategory.NO_PROBLEM_FOUND, "无问题", ENDED, null);
    static final ResultContent ORDERED = new ResultContent(ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, "未按规定公示", ENDED,
            ENDED.plusDays(30));

    static InspectionResult done(Outcome<InspectionResult> o) {
        assertThat(o.violations()).as("refused").isEmpty();
        return ((Outcome.Done<InspectionResult>) o).value();
    }

    static List<String> refusals(Outcome<?> o) {
        return o.violations().stream().map(v -> v.kind() + " " + v.subject() + " " + v.rule()).toList();
    }

    static InspectionResult proposed(DepartmentId inspecting, DepartmentId drawing, Delegation d, ResultContent c) {
        return done(InspectionResult.propose(ID, inspecting, drawing, d, c));
    }

    @Test
    void aDepartmentInspectingItsOwnDrawIsNotDelegatedAndAnotherMustSayHowAPPR02() {
        assertThat(InspectionResult.delegationFor(CITY, CITY, null)).isEqualTo(Outcome.done(Delegation.NONE));
        assertThat(refusals(InspectionResult.delegationFor(COUNTY, CITY, null))).containsExactly("REQUIRED delegation APPR-02");
        assertThat(refusals(InspectionResult.delegationFor(COUNTY, CITY, Delegation.NONE))).containsExactly("INVALID_VALUE delegation APPR-02");
        assertThat(refusals(InspectionResult.delegationFor(CITY, CITY, Delegation.DELEGATED))).containsExactly("INVALID_VALUE delegation APPR-02");
        assertThat(InspectionResult.delegationFor(COUNTY, CITY, Delegation.AUTHORISED)).isEqualTo(Outcome.done(Delegation.AUTHORISED));
    }

    @Test
    void aProposalIsCompleteAndAnOrderedCorrectionHasADeadlineRESULT01_FOLLOW01_PUB04() {
        assertThat(proposed(CITY, CITY, null, NOTHING).status()).isEqualTo(ResultStatus.PROPOSED);
        assertThat(refusals(InspectionResult.propose(ID, CITY, CITY, null, new ResultContent(null, " ", null, null))))
                .containsExactly("REQUIRED category null", "REQUIRED facts null", "REQUIRED endedOn null");
        assertThat(refusals(InspectionResult.propose(ID, CITY, CITY, null,
                new ResultContent(ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, "x", ENDED, null))))
                .containsExactly("REQUIRED rectificationDeadline FOLLOW-01");
        assertThat(refusals(InspectionResult.propose(ID, CITY, CITY, null, new ResultContent(ResultCategory.NO_PROBLEM_FOUND, "x", ENDED,
                ENDED.plusDays(3))))).containsExactly("INVALID_VALUE rectificationDeadline PUB-04");
        assertThat(refusals(InspectionResult.propose(ID, CITY, CITY, null, new ResultContent(ResultCategory.NO_PROBLEM_FOUND,
                "x".repeat(ResultContent.MAX_FACTS + 1), ENDED, null)))).containsExactly("INVALID_VALUE facts null");
        assertThat(refusals(InspectionResult.propose(ID, COUNTY, CITY, null, new ResultContent(null, "x", ENDED, null))))
                .as("every violation at once").containsExactly("REQUIRED delegation APPR-02", "REQUIRED category null");
    }

    @Test
    void aResultIsApprovedWhenProposedAndThenPublishedNeverTwiceAPPR01_APPR04() {
        InspectionResult r = proposed(CITY, CITY, null, NOTHING);
        assertThat(r.approvingDepartment()).isEqualTo(CITY);
        assertThat(r.filedWith()).isNull();
        assertThat(refusals(r.publish(null))).containsExactly("ILLEGAL_TRANSITION id APPR-04");
        InspectionResult approved = done(r.approve());
        assertThat(approved.status()).isEqualTo(ResultStatus.APPROVED);
        assertThat(refusals(approved.approve())).containsExactly("ILLEGAL_TRANSITION id APPR-01");
        InspectionResult published = done(approved.publish(null));
        assertThat(published.status()).isEqualTo(ResultStatus.PUBLISHED);
        assertThat(refusals(published.publish(null))).containsExactly("ILLEGAL_TRANSITION id APPR-04");
    }

    @Test
    void aDelegatedResultIsReviewedBelowAndApprovedAboveAPPR02() {
        InspectionResult r = proposed(COUNTY, CITY, Delegation.DELEGATED, NOTHING);
        assertThat(refusals(r.approve())).containsExactly("ILLEGAL_TRANSITION id APPR-02");
        assertThat(r.decidingDepartment()).isEqualTo(COUNTY);
        InspectionResult reviewed = done(r.review());
        assertThat(reviewed.decidingDepartment()).as("the step it awaits now is the drawing department's").isEqualTo(CITY);
        assertThat(reviewed.approvingDepartment()).isEqualTo(CITY);
        assertThat(refusals(reviewed.review())).containsExactly("ILLEGAL_TRANSITION id APPR-02");
        assertThat(done(reviewed.approve()).status()).isEqualTo(ResultStatus.APPROVED);
        assertThat(refusals(proposed(CITY, CITY, null, NOTHING).review())).as("only a delegated one is reviewed")
                .containsExactly("ILLEGAL_TRANSITION id APPR-02");
    }

    @Test
    void anAuthorisedResultIsApprovedBelowAndFiledAboveAPPR03() {
        InspectionResult r = proposed(COUNTY, CITY, Delegation.AUTHORISED, NOTHING);
        assertThat(r.approvingDepartment()).isEqualTo(COUNTY);
        assertThat(r.filedWith()).isEqualTo(CITY);
        assertThat(done(r.approve()).status()).isEqualTo(ResultStatus.APPROVED);
    }

    @Test
    void aResultAwaitingADecisionIsSentBackAndProposedAgainButAnApprovedOneNeverAPPR01_APPR04() {
        InspectionResult returned = done(proposed(CITY, CITY, null, NOTHING).sendBack());
        assertThat(returned.status()).isEqualTo(ResultStatus.RETURNED);
        assertThat(refusals(returned.sendBack())).containsExactly("ILLEGAL_TRANSITION id APPR-01");
        assertThat(refusals(returned.approve())).containsExactly("ILLEGAL_TRANSITION id APPR-01");
        InspectionResult again = done(returned.proposeAgain(ORDERED));
        assertThat(again.status()).isEqualTo(ResultStatus.PROPOSED);
        assertThat(again.content()).isEqualTo(ORDERED);
        InspectionResult approved = done(again.approve());
        assertThat(refusals(approved.proposeAgain(NOTHING))).containsExactly("IMMUTABLE id APPR-04");
        assertThat(refusals(approved.sendBack())).containsExactly("ILLEGAL_TRANSITION id APPR-01");
    }

    @Test
    void aNoProblemResultIsNotPublishedWhileTheEnterpriseIsListedFOLLOW04() {
        InspectionResult approved = done(proposed(CITY, CITY, null, NOTHING).approve());
        assertThat(refusals(approved.publish("ABNORMAL_OPERATION_LIST (T-1)"))).containsExactly("CONFLICT id FOLLOW-04");
        InspectionResult ordered = done(proposed(CITY, CITY, null, ORDERED).approve());
        assertThat(done(ordered.publish("ABNORMAL_OPERATION_LIST (T-1)")).status()).as("a finding is published while listed")
                .isEqualTo(ResultStatus.PUBLISHED);
    }

    @Test
    void onlyAPublishedResultIsWithheldAndOnlyOncePUB11() {
        InspectionResult approved = done(proposed(CITY, CITY, null, NOTHING).approve());
        assertThat(refusals(approved.withhold())).containsExactly("ILLEGAL_TRANSITION id PUB-11");
        InspectionResult withheld = done(done(approved.publish(null)).withhold());
        assertThat(withheld.withheld()).isTrue();
        assertThat(refusals(withheld.withhold())).containsExactly("CONFLICT id PUB-11");
    }

    @Test
    void anApprovedResultChangesOnlyByAValidAmendmentThatChangesSomethingARCH05() {
        InspectionResult proposed = proposed(CITY, CITY, null, NOTHING);
        assertThat(refusals(proposed.amend(ORDERED))).containsExactly("ILLEGAL_TRANSITION id ARCH-05");
        InspectionResult approved = done(proposed.approve());
        assertThat(done(approved.amend(ORDERED)).content()).isEqualTo(ORDERED);
        assertThat(done(approved.amend(ORDERED)).status()).isEqualTo(ResultStatus.APPROVED);
        assertThat(refusals(approved.amend(NOTHING))).containsExactly("INVALID_VALUE value null");
        assertThat(refusals(approved.amend(new ResultContent(ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, "x", ENDED, null))))
                .containsExactly("REQUIRED rectificationDeadline FOLLOW-01");
    }

    @Test
    void feedbackFollowsApprovalOnceAndWherePublishedFirstAfterThePublicPeriodPUB09_PUB08_OBJ01() {
        LocalDate until = ENDED.plusDays(20);
        InspectionResult proposed = proposed(CITY, CITY, null, NOTHING);
        assertThat(refusals(proposed.giveFeedback(ENDED, false, null, false))).containsExactly("ILLEGAL_TRANSITION id PUB-09");
        InspectionResult approved = done(proposed.approve());
        InspectionResult fed = done(approved.giveFeedback(ENDED, false, null, false));
        assertThat(fed.fedBack()).isTrue();
        assertThat(refusals(fed.giveFeedback(ENDED, false, null, false))).containsExactly("IMMUTABLE id PUB-09");
        assertThat(refusals(approved.giveFeedback(ENDED, true, until, false))).containsExactly("ILLEGAL_TRANSITION id PUB-08");
        InspectionResult published = done(approved.publish(null));
        assertThat(refusals(published.giveFeedback(until, true, until, true))).containsExactly("CONFLICT givenOn PUB-08", "CONFLICT id OBJ-01");
        assertThat(done(published.giveFeedback(until.plusDays(1), true, until, false)).fedBack()).isTrue();
    }

    @Test
    void onlyAPublishedResultIsPublishedAgainCorrectedPUB12() {
        InspectionResult approved = done(proposed(CITY, CITY, null, NOTHING).approve());
        assertThat(refusals(approved.republish())).containsExactly("ILLEGAL_TRANSITION id PUB-12");
        InspectionResult published = done(done(approved.amend(ORDERED)).publish(null));
        assertThat(done(published.republish())).as("the same result, published again").isEqualTo(published);
    }

    @Test
    void anOrderedCorrectionIsRecordedOnceOnAnApprovedResultFOLLOW01() {
        InspectionResult ordered = proposed(CITY, CITY, null, ORDERED);
        assertThat(refusals(ordered.recordRectification(ENDED.plusDays(5)))).containsExactly("ILLEGAL_TRANSITION id FOLLOW-01");
        InspectionResult rectified = done(done(ordered.approve()).recordRectification(ENDED.plusDays(5)));
        assertThat(rectified.rectifiedOn()).isEqualTo(ENDED.plusDays(5));
        assertThat(refusals(rectified.recordRectification(ENDED.plusDays(6)))).containsExactly("IMMUTABLE id FOLLOW-01");
        assertThat(refusals(done(proposed(CITY, CITY, null, NOTHING).approve()).recordRectification(ENDED)))
                .containsExactly("ILLEGAL_TRANSITION id FOLLOW-01");
    }

    @Test
    void aListingFollowsAnApprovedResultThatFoundSomethingAPPR04_FOLLOW04() {
        assertThat(refusals(Outcome.refused(proposed(CITY, CITY, null, ORDERED).listable().get(0))))
                .containsExactly("ILLEGAL_TRANSITION id APPR-04");
        assertThat(done(proposed(CITY, CITY, null, ORDERED).approve()).listable()).isEmpty();
        List<Violation> nothing = done(proposed(CITY, CITY, null, NOTHING).approve()).listable();
        assertThat(nothing).extracting(Violation::rule).containsExactly("FOLLOW-04");
    }
}
