package org.supervisionhub.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.done;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.inspection.DepartmentId;
import org.supervisionhub.domain.inspection.InspectionResult;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultContent;
import org.supervisionhub.domain.inspection.ResultId;

/** Every rule of the follow-up aggregates, without a database: each test names the rule it checks. */
class FollowUpTest {

    static final DepartmentId SX = new DepartmentId("HRSS-411422");
    static final DepartmentId CITY = new DepartmentId("HRSS-430100");
    static final LocalDate ENDED = LocalDate.of(2026, 9, 25);

    static InspectionResult result(ResultCategory category, boolean approve) {
        InspectionResult r = done(InspectionResult.propose(ResultId.ofInspection("INS-1"), SX, SX, null,
                new ResultContent(category, "x", ENDED, null)));
        return approve ? done(r.approve()) : r;
    }

    @Test
    void followUpStartsFromAnApprovedResultThatFoundSomethingFOLLOW03_FOLLOW06_FOLLOW07() {
        assertThat(refusals(FollowUp.startsFrom(result(ResultCategory.PROBLEM_FOUND_PENDING_FOLLOW_UP, false), "FOLLOW-06")))
                .containsExactly("ILLEGAL_TRANSITION resultId FOLLOW-06");
        assertThat(refusals(FollowUp.startsFrom(result(ResultCategory.PROBLEM_FOUND_PENDING_FOLLOW_UP, false), "FOLLOW-07")))
                .containsExactly("ILLEGAL_TRANSITION resultId FOLLOW-07");
        assertThat(refusals(FollowUp.startsFrom(result(ResultCategory.NO_PROBLEM_FOUND, true), "FOLLOW-06"))).containsExactly("CONFLICT resultId FOLLOW-03");
        assertThat(refusals(FollowUp.startsFrom(result(ResultCategory.NO_RELEVANT_BUSINESS_ACTIVITY, true), "FOLLOW-07")))
                .containsExactly("CONFLICT resultId FOLLOW-03");
        assertThat(FollowUp.startsFrom(result(ResultCategory.PROBLEM_FOUND_PENDING_FOLLOW_UP, true), "FOLLOW-06")).isEmpty();
    }

    @Test
    void aCaseClosesOnceWithAnOutcomeTheRecordBearsOutFOLLOW06_FOLLOW10() {
        Case open = Case.open(new CaseId("CASE-1"), SX, ENDED.plusDays(3));
        assertThat(open.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(refusals(open.close(ENDED.plusDays(20), CaseOutcome.PENALTY_IMPOSED, false, false))).containsExactly("CONFLICT outcome FOLLOW-10");
        assertThat(refusals(open.close(ENDED.plusDays(20), CaseOutcome.TRANSFERRED, true, false))).containsExactly("CONFLICT outcome FOLLOW-10");
        assertThat(refusals(open.close(ENDED.plusDays(20), null, true, true))).containsExactly("REQUIRED outcome FOLLOW-10");
        assertThat(done(open.close(ENDED.plusDays(20), CaseOutcome.TRANSFERRED, false, true)).outcome()).isEqualTo(CaseOutcome.TRANSFERRED);
        Case closed = done(open.close(ENDED.plusDays(20), CaseOutcome.PENALTY_IMPOSED, true, false));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedOn()).isEqualTo(ENDED.plusDays(20));
        assertThat(done(open.close(ENDED.plusDays(20), CaseOutcome.NO_PENALTY, false, false)).outcome()).isEqualTo(CaseOutcome.NO_PENALTY);
        assertThat(refusals(closed.closable())).containsExactly("ILLEGAL_TRANSITION id FOLLOW-06");
        assertThat(refusals(closed.close(ENDED.plusDays(21), CaseOutcome.NO_PENALTY, true, true))).containsExactly("ILLEGAL_TRANSITION id FOLLOW-06");
    }

