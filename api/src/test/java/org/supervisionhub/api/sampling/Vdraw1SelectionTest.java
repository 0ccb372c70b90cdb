package org.supervisionhub.api.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.api.sampling.Vdraw1.Ranked;
import org.supervisionhub.api.sampling.Vdraw1.Selection;
import org.supervisionhub.api.sampling.Vdraw1.Stratum;

/**
 * The fast paths a draw takes (vdraw-1 steps 2, 9 and 10 over the stored {@code L}) give exactly what
 * {@link Vdraw1#poolDigest} and {@link Vdraw1#draw} give, which {@link Vdraw1VectorsTest} pins to OpenSSL's values.
 */
class Vdraw1SelectionTest {

    @Test
    void step2_digestOfStoredLines_isThePoolDigest() {
        // vdraw-1 step 2: L as stored, cut in chunks anywhere at a line end, hashes to the published digest.
        List<Candidate> canonical = Vdraw1.canonical(Vdraw1VectorsTest.candidates(Vdraw1VectorsTest.POOL));
        for (int perChunk : new int[] {1, 5, 12, 50}) {
            List<byte[]> lines = Vdraw1.lines(canonical, perChunk);
            assertEquals(Vdraw1VectorsTest.POOL_DIGEST, Vdraw1.poolDigestOfLines(lines), "chunks of " + perChunk);
            assertEquals(canonical, Vdraw1.candidates(lines), "chunks of " + perChunk);
        }
        assertEquals(Vdraw1.poolDigest(List.of()), Vdraw1.poolDigestOfLines(Vdraw1.lines(List.of(), 10)));
    }

    @Test
    void step2_sortedPartsMerged_areTheCanonicalOrder_andACandidateInTwoPartsIsRefused() {
        // vdraw-1 step 2: the pool read in parts of regions, each sorted, merges into the same canonical order.
        List<Candidate> pool = Vdraw1VectorsTest.candidates(Vdraw1VectorsTest.POOL);
        List<Candidate[]> parts = new ArrayList<>();
        for (int i = 0; i < pool.size(); i += 5) {
            Candidate[] part = pool.subList(i, Math.min(pool.size(), i + 5)).toArray(Candidate[]::new);
            java.util.Arrays.sort(part, Vdraw1.BY_USCC);
            parts.add(part);
        }
        assertEquals(Vdraw1.canonical(pool), Vdraw1.canonicalOfSorted(parts));
        assertEquals(Vdraw1VectorsTest.POOL_DIGEST, Vdraw1.poolDigest(Vdraw1.canonicalOfSorted(parts)));
        assertEquals(List.of(), Vdraw1.canonicalOfSorted(List.of()));
        parts.add(new Candidate[] {pool.get(3)});
        assertThrows(IllegalArgumentException.class, () -> Vdraw1.canonicalOfSorted(parts));
    }

    @Test
    void step10_selectionFromStoredLines_isTheVectorsSelection() {
        // vdraw-1 steps 9 and 10 on the vectors' pool: k_A = 2, k_B = 2, k_C = 1.
        List<Candidate> canonical = Vdraw1.canonical(Vdraw1VectorsTest.candidates(Vdraw1VectorsTest.POOL));
        Map<String, Selection> selected = Vdraw1.select(Vdraw1.lines(canonical, 5), Vdraw1VectorsTest.RATIOS, Vdraw1VectorsTest.seed());
        assertEquals(List.of("A", "B", "C"), List.copyOf(selected.keySet()));
        assertEquals(Vdraw1VectorsTest.ORDER_A.subList(0, 2), Vdraw1VectorsTest.ids(selected.get("A").selected()));
        assertEquals(Vdraw1VectorsTest.ORDER_B.subList(0, 2), Vdraw1VectorsTest.ids(selected.get("B").selected()));
        assertEquals(Vdraw1VectorsTest.ORDER_C.subList(0, 1), Vdraw1VectorsTest.ids(selected.get("C").selected()));
        assertEquals(5, selected.get("A").size());
        assertEquals(2, selected.get("A").quota());
        selected.values().forEach(s -> s.selected().forEach(r ->
                assertEquals(Vdraw1VectorsTest.TARGET_RANKS.get(r.id()), Vdraw1.hex(r.rank()), r.id())));
    }

