package org.supervisionhub.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.archive.AmendmentStatus;
import org.supervisionhub.domain.archive.BorrowingStatus;
import org.supervisionhub.domain.archive.Consent;
import org.supervisionhub.domain.archive.FileAmendment;
import org.supervisionhub.domain.archive.Loan;
import org.supervisionhub.domain.archive.ReturnCondition;
import org.supervisionhub.domain.followup.Case;
import org.supervisionhub.domain.followup.CaseOutcome;
import org.supervisionhub.domain.followup.CaseStatus;
import org.supervisionhub.domain.followup.PenaltyProcedure;
import org.supervisionhub.graph.archive.ArchiveRepository;
import org.supervisionhub.graph.archive.Archives.ArchiveAmendment;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.graph.archive.Archives.Borrowing;
import org.supervisionhub.graph.followup.FollowUpRepository;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.followup.FollowUps.PenaltyDecision;

/**
 * The archive's and follow-up's status writes against a real Neo4j: each is written over the state the domain decided
 * from, and a stale one (the node moved on meanwhile) changes nothing and fails.
 */
class GuardedWritesTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static ArchiveRepository archives;
    static FollowUpRepository followUps;
    static final OffsetDateTime NOW = OffsetDateTime.of(2027, 6, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate TODAY = NOW.toLocalDate();

    @BeforeAll
    static void inspection() {
        graph.driver().executableQuery("CREATE (i:Inspection {id: 'INS-G'})<-[:OF]-(:InspectionResult {id: 'RES-INS-G', inspectionId: 'INS-G'})")
                .execute();
        Neo4jClient client = Neo4jClient.create(graph.driver());
        archives = new ArchiveRepository(client);
        followUps = new FollowUpRepository(client);
        archives.create(new ArchiveFile("ARC-INS-G", "INS-G", "91430102A00000002X", "HRSS-370202", TODAY, TODAY.plusYears(3), List.of(), "a", NOW));
    }

    static <T> T done(Outcome<T> o) {
        return o.orElseThrow(vs -> new IllegalStateException("refused: " + vs));
    }

    Borrowing loan(String id) {
        return archives.lockBorrowing(id).orElseThrow();
    }

    @Test
    void aLoanMovesOnlyFromTheStatusItsDecisionStartedFromARCH09_ARCH11() {
        archives.create(new Borrowing("LOAN-G", "ARC-INS-G", "张三", "HRSS-430100", "复查", TODAY.plusDays(14), BorrowingStatus.REQUESTED, "o", NOW,
                null, null, null, null, null, null, null, null, null, null), "HRSS-370202");
        Loan requested = loan("LOAN-G").lifecycle();
        Loan once = done(requested.consent(Consent.DEPARTMENT_HEAD, "leader1"));
        archives.consent(BorrowingStatus.REQUESTED, once, Consent.DEPARTMENT_HEAD, "leader1", NOW);
        assertThatThrownBy(() -> archives.consent(BorrowingStatus.REQUESTED, once, Consent.DEPARTMENT_HEAD, "leader3", NOW))
                .as("the same consent decided twice from the same state").isInstanceOf(IllegalStateException.class);
        Loan lent = done(loan("LOAN-G").lifecycle().consent(Consent.LEADER_IN_CHARGE, "leader2"));
        archives.consent(BorrowingStatus.REQUESTED, lent, Consent.LEADER_IN_CHARGE, "leader2", NOW);
        assertThat(loan("LOAN-G").status()).isEqualTo(BorrowingStatus.LENT);
        assertThat(loan("LOAN-G").headConsentBy()).isEqualTo("leader1");
        assertThatThrownBy(() -> archives.refuse(BorrowingStatus.REQUESTED, done(requested.refuse()), "leader3", "stale"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(loan("LOAN-G").status()).as("the stale refusal wrote nothing").isEqualTo(BorrowingStatus.LENT);
        Loan back = done(loan("LOAN-G").lifecycle().giveBack(TODAY, ReturnCondition.INTACT, null, TODAY));
        archives.returned(BorrowingStatus.LENT, back, null, "archivist");
        assertThat(loan("LOAN-G").status()).isEqualTo(BorrowingStatus.RETURNED);
        assertThatThrownBy(() -> archives.returned(BorrowingStatus.LENT, back, null, "archivist")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAmendmentIsDecidedOnceARCH05() {
        archives.create(new ArchiveAmendment("ARCA-G", "ARC-INS-G", "更正", "笔误", null, null, AmendmentStatus.PENDING, "officer", NOW, null, null, null));
        FileAmendment approved = done(archives.lockAmendment("ARCA-G").orElseThrow().lifecycle().decide(true, "leader", null));
        archives.decideAmendment(AmendmentStatus.PENDING, approved, NOW, null);
        assertThat(archives.lockAmendment("ARCA-G").orElseThrow().status()).isEqualTo(AmendmentStatus.APPROVED);
        FileAmendment rejected = new FileAmendment(approved.id(), "officer", AmendmentStatus.REJECTED, "leader2");
        assertThatThrownBy(() -> archives.decideAmendment(AmendmentStatus.PENDING, rejected, NOW, "stale")).isInstanceOf(IllegalStateException.class);
        assertThat(archives.lockAmendment("ARCA-G").orElseThrow().approver()).isEqualTo("leader");
    }

    @Test
    void aCaseClosesOnceAndAPenaltyDecisionIsPublishedOnceFOLLOW06_PUB06() {
        followUps.create(new EnforcementCase("CASE-G", "RES-INS-G", "91430102A00000002X", "HRSS-370202", "立1号", TODAY, "涉嫌", CaseStatus.OPEN,
                null, null, null, "o", NOW));
        Case closed = done(followUps.lockCase("CASE-G").orElseThrow().lifecycle().close(TODAY, CaseOutcome.NO_PENALTY, false, false));
        followUps.closeCase(CaseStatus.OPEN, closed, "结案");
        assertThat(followUps.lockCase("CASE-G").orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> followUps.closeCase(CaseStatus.OPEN, closed, "again")).isInstanceOf(IllegalStateException.class);

        followUps.create(new PenaltyDecision("PEN-G", "CASE-G", "91430102A00000002X", "HRSS-370202", "罚1号", TODAY, PenaltyProcedure.SIMPLE, "罚款",
                null, null, null, "o", NOW, null, null));
        followUps.publishPenalty("PEN-G", "officer", NOW);
        assertThatThrownBy(() -> followUps.publishPenalty("PEN-G", "officer2", NOW.plusHours(1))).isInstanceOf(IllegalStateException.class);
        assertThat(followUps.lockPenalty("PEN-G").orElseThrow().publishedBy()).isEqualTo("officer");
    }
}
