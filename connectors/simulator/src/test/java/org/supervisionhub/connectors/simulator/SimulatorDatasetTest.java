package org.supervisionhub.connectors.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supervisionhub.connectors.simulator.market.model.Change;
import org.supervisionhub.connectors.simulator.market.model.Enterprise;
import org.supervisionhub.connectors.simulator.market.model.Shareholder;

/** The simulator's datasets: what a consumer replaying the feed ends with, how the lists grow, and the fault switches. */
class SimulatorDatasetTest {

    @Test
    void replayingTheFeedInOrderEndsAtEachSubjectsSnapshotAtTheHead() {
        MarketDataset market = new MarketDataset(7, 50);
        long head = market.advance(400);
        Map<String, Enterprise> replayed = new HashMap<>();
        for (long seq = 1; seq <= head; seq++) {
            Change c = market.change(seq);
            replayed.put(c.getUscc(), c.getEnterprise());
        }
        assertThat(replayed).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(replayed.get(market.uscc(i))).isEqualTo(market.snapshot(i, head));
            assertThat(replayed.get(market.uscc(i)).getVersion()).isEqualTo(1 + market.changesOf(i).size());
        }
        assertThat(new MarketDataset(7, 50).snapshot(3, 3)).as("the same seed, the same subject").isEqualTo(market.snapshot(3, 3));
    }

    @Test
    void everyFifthCompanyFromTheTenthIsAlsoHeldByTheCompanyTenBeforeAndBranchesHaveNoHolders() {
        MarketDataset market = new MarketDataset(7, 50);
        List<Shareholder> held = market.snapshot(20, 20).getShareholders();
        assertThat(held).extracting(Shareholder::getKind).containsExactly(Shareholder.KindEnum.PERSON, Shareholder.KindEnum.ENTERPRISE);
        assertThat(held.get(1).getKey()).isEqualTo(market.uscc(10));
        assertThat(held.stream().mapToDouble(h -> Double.parseDouble(h.getSharePercent())).sum()).isEqualTo(100.0);
        assertThat(market.snapshot(21, 21).getShareholders()).singleElement().extracting(Shareholder::getSharePercent).isEqualTo("100");
        assertThat(market.snapshot(19, 19).getParentUscc()).isEqualTo(market.uscc(18));
        assertThat(market.snapshot(19, 19).getShareholders()).isNullOrEmpty();
    }

    @Test
    void theListsAndGradesGrowOnlyAsTheRegistryAdvancesAndEarlierItemsStayAsTheyWere() {
        MarketDataset market = new MarketDataset(7, 300);
        ListsDataset lists = new ListsDataset(market);
        long tax = lists.taxItems();
        long credit = lists.creditItems();
        long grades = lists.gradeItems();
        assertThat(grades).isEqualTo(300);
        var firstTax = lists.tax(1);
        market.advance(2000);
        assertThat(lists.taxItems()).isGreaterThan(tax);
        assertThat(lists.creditItems()).isGreaterThan(credit);
        assertThat(lists.gradeItems()).isGreaterThan(grades);
        assertThat(lists.tax(1)).isEqualTo(firstTax);
        assertThat(lists.tax(tax + 1).getCaseId()).startsWith("TAX-C");
        assertThat(lists.grade(grades + 1).getYear()).as("a re-assessment of a 2025 grade").isEqualTo(2025);
    }

    @Test
    void aFaultSwitchLeftOutIsOffAndAnUnknownOrOutOfRangeOneIsRefused() {
        assertThat(Faults.of(Map.of("outage", true))).isEqualTo(new Faults.Settings(0, 0, 0, true, 0, 0, 0));
        assertThat(Faults.of(Map.of("errorRate", 0.3, "latencyMs", 20))).isEqualTo(new Faults.Settings(0.3, 20, 0, false, 0, 0, 0));
        assertThatThrownBy(() -> Faults.of(Map.of("outge", true))).hasMessageContaining("unknown switches [outge]");
        assertThatThrownBy(() -> Faults.of(Map.of("errorRate", "high"))).hasMessageContaining("errorRate is a number");
        Faults faults = new Faults(1L);
        assertThatThrownBy(() -> faults.set(new Faults.Settings(1.5, 0, 0, false, 0, 0, 0))).hasMessageContaining("rates are in [0, 1]");
        assertThat(faults.settings().errorRate()).as("unchanged").isZero();
    }

    @Test
    void faultDrawsAreFixedByTheSeedAndStartAgainWhenTheSwitchesAreSet() {
        Faults one = new Faults(42L);
        Faults same = new Faults(42L);
        java.util.List<Double> first = java.util.stream.Stream.generate(one::draw).limit(20).toList();
        assertThat(java.util.stream.Stream.generate(same::draw).limit(20).toList()).isEqualTo(first);
        assertThat(java.util.stream.Stream.generate(new Faults(7L)::draw).limit(20).toList()).isNotEqualTo(first);
        one.set(new Faults.Settings(0.3, 0, 0, false, 0, 0, 0));
        assertThat(java.util.stream.Stream.generate(one::draw).limit(20).toList()).as("the sequence again after a switch").isEqualTo(first);
    }
}