    @Test
    void step10_selectionFromStoredLines_equalsTheFullDraw_onLargePools() {
        // vdraw-1 steps 3, 9 and 10: same strata, sizes, quotas, selected candidates, order and ranks as draw().
        Random random = new Random(20261205);
        List<String> labels = List.of("A", "B", "C", "D", "UNCLASSIFIED", "COMPLAINTS");
        Map<String, BigDecimal> ratios = Map.of("A", new BigDecimal("0.05"), "B", new BigDecimal("0.05"), "C", new BigDecimal("0.3"),
                "D", new BigDecimal("1"), "UNCLASSIFIED", new BigDecimal("0"), "COMPLAINTS", new BigDecimal("0.001"));
        for (int round = 0; round < 4; round++) {
            List<Candidate> pool = new ArrayList<>();
            int n = 5_000 + random.nextInt(20_000);
            for (int i = 0; i < n; i++) {
                String stratum = labels.get(i % 7 == 0 ? 3 + random.nextInt(3) : random.nextInt(3));
                pool.add(new Candidate(String.format("9143%014d", random.nextLong(100_000_000_000_000L)) + (char) ('A' + i % 26), stratum));
            }
            List<Candidate> canonical = Vdraw1.canonical(pool);
            byte[] seed = Vdraw1.seed(Vdraw1.newSecret(), "T-SELECT", Vdraw1.poolDigest(canonical), "round " + round);
            Map<String, Stratum> full = Vdraw1.draw(canonical, ratios, seed);
            Map<String, Selection> fast = Vdraw1.select(Vdraw1.lines(canonical, 1_000 + random.nextInt(3_000)), ratios, seed);
            assertEquals(List.copyOf(full.keySet()), List.copyOf(fast.keySet()), "round " + round);
            full.forEach((label, s) -> {
                Selection f = fast.get(label);
                assertEquals(s.size(), f.size(), label);
                assertEquals(s.quota(), f.quota(), label);
                assertEquals(s.ratio(), f.ratio(), label);
                assertEquals(Vdraw1VectorsTest.ids(s.selected()), Vdraw1VectorsTest.ids(f.selected()), label);
                for (int i = 0; i < s.quota(); i++) {
                    assertArrayEquals(s.selected().get(i).rank(), f.selected().get(i).rank(), label + " " + i);
                    assertEquals(s.selected().get(i).stratum(), f.selected().get(i).stratum(), label + " " + i);
                }
            });
        }
    }

    @Test
    void step10_equalHeads_areOrderedByTheWholeKeyThenTheIdentifier() {
        // vdraw-1 step 10 and the notation's tie rule: only candidates within the quota-th head are ordered in full.
        byte[] low = rank(0x10, 0x01);
        byte[] high = rank(0x10, 0x02);
        List<Ranked> within = List.of(Vdraw1.ranked("U3", "A", high), Vdraw1.ranked("U2", "A", low), Vdraw1.ranked("U1", "A", low));
        assertEquals(List.of("U1", "U2"), Vdraw1VectorsTest.ids(Vdraw1.firstByRank(within, 2)));
        assertEquals(List.of("U1", "U2", "U3"), Vdraw1VectorsTest.ids(Vdraw1.firstByRank(within, 3)));
    }

    @Test
    void step9_strataWithoutRatio_areRefused() {
        List<Candidate> canonical = Vdraw1.canonical(List.of(new Candidate("91430100MA4L000001", "A"), new Candidate("91430100MA4L000002", "Z")));
        assertThrows(IllegalArgumentException.class,
                () -> Vdraw1.select(Vdraw1.lines(canonical, 10), Map.of("A", BigDecimal.ONE), Vdraw1VectorsTest.seed()));
    }

    @Test
    void step9_keyedRanker_isHmacSha256_forKeysOfEveryLength() throws Exception {
        // RFC 2104: keys longer than the block are hashed first; shorter ones are zero-padded.
        for (int length : new int[] {0, 1, 32, 63, 64, 65, 100}) {
            byte[] key = new byte[length];
            new Random(length).nextBytes(key);
            byte[] uscc = "91430100MA4L000007".getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[40];
            new Vdraw1.TargetRanker(key).rank(uscc, 0, uscc.length, out, 8);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            // An empty key is the all-zero padded block, as is a key of one zero byte (SecretKeySpec refuses empty keys).
            mac.init(new javax.crypto.spec.SecretKeySpec(length == 0 ? new byte[1] : key, "HmacSHA256"));
            assertArrayEquals(mac.doFinal("target|91430100MA4L000007".getBytes(StandardCharsets.UTF_8)),
                    java.util.Arrays.copyOfRange(out, 8, 40), "key of " + length + " bytes");
        }
    }

    @Test
    void amendment1_memberDigests_hashEachStratumsUsccLinesInOrder() {
        // vdraw-1 Amendment 1: hex(SHA256(members' USCC + "\n", sorted byte-wise ascending)), per label.
        List<Candidate> canonical = Vdraw1.canonical(Vdraw1VectorsTest.candidates(Vdraw1VectorsTest.POOL));
        List<String> expected = new ArrayList<>();
        for (String label : List.of("C", "A", "B")) {
            StringBuilder text = new StringBuilder();
            canonical.stream().filter(c -> c.stratum().equals(label)).forEach(c -> text.append(c.uscc()).append('\n'));
            expected.add(IndependentVerifier.toHex(IndependentVerifier.sha256(IndependentVerifier.utf8(text.toString()))));
        }
        assertEquals(expected, StratumDisclosure.memberDigests(List.of("C", "A", "B"), canonical));
    }

    private static byte[] rank(int first, int last) {
        byte[] r = new byte[32];
        r[0] = (byte) first;
        r[31] = (byte) last;
        return r;
    }
}
