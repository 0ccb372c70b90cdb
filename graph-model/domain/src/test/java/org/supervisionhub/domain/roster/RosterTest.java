package org.supervisionhub.domain.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supervisionhub.domain.Outcome;

/** The rules of the rosters ({@link InspectorEntry}, {@link RosterChange}), without a database: each test names its rule. */
class RosterTest {

    static final LocalDate TODAY = LocalDate.of(2027, 6, 1);

    static List<String> refusals(List<org.supervisionhub.domain.Violation> vs) {
        return vs.stream().map(v -> v.kind() + " " + v.subject() + " " + v.rule()).toList();
    }

    static InspectorEntry entry(String cert, LocalDate certFrom, LocalDate certTo, LocalDate rosterFrom, LocalDate rosterTo, Integer birthYear) {
        return new InspectorEntry("INS-0001", cert, certFrom, certTo, rosterFrom, rosterTo, birthYear);
    }

    @Test
    void anInspectorHoldsAnEnforcementCertificateWithAValidityPeriodROS13() {
        assertThat(entry("湘执法 001", TODAY.minusYears(1), TODAY.plusYears(1), TODAY, null, 1985).violations(TODAY)).isEmpty();
        assertThat(refusals(entry(" ", null, null, TODAY, null, null).violations(TODAY))).containsExactly("REQUIRED certificateNo ROS-13",
                "REQUIRED certificateValidFrom ROS-13", "REQUIRED certificateValidTo ROS-13");
        assertThat(refusals(entry("C", TODAY, TODAY.minusDays(1), TODAY, null, null).violations(TODAY)))
                .containsExactly("INVALID_VALUE certificateValidTo ROS-13");
    }

    @Test
    void anEntryIsOnTheRosterOverAPeriodAndItsBirthYearIsPlausibleROS09() {
        assertThat(refusals(entry("C", TODAY, TODAY, TODAY, TODAY.minusDays(1), null).violations(TODAY))).containsExactly("INVALID_VALUE onRosterTo null");
        assertThat(refusals(entry("C", TODAY, TODAY, TODAY, null, 1930).violations(TODAY))).containsExactly("INVALID_VALUE birthYear null");
        assertThat(refusals(entry("C", TODAY, TODAY, TODAY, null, TODAY.getYear() - 15).violations(TODAY))).containsExactly("INVALID_VALUE birthYear null");
        assertThat(entry("C", TODAY, TODAY, TODAY, null, TODAY.getYear() - 16).violations(TODAY)).isEmpty();
    }

    @Test
    void aCertificateIsOneInspectorsROS13() {
        InspectorEntry e = entry("C-1", TODAY, TODAY, TODAY, null, null);
        assertThat(e.certificateFree(null)).isEmpty();
        assertThat(e.certificateFree("INS-0001")).isEmpty();
        assertThat(refusals(e.certificateFree("INS-0002"))).containsExactly("CONFLICT certificateNo ROS-13");
    }

    @Test
    void anInspectorIsEligibleWhileCertifiedAndOnTheRosterROS13_ASSIGN02() {
        InspectorEntry e = entry("C", TODAY, TODAY.plusDays(10), TODAY.plusDays(1), TODAY.plusDays(5), null);
        assertThat(e.eligibleOn(TODAY)).as("not on the roster yet").isFalse();
        assertThat(e.eligibleOn(TODAY.plusDays(1))).isTrue();
        assertThat(e.eligibleOn(TODAY.plusDays(4))).isTrue();
        assertThat(e.eligibleOn(TODAY.plusDays(5))).as("onRosterTo is exclusive").isFalse();
        InspectorEntry lapsed = entry("C", TODAY.minusYears(2), TODAY.minusDays(1), TODAY.minusYears(2), null, null);
        assertThat(lapsed.eligibleOn(TODAY.minusDays(1))).as("certificate's last day").isTrue();
        assertThat(lapsed.eligibleOn(TODAY)).isFalse();
    }

    @Test
    void aTargetChangeCountsFromItsDiscoveryWhichIsNotInTheFutureNorBeforeItOccurredROS03() {
        RosterChange c = ((Outcome.Done<RosterChange>) RosterChange.target(TODAY.minusDays(9), TODAY.minusDays(2), TODAY)).value();
        assertThat(c.deadlineFrom()).isEqualTo(TODAY.minusDays(2));
        assertThat(((Outcome.Done<RosterChange>) RosterChange.target(null, null, TODAY)).value().deadlineFrom()).isEqualTo(TODAY);
        assertThat(refusals(RosterChange.target(null, TODAY.plusDays(1), TODAY).violations())).containsExactly("INVALID_VALUE discoveredOn ROS-03");
        assertThat(refusals(RosterChange.target(TODAY.minusDays(1), TODAY.minusDays(2), TODAY).violations()))
                .containsExactly("INVALID_VALUE discoveredOn null");
    }

    @Test
    void anInspectorChangeCountsFromTheDayItOccurredNotInTheFutureROS11() {
        RosterChange c = ((Outcome.Done<RosterChange>) RosterChange.inspector(TODAY.minusDays(3), TODAY)).value();
        assertThat(c.deadlineFrom()).isEqualTo(TODAY.minusDays(3));
        assertThat(c.discoveredOn()).isEqualTo(c.occurredOn());
        assertThat(refusals(RosterChange.inspector(TODAY.plusDays(1), TODAY).violations())).containsExactly("INVALID_VALUE occurredOn ROS-11");
    }
}
