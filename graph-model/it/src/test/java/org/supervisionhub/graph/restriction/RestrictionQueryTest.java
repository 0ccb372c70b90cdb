package org.supervisionhub.graph.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supervisionhub.graph.restriction.Restrictions.Candidate;
import org.supervisionhub.graph.restriction.Restrictions.CheckRequest;
import org.supervisionhub.graph.restriction.Restrictions.CheckRows;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.domain.restriction.Reach;
import org.supervisionhub.graph.store.EmbeddedGraph;

/**
 * {@link RestrictionQuery#CHECK} against a real Neo4j: the candidates of every reach, with their paths, and the
 * time rules of the spec's invariants 1, 2 and 4 at the level of the statement.
 */
class RestrictionQueryTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static RestrictionQuery query;
    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    @BeforeAll
    static void fixture() {
        graph.driver().executableQuery("""
                CREATE (x:Enterprise {uscc: 'X', name: 'Listed'}), (b:Enterprise {uscc: 'B', name: 'Branch'}),
                       (bb:Enterprise {uscc: 'BB', name: 'Branch of branch'}), (h:Enterprise {uscc: 'H', name: 'Holder'}),
                       (y:Enterprise {uscc: 'Y', name: 'Other of the representative'}),
                       (lr:Person {personId: 'P-LR', name: 'Rep'}), (gone:Person {personId: 'P-GONE', name: 'Left 2023'}),
                       (late:Person {personId: 'P-LATE', name: 'Left after listing'}), (s:Person {personId: 'P-S', name: 'Holder of holder'}),
                       (newcomer:Person {personId: 'P-NEW', name: 'Joined after listing'})
                CREATE (b)-[:BRANCH_OF {validFrom: date('2020-01-01')}]->(x)
                CREATE (bb)-[:BRANCH_OF {validFrom: date('2021-01-01')}]->(b)
                CREATE (h)-[:SHAREHOLDER_OF {sharePct: 60.0, validFrom: date('2019-01-01')}]->(x)
                CREATE (s)-[:SHAREHOLDER_OF {sharePct: 80.0, validFrom: date('2019-01-01')}]->(h)
                CREATE (lr)-[:LEGAL_REPRESENTATIVE_OF {validFrom: date('2018-01-01')}]->(x)
                CREATE (lr)-[:LEGAL_REPRESENTATIVE_OF {validFrom: date('2024-01-01')}]->(y)
                CREATE (gone)-[:OFFICER_OF {role: 'DIRECTOR', validFrom: date('2019-01-01'), validTo: date('2023-06-01')}]->(x)
                CREATE (late)-[:OFFICER_OF {role: 'MANAGER', validFrom: date('2022-01-01'), validTo: date('2025-06-01')}]->(x)
                CREATE (newcomer)-[:OFFICER_OF {role: 'DIRECTOR', validFrom: date('2025-04-01')}]->(x)
                CREATE (t:RestrictionTrigger:CreditListing {id: 'L1', kind: 'CREDIT_LISTING', triggerType: 'SERIOUS_VIOLATION_LIST',
                        uscc: 'X', source: 'HUB', activeFrom: datetime('2025-03-01T00:00:00+08:00'), activeOn: date('2025-03-01'),
                        removedAt: datetime('2026-01-10T00:00:00+08:00')})-[:CONCERNS]->(x)
                WITH 1 AS one
                UNWIND ['SELF', 'BRANCHES', 'CONTROLLING_SHAREHOLDERS', 'LEGAL_REPRESENTATIVE', 'KEY_PERSONNEL', 'ENTERPRISES_OF_PERSON'] AS reach
                CREATE (:MeasureVersion {measureId: 'M-' + reach, version: 1, triggerType: 'SERIOUS_VIOLATION_LIST',
                        domain: 'BIDDING_TENDERING', effect: 'BAR', reach: reach, via: [], maxHops: 3, minShare: '50',
                        validFrom: date('2014-10-01'), inForceFrom: datetime('2014-10-01T00:00:00+08:00')})
                """).execute();
        query = new RestrictionQuery(graph.driver(), null);
    }

    static CheckRows check(String uscc, String personId, String asOf) {
        OffsetDateTime at = OffsetDateTime.parse(asOf + "T12:00:00+08:00");
        return query.check(List.of(new CheckRequest(0, uscc, personId, RestrictionDomain.BIDDING_TENDERING, at, at.toLocalDate()))).rows().get(0);
    }

    static List<String> reaches(CheckRows rows) {
        return rows.candidates().stream().map(c -> c.reach() + (c.via() == null ? "" : "/" + c.via()) + ":" + c.hops()).sorted().toList();
    }

    @Test
    void listedEnterpriseItsBranchesAndHoldersAreCandidatesWithPathsFromTheSubject() {
        assertThat(reaches(check("X", null, "2025-08-01"))).containsExactly("SELF:0");
        CheckRows branchOfBranch = check("BB", null, "2025-08-01");
        assertThat(reaches(branchOfBranch)).containsExactly("BRANCHES:2");
        Candidate c = branchOfBranch.candidates().get(0);
        assertThat(c.nodes()).extracting(Restrictions.PathNode::id).containsExactly("BB", "B", "X");
        assertThat(c.links()).extracting(Restrictions.PathLink::type).containsExactly("BRANCH_OF", "BRANCH_OF");
        CheckRows holder = check("H", null, "2025-08-01");
        assertThat(reaches(holder)).containsExactly("CONTROLLING_SHAREHOLDERS:1");
        assertThat(holder.candidates().get(0).share()).isEqualTo(60.0);
        CheckRows holderOfHolder = check(null, "P-S", "2025-08-01");
        assertThat(reaches(holderOfHolder)).containsExactly("CONTROLLING_SHAREHOLDERS:2");
        assertThat(holderOfHolder.candidates().get(0).share()).isEqualTo(60.0);
    }

    @Test
    void personsReachedAreThoseInOfficeWhenTheTriggerBegan() {
        assertThat(reaches(check(null, "P-LR", "2025-08-01"))).containsExactly("LEGAL_REPRESENTATIVE:1");
        // invariant 2: left the board in 2023, before the 2025 listing
        assertThat(check(null, "P-GONE", "2025-08-01").candidates()).isEmpty();
        // left after the listing: still reached
        assertThat(reaches(check(null, "P-LATE", "2025-08-01"))).containsExactly("KEY_PERSONNEL:1");
        // joined after the listing: not "at that time"
        assertThat(check(null, "P-NEW", "2025-08-01").candidates()).isEmpty();
    }

    @Test
    void enterprisesOfThePersonAreReachedThroughTheirCurrentRole() {
        CheckRows y = check("Y", null, "2025-08-01");
        assertThat(reaches(y)).containsExactly("ENTERPRISES_OF_PERSON/LEGAL_REPRESENTATIVE:2");
        assertThat(y.candidates().get(0).nodes()).extracting(Restrictions.PathNode::id).containsExactly("Y", "P-LR", "X");
        assertThat(y.candidates().get(0).trigger().id()).isEqualTo("L1");
    }

    @Test
    void removedTriggerHasNoCandidatesFromItsRemovalOnAndFullEffectBefore() {
        assertThat(check("X", null, "2026-01-09").candidates()).hasSize(1);
        OffsetDateTime removal = OffsetDateTime.parse("2026-01-10T00:00:00+08:00");
        CheckRows at = query.check(List.of(new CheckRequest(0, "X", null, RestrictionDomain.BIDDING_TENDERING, removal,
                removal.toLocalDate()))).rows().get(0);
        assertThat(at.candidates()).isEmpty();
        assertThat(check("X", null, "2025-02-28").candidates()).isEmpty();
    }

    @Test
    void batchAnswersEachQuestionInOrderAndReportsUnknownSubjectsAndTheMeasuresInForce() {
        OffsetDateTime at = OffsetDateTime.parse("2025-08-01T12:00:00+08:00");
        LocalDate day = at.toLocalDate();
        List<CheckRows> rows = query.check(List.of(new CheckRequest(0, "NOPE", null, RestrictionDomain.BIDDING_TENDERING, at, day),
                new CheckRequest(1, "X", null, RestrictionDomain.HONOURS, at, day), new CheckRequest(2, "X", null, RestrictionDomain.BIDDING_TENDERING, at, day)))
                .rows();
        assertThat(rows).extracting(CheckRows::index).containsExactly(0, 1, 2);
        assertThat(rows.get(0).found()).isFalse();
        assertThat(rows.get(1).found()).isTrue();
        assertThat(rows.get(1).measures()).isEmpty();
        assertThat(rows.get(1).candidates()).isEmpty();
        assertThat(rows.get(2).measures()).hasSize(6);
        assertThat(rows.get(2).candidates()).extracting(Candidate::reach).containsExactly(Reach.SELF);
        assertThat(query.check(List.of()).rows()).isEmpty();
    }

    /**
     * Questions of one domain, {@code asOf} and {@code knownAt} share their measures: the statement sends each such set
     * once, on the first of them, and every question still gets the measures of its own domain and times.
     */
    @Test
    void aBatchSendsEachDistinctSetOfMeasuresOnceAndEveryQuestionGetsItsOwn() {
        OffsetDateTime at = OffsetDateTime.parse("2025-08-01T12:00:00+08:00");
        OffsetDateTime beforeInForce = OffsetDateTime.parse("2014-09-01T12:00:00+08:00");
        RestrictionDomain bidding = RestrictionDomain.BIDDING_TENDERING;
        List<CheckRequest> requests = List.of(new CheckRequest(0, "X", null, bidding, at, at.toLocalDate()),
                new CheckRequest(1, "H", null, bidding, at, at.toLocalDate()),
                new CheckRequest(2, "X", null, bidding, beforeInForce, beforeInForce.toLocalDate()),
                new CheckRequest(3, "X", null, RestrictionDomain.HONOURS, at, at.toLocalDate()),
                new CheckRequest(4, "B", null, bidding, at, at.toLocalDate()),
                new CheckRequest(5, "X", null, bidding, at, at.toLocalDate(), beforeInForce));
        assertThat(query.check(requests).rows()).extracting(r -> r.measures().size()).containsExactly(6, 6, 0, 0, 6, 0);
        assertThat(query.check(requests).rows()).extracting(r -> r.candidates().size()).containsExactly(1, 1, 0, 0, 1, 0);

        var records = graph.driver().executableQuery(RestrictionQuery.CHECK).withParameters(RestrictionQuery.parameters(requests)).execute().records();
        assertThat(records).filteredOn(r -> !r.get("measures").isNull()).extracting(r -> r.get("idx").asInt()).containsExactlyInAnyOrder(0, 2, 3, 5);
        assertThat(records).filteredOn(r -> !r.get("freshness").isNull()).extracting(r -> r.get("idx").asInt()).containsExactly(0);
    }

    /** Knowledge time: a fact counts from when it was recorded, and a later change to it from when that change was. */
    static CheckRows known(String uscc, String asOf, String knownAt) {
        OffsetDateTime at = OffsetDateTime.parse(asOf + "T12:00:00+08:00");
        OffsetDateTime k = knownAt == null ? null : OffsetDateTime.parse(knownAt + "T12:00:00+08:00");
        return query.check(List.of(new CheckRequest(0, uscc, null, RestrictionDomain.BIDDING_TENDERING, at, at.toLocalDate(), k))).rows().get(0);
    }

    @Test
    void knownAtCountsOnlyFactsRecordedByThenAListingItsLaterRecordedRemovalAndALinksLaterRecordedEndInvariant5() {
        graph.driver().executableQuery("""
                CREATE (k:Enterprise {uscc: 'K', name: 'Repaired', recordedAt: datetime('2025-01-01T00:00:00+08:00')}),
                       (kb:Enterprise {uscc: 'KB', name: 'Branch of repaired', recordedAt: datetime('2025-01-01T00:00:00+08:00')})
                CREATE (kb)-[:BRANCH_OF {validFrom: date('2020-01-01'), recordedAt: datetime('2025-01-01T00:00:00+08:00'),
                        validTo: date('2025-05-01'), validToRecordedAt: datetime('2025-10-01T00:00:00+08:00')}]->(k)
                CREATE (:RestrictionTrigger:CreditListing {id: 'LK', kind: 'CREDIT_LISTING', triggerType: 'SERIOUS_VIOLATION_LIST',
                        uscc: 'K', source: 'HUB', activeFrom: datetime('2025-03-01T00:00:00+08:00'), activeOn: date('2025-03-01'),
                        recordedAt: datetime('2025-03-02T00:00:00+08:00'), removedAt: datetime('2025-06-01T00:00:00+08:00'),
                        removalRecordedAt: datetime('2025-09-01T00:00:00+08:00')})-[:CONCERNS]->(k)
                """).execute();
        // Before the listing was recorded, and before the enterprise was.
        assertThat(known("K", "2025-03-05", "2025-03-01").candidates()).isEmpty();
        assertThat(known("K", "2025-03-05", "2024-12-01").found()).isFalse();
        // Known listed, its removal (credit repair, effective 1 June) recorded only on 1 September.
        CheckRows before = known("K", "2025-07-01", "2025-08-01");
        assertThat(reaches(before)).containsExactly("SELF:0");
        assertThat(before.candidates().get(0).trigger().removedAt()).isNull();
        // The branch link's end (1 May) was recorded on 1 October: until then it still carried the listing, open-ended.
        CheckRows branch = known("KB", "2025-07-01", "2025-08-01");
        assertThat(reaches(branch)).containsExactly("BRANCHES:1");
        assertThat(branch.candidates().get(0).links().get(0).validTo()).isNull();
        // Knowing everything (and knowing now) the removal and the end count.
        assertThat(known("K", "2025-07-01", null).candidates()).isEmpty();
        assertThat(known("K", "2025-07-01", "2025-12-01").candidates()).isEmpty();
        assertThat(known("KB", "2025-07-01", "2025-12-01").candidates()).isEmpty();
        CheckRows then = known("KB", "2025-04-01", "2025-12-01");
        assertThat(then.candidates().get(0).trigger().removedAt()).isAtSameInstantAs(OffsetDateTime.parse("2025-06-01T00:00:00+08:00"));
        assertThat(then.candidates().get(0).links().get(0).validTo()).isEqualTo(LocalDate.parse("2025-05-01"));
    }
}
