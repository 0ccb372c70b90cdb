package org.supervisionhub.domain.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.Outcomes.done;
import static org.supervisionhub.domain.Outcomes.refusals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.inspection.DepartmentId;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.domain.inspection.InspectionResult;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultContent;

/** Every rule of the archive's aggregates, without a database: each test names the rule it checks. */
class ArchiveTest {

    static final DepartmentId QD = new DepartmentId("HRSS-370202");
    static final LocalDate TODAY = LocalDate.of(2027, 6, 1);
    static final InspectionId INSPECTION = new InspectionId("INS-1");
    static final ArchiveFileId FILE = ArchiveFileId.ofInspection(INSPECTION);

    static InspectionResult result(boolean approved) {
        InspectionResult r = done(InspectionResult.propose(INSPECTION.result(), QD, QD, null,
                new ResultContent(ResultCategory.NO_PROBLEM_FOUND, "x", TODAY.minusDays(12), null)));
        return approved ? done(r.approve()) : r;
    }

    static Loan requested() {
        return done(Loan.request(new BorrowingId("LOAN-1"), TODAY.plusDays(14), TODAY));
    }

    @Test
    void aFileIsArchivedOnceItsResultIsApprovedAndNoReExaminationIsOpenARCH01_OBJ01() {
        assertThat(FILE.value()).isEqualTo("ARC-INS-1");
        assertThat(refusals(ArchivedFile.archive(FILE, QD, null, false, null, 3, TODAY))).containsExactly("ILLEGAL_TRANSITION inspectionId ARCH-01");
        assertThat(refusals(ArchivedFile.archive(FILE, QD, result(false), false, null, 3, TODAY))).containsExactly("ILLEGAL_TRANSITION inspectionId ARCH-01");
        assertThat(refusals(ArchivedFile.archive(FILE, QD, result(true), true, null, 3, TODAY))).containsExactly("CONFLICT inspectionId OBJ-01");
        assertThat(done(ArchivedFile.archive(FILE, QD, result(true), false, null, 3, TODAY)).archivedOn()).isEqualTo(TODAY);
    }

    @Test
    void aFileIsKeptAtLeastTheMinimumRetentionARCH03() {
        assertThat(refusals(ArchivedFile.archive(FILE, QD, result(true), false, 2, 3, TODAY))).containsExactly("INVALID_VALUE retentionYears ARCH-03");
        assertThat(done(ArchivedFile.archive(FILE, QD, result(true), false, null, 3, TODAY)).retainUntil()).isEqualTo(TODAY.plusYears(3));
        assertThat(done(ArchivedFile.archive(FILE, QD, result(true), false, 10, 3, TODAY)).retainUntil()).isEqualTo(TODAY.plusYears(10));
        assertThat(refusals(ArchivedFile.archive(FILE, QD, result(false), false, 1, 3, TODAY))).as("every violation at once")
                .containsExactly("ILLEGAL_TRANSITION inspectionId ARCH-01", "INVALID_VALUE retentionYears ARCH-03");
    }

    @Test
    void whereNoChangeIsAllowedNoneIsAskedForARCH04() {
        assertThat(refusals(ArchivedFile.amendable(false))).containsExactly("FORBIDDEN_CHANGE fileId ARCH-04");
        assertThat(ArchivedFile.amendable(true)).isEmpty();
    }

    @Test
    void anAmendmentIsDecidedOnceByAnotherPersonThanItsHandlerARCH05() {
        FileAmendment asked = FileAmendment.request(new AmendmentId("ARCA-1"), "officer@" + QD);
        assertThat(asked.status()).isEqualTo(AmendmentStatus.PENDING);
        assertThat(refusals(asked.decide(true, "officer@" + QD, null))).containsExactly("SAME_PERSON id ARCH-05");
        assertThat(refusals(asked.decide(false, "leader@" + QD, " "))).containsExactly("REQUIRED note null");
        FileAmendment approved = done(asked.decide(true, "leader@" + QD, null));
        assertThat(approved.status()).isEqualTo(AmendmentStatus.APPROVED);
        assertThat(approved.approver()).isEqualTo("leader@" + QD);
        assertThat(done(asked.decide(false, "leader@" + QD, "无依据")).status()).isEqualTo(AmendmentStatus.REJECTED);
        assertThat(refusals(approved.decide(false, "leader2@" + QD, "x"))).containsExactly("ILLEGAL_TRANSITION id ARCH-05");
    }