    @Test
    void penaltyDecisionsAreMadeInAnOpenCaseFOLLOW10() {
        Case open = Case.open(new CaseId("CASE-1"), SX, ENDED);
        assertThat(open.acceptsPenalty()).isEmpty();
        Case closed = done(open.close(ENDED.plusDays(1), CaseOutcome.NO_PENALTY, false, false));
        assertThat(refusals(closed.acceptsPenalty())).containsExactly("ILLEGAL_TRANSITION id FOLLOW-10");
    }

    @Test
    void aGeneralProcedureDecisionHasAPublicationDeadlineWhereOneIsSetAndIsPublishedOncePUB06() {
        assertThat(Penalty.hasDeadline(PenaltyProcedure.GENERAL, 7)).isTrue();
        assertThat(Penalty.hasDeadline(PenaltyProcedure.GENERAL, 0)).as("HN sets none").isFalse();
        assertThat(Penalty.hasDeadline(PenaltyProcedure.SIMPLE, 7)).isFalse();
        OffsetDateTime at = OffsetDateTime.parse("2026-10-09T10:00:00+08:00");
        Penalty published = done(new Penalty(new PenaltyId("PEN-1"), new CaseId("CASE-1"), PenaltyProcedure.GENERAL, null).publish(at));
        assertThat(published.publishedAt()).isEqualTo(at);
        assertThat(refusals(published.publish(at.plusDays(1)))).containsExactly("ILLEGAL_TRANSITION id PUB-06");
    }

    @Test
    void aDecisionNotPublishedByItsDeadlineIsOverdueTheDayAfterPUB06() {
        Penalty unpublished = new Penalty(new PenaltyId("PEN-1"), new CaseId("CASE-1"), PenaltyProcedure.GENERAL, null);
        LocalDate due = LocalDate.of(2027, 9, 30);
        assertThat(unpublished.overdueOn(due, due)).as("due today is not yet overdue").isFalse();
        assertThat(unpublished.overdueOn(due, due.plusDays(1))).as("the day after, a public holiday too").isTrue();
        assertThat(unpublished.overdueOn(null, due.plusDays(1))).as("no deadline (SIMPLE, or none set)").isFalse();
        Penalty published = done(unpublished.publish(OffsetDateTime.parse("2027-10-08T10:00:00+08:00")));
        assertThat(published.overdueOn(due, due.plusDays(9))).isFalse();
    }

    @Test
    void aLeadGoesInsideTheSystemToAnotherHrssDepartmentAndACrimeOnlyToJudicialOrgansOrPublicSecurityFOLLOW07_FOLLOW08_FOLLOW09() {
        assertThat(refusals(Referrals.violations(SX, ReferralDestination.OTHER_REGULATOR, true, null, false)))
                .containsExactly("INVALID_VALUE destination FOLLOW-09");
        assertThat(Referrals.violations(SX, ReferralDestination.PUBLIC_SECURITY, true, null, false)).isEmpty();
        assertThat(Referrals.violations(SX, ReferralDestination.JUDICIAL_ORGAN, true, null, false)).isEmpty();
        assertThat(refusals(Referrals.violations(SX, ReferralDestination.HRSS_INTERNAL, false, new DepartmentId("MS-430102"), false)))
                .containsExactly("INVALID_VALUE recipientDepartmentId FOLLOW-08");
        assertThat(refusals(Referrals.violations(SX, ReferralDestination.HRSS_INTERNAL, false, SX, true)))
                .containsExactly("INVALID_VALUE recipientDepartmentId FOLLOW-08");
        assertThat(Referrals.violations(SX, ReferralDestination.HRSS_INTERNAL, false, CITY, true)).isEmpty();
        assertThat(refusals(Referrals.violations(SX, ReferralDestination.OTHER_REGULATOR, false, CITY, true)))
                .containsExactly("INVALID_VALUE recipientDepartmentId FOLLOW-09");
        assertThat(Referrals.violations(SX, ReferralDestination.OTHER_REGULATOR, false, null, false)).isEmpty();
    }
}
