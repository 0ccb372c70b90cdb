package org.supervisionhub.api.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.api.sampling.Vdraw1.Ranked;
import org.supervisionhub.api.sampling.Vdraw1.Stratum;

/**
 * Fairness of {@code vdraw-1} (steps 8 to 10): over many draws, every candidate of a stratum is selected equally
 * often, and equally often first. The secrets are fixed ({@code SHA-256("fairness-" + i)}), so the statistics are
 * the same on every run: the test cannot flake.
 */
class FairnessTest {

    static final int DRAWS = 2000;
    static final int N = 50;
    static final String RATIO = "0.2"; // k = ceil(50 * 0.2) = 10
    static final int K = 10;
    static final String TASK = "T-FAIRNESS";

    /**
     * Upper 0.1 % point of the chi-square distribution with 49 degrees of freedom:
     * {@code python3 -c "from scipy.stats import chi2; print(chi2.isf(0.001, 49))"} gives 85.35056460859305 (SciPy 1.17.1).
     */
    static final double CHI2_CRITICAL_DF49_ALPHA_0_001 = 85.35056460859305;

    static final List<Candidate> POOL = new ArrayList<>();
    static final Map<String, Integer> SELECTED = new HashMap<>();
    static final Map<String, Integer> FIRST = new HashMap<>();

    @BeforeAll
    static void drawMany() throws Exception {
        for (int i = 0; i < N; i++) {
            POOL.add(new Candidate(String.format("91430100FAIR%06d", i), "ALL"));
        }
        List<Candidate> canonical = Vdraw1.canonical(POOL);
        String digest = Vdraw1.poolDigest(canonical);
        Map<String, BigDecimal> ratios = Map.of("ALL", new BigDecimal(RATIO));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < DRAWS; i++) {
            byte[] secret = sha.digest(("fairness-" + i).getBytes(StandardCharsets.UTF_8));
            byte[] seed = Vdraw1.seed(secret, TASK, digest, "");
            Stratum s = Vdraw1.draw(canonical, ratios, seed).get("ALL");
            assertEquals(K, s.quota());
            List<Ranked> selected = s.selected();
            selected.forEach(r -> SELECTED.merge(r.id(), 1, Integer::sum));
            FIRST.merge(selected.get(0).id(), 1, Integer::sum);
            if (i % 250 == 0) {
                // Spot check against the independent implementation.
                List<String[]> pairs = canonical.stream().map(c -> new String[] {c.uscc(), c.stratum()}).toList();
                List<String> expected = IndependentVerifier.orderedStrata(pairs, Vdraw1.hex(seed)).get("ALL").subList(0, K);
                assertEquals(expected, selected.stream().map(Ranked::id).toList(), "draw " + i);
            }
        }
    }

    /** Pearson's statistic of the counts against the uniform expectation. */
    static double chiSquare(Map<String, Integer> counts, double expected) {
        double x2 = 0;
        for (Candidate c : POOL) {
            double d = counts.getOrDefault(c.uscc(), 0) - expected;
            x2 += d * d / expected;
        }
        return x2;
    }

    @Test
    void everyCandidateIsSelectedEquallyOften() {
        double expected = (double) DRAWS * K / N; // 400
        assertEquals(DRAWS * K, SELECTED.values().stream().mapToInt(Integer::intValue).sum());
        double x2 = chiSquare(SELECTED, expected);
        // Each draw takes K of N without replacement, so the counts vary less than multinomial ones: X2 is distributed as
        // (N - K) / (N - 1) * chi2(N - 1). The rescaled statistic is the exact chi2(N - 1) one; both are checked.
        double rescaled = x2 * (N - 1) / (N - K);
        System.out.printf("vdraw-1 fairness: selection counts over %d draws of %d of %d: X2 = %.4f, rescaled for sampling without "
                + "replacement = %.4f (df = %d, critical value at alpha 0.001 = %.4f); min %d, max %d, expected %.0f%n", DRAWS, K, N, x2,
                rescaled, N - 1, CHI2_CRITICAL_DF49_ALPHA_0_001, min(SELECTED), max(SELECTED), expected);
        assertTrue(x2 < CHI2_CRITICAL_DF49_ALPHA_0_001, "X2 = " + x2);
        assertTrue(rescaled < CHI2_CRITICAL_DF49_ALPHA_0_001, "rescaled X2 = " + rescaled);
    }

    @Test
    void everyCandidateIsDrawnFirstEquallyOften() {
        double expected = (double) DRAWS / N; // 40
        assertEquals(DRAWS, FIRST.values().stream().mapToInt(Integer::intValue).sum());
        double x2 = chiSquare(FIRST, expected);
        System.out.printf("vdraw-1 fairness: draw order 1 over %d draws of %d candidates: X2 = %.4f (df = %d, critical value at alpha "
                + "0.001 = %.4f); min %d, max %d, expected %.0f%n", DRAWS, N, x2, N - 1, CHI2_CRITICAL_DF49_ALPHA_0_001, min(FIRST), max(FIRST),
                expected);
        assertTrue(x2 < CHI2_CRITICAL_DF49_ALPHA_0_001, "X2 = " + x2);
    }

    static int min(Map<String, Integer> counts) {
        return POOL.stream().mapToInt(c -> counts.getOrDefault(c.uscc(), 0)).min().orElse(0);
    }

    static int max(Map<String, Integer> counts) {
        return POOL.stream().mapToInt(c -> counts.getOrDefault(c.uscc(), 0)).max().orElse(0);
    }
}