    @Test
    void aLoanIsRegisteredDueAfterTodayARCH09() {
        assertThat(requested().status()).isEqualTo(BorrowingStatus.REQUESTED);
        assertThat(refusals(Loan.request(new BorrowingId("LOAN-1"), TODAY, TODAY))).containsExactly("INVALID_VALUE dueOn null");
    }

    @Test
    void aFileIsLentOnceTheDepartmentHeadAndTheLeaderInChargeTwoPeopleConsentOrRefusedARCH09() {
        Loan once = done(requested().consent(Consent.DEPARTMENT_HEAD, "leader@qd"));
        assertThat(once.status()).as("one consent lends nothing").isEqualTo(BorrowingStatus.REQUESTED);
        assertThat(refusals(once.consent(Consent.DEPARTMENT_HEAD, "leader2@qd"))).containsExactly("ILLEGAL_TRANSITION consent ARCH-09");
        assertThat(refusals(once.consent(Consent.LEADER_IN_CHARGE, "leader@qd"))).containsExactly("SAME_PERSON consent ARCH-09");
        Loan lent = done(once.consent(Consent.LEADER_IN_CHARGE, "leader2@qd"));
        assertThat(lent.status()).isEqualTo(BorrowingStatus.LENT);
        assertThat(lent.headConsentBy()).isEqualTo("leader@qd");
        assertThat(lent.leaderConsentBy()).isEqualTo("leader2@qd");
        assertThat(refusals(lent.consent(Consent.DEPARTMENT_HEAD, "leader3@qd"))).containsExactly("ILLEGAL_TRANSITION id ARCH-09");
        assertThat(refusals(lent.refuse())).containsExactly("ILLEGAL_TRANSITION id ARCH-09");
        Loan refused = done(requested().refuse());
        assertThat(refused.status()).isEqualTo(BorrowingStatus.REFUSED);
        assertThat(refusals(refused.consent(Consent.DEPARTMENT_HEAD, "leader@qd"))).containsExactly("ILLEGAL_TRANSITION id ARCH-09");
    }

    @Test
    void onlyALentFileComesBackCheckedWithAnyDamageNotedARCH11() {
        assertThat(refusals(requested().giveBack(TODAY, ReturnCondition.INTACT, null, TODAY))).containsExactly("ILLEGAL_TRANSITION id ARCH-11");
        Loan lent = done(done(requested().consent(Consent.DEPARTMENT_HEAD, "a")).consent(Consent.LEADER_IN_CHARGE, "b"));
        assertThat(refusals(lent.giveBack(TODAY, ReturnCondition.DAMAGED, " ", TODAY))).containsExactly("REQUIRED notes ARCH-11");
        assertThat(refusals(lent.giveBack(TODAY.plusDays(1), ReturnCondition.INTACT, null, TODAY))).containsExactly("INVALID_VALUE returnedOn null");
        Loan back = done(lent.giveBack(TODAY, ReturnCondition.DAMAGED, "第3页有水渍", TODAY));
        assertThat(back.status()).isEqualTo(BorrowingStatus.RETURNED);
        assertThat(back.condition()).isEqualTo(ReturnCondition.DAMAGED);
        assertThat(done(lent.giveBack(TODAY, ReturnCondition.INTACT, null, TODAY)).status()).isEqualTo(BorrowingStatus.RETURNED);
        assertThat(refusals(back.giveBack(TODAY, ReturnCondition.INTACT, null, TODAY))).containsExactly("ILLEGAL_TRANSITION id ARCH-11");
    }

    @Test
    void aLentFileNotBackByItsDueDayIsOverdue() {
        Loan lent = done(done(requested().consent(Consent.DEPARTMENT_HEAD, "a")).consent(Consent.LEADER_IN_CHARGE, "b"));
        assertThat(lent.overdueOn(TODAY.plusDays(14))).isFalse();
        assertThat(lent.overdueOn(TODAY.plusDays(15))).isTrue();
        assertThat(requested().overdueOn(TODAY.plusDays(15))).as("never lent").isFalse();
    }
}
