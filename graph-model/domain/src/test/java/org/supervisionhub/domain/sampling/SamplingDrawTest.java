package org.supervisionhub.domain.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.domain.sampling.SamplingPlanTest.done;
import static org.supervisionhub.domain.sampling.SamplingPlanTest.refusals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Every rule {@link SamplingDraw} guards, without a database (the kernel's quota stubbed): each test names the rule it checks. */
class SamplingDrawTest {

    static final TaskId TASK = new TaskId("PLAN-HRSS-430102-2027-T1");
    static final Map<String, BigDecimal> RATIOS = Map.of("A", new BigDecimal("0.1"), "B", new BigDecimal("0.5"));

    static int ceil(int n, BigDecimal r) {
        return new BigDecimal(n).multiply(r).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    static SamplingDraw committed() {
        return done(SamplingDraw.commit(TASK, 2, new TreeMap<>(Map.of("A", 20, "B", 3)), RATIOS, SamplingDrawTest::ceil));
    }

    @Test
    void aCommitFreezesThePoolPerStratumWithItsQuotaDRAW01_DRAW03() {
        SamplingDraw d = committed();
        assertThat(d.id()).isEqualTo(new DrawId("DRW-PLAN-HRSS-430102-2027-T1-B2"));
        assertThat(d.status()).isEqualTo(DrawStatus.COMMITTED);
        assertThat(d.strata()).extracting(s -> s.label() + " " + s.size() + " " + s.quota()).containsExactly("A 20 2", "B 3 2");
        assertThat(d.revealsSecret()).isFalse();
        assertThat(refusals(SamplingDraw.commit(TASK, 1, Map.of(), RATIOS, SamplingDrawTest::ceil))).as("an empty pool")
                .containsExactly("INVALID_VALUE id DRAW-01");
    }

    @Test
    void everyStratumOfThePoolHasARatioDRAW08() {
        assertThat(refusals(SamplingDraw.commit(TASK, 1, new TreeMap<>(Map.of("A", 2, "UNCLASSIFIED", 1)), RATIOS, SamplingDrawTest::ceil)))
                .containsExactly("INVALID_VALUE id DRAW-08");
    }

    @Test
    void aDrawIsExecutedOnceDRAW01() {
        SamplingDraw executed = done(committed().execute(null));
        assertThat(executed.status()).isEqualTo(DrawStatus.EXECUTED);
        assertThat(executed.entropy()).isEmpty();
        assertThat(executed.revealsSecret()).isTrue();
        assertThat(refusals(executed.execute("again"))).containsExactly("ILLEGAL_TRANSITION id DRAW-01");
        assertThat(refusals(committed().execute("x".repeat(SamplingDraw.MAX_ENTROPY + 1)))).containsExactly("INVALID_VALUE entropy null");
        assertThat(done(committed().execute("x".repeat(SamplingDraw.MAX_ENTROPY))).entropy()).hasSize(SamplingDraw.MAX_ENTROPY);
    }

    @Test
    void aSelectedTargetIsReplacedByTheNextUnusedReserveOfItsStratumDRAW02() {
        assertThat(committed().replaceable("E1", true, true)).as("before execution").extracting(v -> v.kind() + " " + v.subject() + " " + v.rule())
                .containsExactly("ILLEGAL_TRANSITION id DRAW-02");
        SamplingDraw executed = done(committed().execute("e"));
        assertThat(executed.replaceable("E1", true, true)).isEmpty();
        assertThat(executed.replaceable("E9", false, false)).extracting(v -> v.kind() + " " + v.subject() + " " + v.rule())
                .containsExactly("NOT_FOUND uscc DRAW-02");
        assertThat(executed.replaceable("E1", true, false)).as("already replaced").extracting(v -> v.kind() + " " + v.rule())
                .containsExactly("NOT_FOUND DRAW-02");
        List<String> reserve = List.of("R1", "R2");
        assertThat(done(executed.replacement("A", reserve, Set.of()))).isZero();
        assertThat(done(executed.replacement("A", reserve, Set.of("R1")))).isEqualTo(1);
        assertThat(refusals(executed.replacement("A", reserve, Set.of("R1", "R2")))).containsExactly("RESERVE_EXHAUSTED uscc DRAW-02");
    }

    @Test
    void inspectorsAreMatchedToSelectedTargetsASSIGN01() {
        assertThat(committed().assignable()).extracting(v -> v.rule()).containsExactly("ASSIGN-01");
        assertThat(done(committed().execute("e")).assignable()).isEmpty();
    }
}
