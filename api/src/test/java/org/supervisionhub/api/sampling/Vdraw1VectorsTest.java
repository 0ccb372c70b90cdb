package org.supervisionhub.api.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.api.sampling.Vdraw1.Pick;
import org.supervisionhub.api.sampling.Vdraw1.Ranked;
import org.supervisionhub.api.sampling.Vdraw1.Skip;
import org.supervisionhub.api.sampling.Vdraw1.Stratum;

/**
 * Fixed test vectors for every step of {@code vdraw-1} ({@code docs/specs/verifiable-draw-v1.md}). Expected hex
 * values were computed outside Java with OpenSSL 3.0.19 (the command is next to each value); decimal expectations with
 * python3's {@code decimal} module. Each test checks {@link Vdraw1} against those values and against
 * {@link IndependentVerifier}, which shares no code with it.
 */
class Vdraw1VectorsTest {

    static final String SECRET = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String TASK = "T-2026-0042";
    static final String ENTROPY = "beacon:4711:9f86d081884c7d65";

    /** Twelve candidates in three strata, deliberately not in USCC order. */
    static final List<String[]> POOL = IndependentVerifier.pairs(
            "91430100MA4L000007", "C",
            "91430100MA4L000002", "A",
            "91430100MA4L000011", "B",
            "91430100MA4L000001", "B",
            "91430100MA4L000012", "A",
            "91430100MA4L000005", "B",
            "91430100MA4L000009", "A",
            "91430100MA4L000003", "C",
            "91430100MA4L000010", "C",
            "91430100MA4L000006", "A",
            "91430100MA4L000004", "A",
            "91430100MA4L000008", "B");
    static final Map<String, BigDecimal> RATIOS = Map.of("A", new BigDecimal("0.3"), "B", new BigDecimal("0.5"), "C", new BigDecimal("0.1"));

    // printf '91430100MA4L000001,B\n91430100MA4L000002,A\n91430100MA4L000003,C\n91430100MA4L000004,A\n91430100MA4L000005,B\n
    //   91430100MA4L000006,A\n91430100MA4L000007,C\n91430100MA4L000008,B\n91430100MA4L000009,A\n91430100MA4L000010,C\n
    //   91430100MA4L000011,B\n91430100MA4L000012,A\n' | openssl dgst -sha256          (one printf argument, no line breaks)
    static final String POOL_DIGEST = "d53fb97fd6d42f1a0f0c07ad1034f47110fe4a9b221698db0898261e5c8f0c1f";

    // S=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
    // printf '%s' "vdraw-1|T-2026-0042|d53fb97fd6d42f1a0f0c07ad1034f47110fe4a9b221698db0898261e5c8f0c1f|" \
    //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$S
    static final String SEED = "1516e880098c4033124e1294449762e5119942d80a66f6bbadb411d773f9d21e";

    // printf '%s' "vdraw-1|T-2026-0042|d53fb97fd6d42f1a0f0c07ad1034f47110fe4a9b221698db0898261e5c8f0c1f|beacon:4711:9f86d081884c7d65" \
    //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$S
    static final String SEED_WITH_ENTROPY = "8ab23131731aa3c7751d5a4f6506d01b5065f315190ec177c68dac26c7edb18a";

    /** for u in ...; do printf '%s' "target|$u" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED; done */
    static final Map<String, String> TARGET_RANKS = Map.ofEntries(
            Map.entry("91430100MA4L000001", "810dc9faaf0694d166324317c96c0021a665690e4e93aec0e21c97bce793df35"),
            Map.entry("91430100MA4L000002", "0851cfbea2088143b7bff28deaead2c5bdbc355d416361cfc0a3845a00d4920e"),
            Map.entry("91430100MA4L000003", "127bd0d52955bf3b271ae89e22799a714074c34a4747dc05fb14b30ad3da0bd2"),
            Map.entry("91430100MA4L000004", "d6bab7a2b01fd23876c8af3d2a1fba7cdd6b69ce715a06e496a1512385191963"),
            Map.entry("91430100MA4L000005", "95d4651e9df0e3fb55d50900cbdb739d9ebe6e7fce4a3075d32d82462738c92e"),
            Map.entry("91430100MA4L000006", "c04f141b2974c30541b4ff550b19e87d5044c38263a9bc7a9694862c7e4efed4"),
            Map.entry("91430100MA4L000007", "019f53396c15b21669aac2a4dfcfba606caeea5af0dcf4df4f705affa73ce2f4"),
            Map.entry("91430100MA4L000008", "84b52512fe18bf8d2c93db9b287cee83e43b9b6150b897263ce62ac8e78158f4"),
            Map.entry("91430100MA4L000009", "7cad8af3f868c933206e64afa5e8faf93f217af08471fc0bd3b47cf531212a1a"),
            Map.entry("91430100MA4L000010", "730f66da4279c23b9ab72bfea8735bfed8a23c4a511129183fbfdae2bfefbcc9"),
            Map.entry("91430100MA4L000011", "b5bed2e6b7e79a106cbe5461a6ef57f2b3524eadf629d33c9e419029b817346b"),
            Map.entry("91430100MA4L000012", "0e3fe6dba0df7238c88fb1fff211461312b5b82ff41e307a2f64e85923100a50"));

    /** Each stratum sorted by the hex ranks above ({@code LC_ALL=C sort}, which is unsigned big-endian order for fixed-width hex). */
    static final List<String> ORDER_A = List.of("91430100MA4L000002", "91430100MA4L000012", "91430100MA4L000009", "91430100MA4L000006",
            "91430100MA4L000004");
    static final List<String> ORDER_B = List.of("91430100MA4L000001", "91430100MA4L000008", "91430100MA4L000005", "91430100MA4L000011");
    static final List<String> ORDER_C = List.of("91430100MA4L000007", "91430100MA4L000003", "91430100MA4L000010");

    static final List<String> INSPECTORS = List.of("INS-001", "INS-002", "INS-003", "INS-004", "INS-005", "INS-006", "INS-007", "INS-008");

    /** for p in INS-00{1..8}; do printf '%s' "inspector|91430100MA4L000007|$p" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED; done */
    static final Map<String, String> INSPECTOR_RANKS_07 = Map.of(
            "INS-001", "eafa472c7a50cea72258ba7209dd0e2e02ab61853cc58b18ebdb7517515344ca",
            "INS-002", "a543efab787b5dca57a2fff1fb3cb56d09afa2f33a96bb4d8b2f379c7c1366e1",
            "INS-003", "7401be74543db60a1ee1ec93875273f6aafcaafb0203510137a15819966141a4",
            "INS-004", "63b617fb0848d506dd1066d86bf0bb0ce9e42df49e4087ac38d5172ffc9d0061",
            "INS-005", "61eb5b1523f348b0159753d55d97209e9e14738fd78ef95d5c76d07fed7ee2a4",
            "INS-006", "97fd3194bbe2ae242ad9f639988f7e84f1f9f3dbdd64c774cb1fcd17ddeb3e3b",
            "INS-007", "b2ca2fb5fbe58b9c8eb84f9df308fb63e81db18f3b06139001d7513089b675ee",
            "INS-008", "fb1a973a756482579d118575cada4a156e3d6e71d3418fa7f1fc94bd5ab758ec");
    /** The ranks above, sorted. */
    static final List<String> INSPECTOR_ORDER_07 = List.of("INS-005", "INS-004", "INS-003", "INS-006", "INS-002", "INS-007", "INS-001", "INS-008");
    /**
     * for p in INS-00{1..8}; do printf '%s' "inspector|91430100MA4L000002|$p" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED; done
     * sorted: 32e975cd… INS-004, 618de7ff… INS-002, aace6eaa… INS-001, b7b80390… INS-006, cdfd447c… INS-008, d369cf93… INS-003,
     * dd98ca94… INS-005, e35e2395… INS-007
     */
    static final List<String> INSPECTOR_ORDER_02 = List.of("INS-004", "INS-002", "INS-001", "INS-006", "INS-008", "INS-003", "INS-005", "INS-007");

    static List<Candidate> candidates(List<String[]> pairs) {
        return pairs.stream().map(p -> new Candidate(p[0], p[1])).toList();
    }

    static byte[] seed() {
        return Vdraw1.unhex(SEED);
    }

    static List<String> reversed(List<String> list) {
        List<String> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    static List<String> ids(List<Ranked> ranked) {
        return ranked.stream().map(Ranked::id).toList();
    }

    // ---- steps 1 and 2: the frozen pool and its digest

    @Test
    void step2_poolDigest_ofUnsortedPoolWithThreeStrata() {
        // vdraw-1 step 2
        List<Candidate> canonical = Vdraw1.canonical(candidates(POOL));
        assertEquals(List.of("91430100MA4L000001", "91430100MA4L000002", "91430100MA4L000003", "91430100MA4L000004", "91430100MA4L000005",
                "91430100MA4L000006", "91430100MA4L000007", "91430100MA4L000008", "91430100MA4L000009", "91430100MA4L000010",
                "91430100MA4L000011", "91430100MA4L000012"), canonical.stream().map(Candidate::uscc).toList());
        assertEquals("91430100MA4L000001,B\n", Vdraw1.line(canonical.get(0)));
        assertEquals(POOL_DIGEST, Vdraw1.poolDigest(canonical));
        assertEquals(POOL_DIGEST, IndependentVerifier.poolDigest(POOL));
    }

    @Test
    void step2_poolDigest_sortsBytewiseAndEncodesStratumLabelAsUtf8() {
        // vdraw-1 step 2: digits (0x30..0x39) sort before letters; a Chinese stratum label is hashed as UTF-8 bytes.
        // printf '914301000000000001,高风险\n9143010000000000A1,ALL\n91430100MA4L00000X,B\n' | openssl dgst -sha256   (UTF-8 terminal)
        String expected = "e24e1a910c820fef6302fe724a12e1ed7253e0ee6ff47919269892f55d527313";
        List<String[]> pool = IndependentVerifier.pairs("91430100MA4L00000X", "B", "9143010000000000A1", "ALL", "914301000000000001", "高风险");
        List<Candidate> canonical = Vdraw1.canonical(candidates(pool));
        assertEquals(List.of("914301000000000001", "9143010000000000A1", "91430100MA4L00000X"), canonical.stream().map(Candidate::uscc).toList());
        assertEquals(expected, Vdraw1.poolDigest(canonical));
        assertEquals(expected, IndependentVerifier.poolDigest(pool));
    }

    @Test
    void step2_poolDigest_ofEmptyPool() {
        // vdraw-1 step 2: L is empty. printf '' | openssl dgst -sha256
        String expected = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertEquals(expected, Vdraw1.poolDigest(Vdraw1.canonical(List.of())));
        assertEquals(expected, IndependentVerifier.poolDigest(List.of()));
    }

    // ---- step 3: quotas on exact decimals

    @Test
    void step3_quota_ceilOnExactDecimals() {
        // vdraw-1 step 3. Expected: python3 -c "from decimal import *; print(min(n, int((Decimal(n)*Decimal(r)).to_integral_value(ROUND_CEILING))))"
        // Note 100 * 0.07 in binary float is 7.000000000000001, whose ceil is 8: the exact decimal gives 7.
        Object[][] cases = {
                {3, "0.1", 1}, {10, "0.3", 3}, {7, "0.15", 2}, {100, "0.07", 7}, {0, "0.3", 0}, {0, "1", 0}, {17, "1", 17},
                {17, "1.00", 17}, {5, "0.3", 2}, {4, "0.5", 2}, {1200, "0.03", 36}, {9, "0", 0}, {1, "0.001", 1}, {33, "0.33", 11},
        };
        for (Object[] c : cases) {
            int n = (int) c[0];
            String r = (String) c[1];
            int k = (int) c[2];
            assertEquals(k, Vdraw1.quota(n, new BigDecimal(r)), "production quota(" + n + ", " + r + ")");
            assertEquals(k, IndependentVerifier.quota(n, r), "independent quota(" + n + ", " + r + ")");
        }
    }

    // ---- step 5: commitment

    @Test
    void step5_commitment_isSha256OfSecretBytes() {
        // vdraw-1 step 5. printf '%s' 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f | xxd -r -p | openssl dgst -sha256
        String expected = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";
        assertEquals(expected, Vdraw1.commitment(Vdraw1.unhex(SECRET)));
        assertEquals(expected, IndependentVerifier.commitment(SECRET));
        assertEquals(32, Vdraw1.newSecret().length, "vdraw-1 step 4: a 32-byte secret");
    }

    // ---- step 8: seed

    @Test
    void step8_seed_withoutEntropy() {
        // vdraw-1 steps 7 and 8: absent entropy is the empty string
        assertEquals(SEED, Vdraw1.hex(Vdraw1.seed(Vdraw1.unhex(SECRET), TASK, POOL_DIGEST, "")));
        assertEquals(SEED, Vdraw1.hex(Vdraw1.seed(Vdraw1.unhex(SECRET), TASK, POOL_DIGEST, null)));
        assertEquals(SEED, IndependentVerifier.seedHex(SECRET, TASK, POOL_DIGEST, ""));
    }

    @Test
    void step8_seed_withEntropy() {
        // vdraw-1 steps 7 and 8
        assertEquals(SEED_WITH_ENTROPY, Vdraw1.hex(Vdraw1.seed(Vdraw1.unhex(SECRET), TASK, POOL_DIGEST, ENTROPY)));
        assertEquals(SEED_WITH_ENTROPY, IndependentVerifier.seedHex(SECRET, TASK, POOL_DIGEST, ENTROPY));
    }

    // ---- step 9: target ranks

    @Test
    void step9_targetRank_ofEveryCandidate() {
        // vdraw-1 step 9
        TARGET_RANKS.forEach((u, rank) -> {
            assertEquals(rank, Vdraw1.hex(Vdraw1.targetRank(seed(), u)), u);
            assertEquals(rank, IndependentVerifier.targetRankHex(SEED, u), u);
        });
        for (Ranked r : Vdraw1.rankAll(candidates(POOL), seed())) {
            assertEquals(TARGET_RANKS.get(r.id()), Vdraw1.hex(r.rank()), "rankAll " + r.id());
        }
    }

    @Test
    void step9_targetRank_underSeedWithEntropy() {
        // vdraw-1 step 9. printf '%s' "target|91430100MA4L000007" | openssl dgst -sha256 -mac HMAC \
        //   -macopt hexkey:8ab23131731aa3c7751d5a4f6506d01b5065f315190ec177c68dac26c7edb18a
        String expected = "45b41482e8c9e7de291a873cecdc2b1c209104201152372cfd414b05a7b0acfb";
        assertEquals(expected, Vdraw1.hex(Vdraw1.targetRank(Vdraw1.unhex(SEED_WITH_ENTROPY), "91430100MA4L000007")));
        assertEquals(expected, IndependentVerifier.targetRankHex(SEED_WITH_ENTROPY, "91430100MA4L000007"));
    }

    // ---- step 10: order within strata, selected and reserve

    @Test
    void step10_orderWithinStrata_selectedAndReserve() {
        // vdraw-1 steps 3, 9 and 10. k_A = ceil(5 * 0.3) = 2, k_B = ceil(4 * 0.5) = 2, k_C = ceil(3 * 0.1) = 1.
        // Stratum A has ranks starting 0x7c, 0xc0 and 0xd6: a signed reading would put the last two first.
        Map<String, Stratum> strata = Vdraw1.draw(candidates(POOL), RATIOS, seed());
        assertEquals(List.of("A", "B", "C"), List.copyOf(strata.keySet()));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("A", ORDER_A);
        expected.put("B", ORDER_B);
        expected.put("C", ORDER_C);
        assertEquals(expected, IndependentVerifier.orderedStrata(POOL, SEED));

        Stratum a = strata.get("A");
        assertEquals(5, a.size());
        assertEquals(2, a.quota());
        assertEquals(ORDER_A, ids(a.ordered()));
        assertEquals(ORDER_A.subList(0, 2), ids(a.selected()));
        assertEquals(ORDER_A.subList(2, 5), ids(a.reserve()));

        Stratum b = strata.get("B");
        assertEquals(2, b.quota());
        assertEquals(List.of("91430100MA4L000001", "91430100MA4L000008"), ids(b.selected()));
        assertEquals(List.of("91430100MA4L000005", "91430100MA4L000011"), ids(b.reserve()));

        Stratum c = strata.get("C");
        assertEquals(1, c.quota());
        assertEquals(List.of("91430100MA4L000007"), ids(c.selected()));
        assertEquals(List.of("91430100MA4L000003", "91430100MA4L000010"), ids(c.reserve()));

        strata.values().forEach(s -> s.ordered().forEach(r -> {
            assertEquals(s.label(), r.stratum());
            assertEquals(TARGET_RANKS.get(r.id()), Vdraw1.hex(r.rank()));
        }));
    }

    @Test
    void step10_rankKeysAreUnsignedBigEndian_tiesByIdentifierBytes() {
        // vdraw-1 Notation / step 10: rank key read as an unsigned big-endian integer; equal keys by identifier, byte-wise.
        byte[] high = new byte[32];
        high[0] = (byte) 0x80;
        byte[] low = new byte[32];
        low[0] = 0x7f;
        byte[] tailOne = new byte[32];
        tailOne[31] = 1; // same first 8 bytes as zero: decided past the first 8 bytes
        byte[] zero = new byte[32];
        List<Ranked> ranked = new ArrayList<>(List.of(
                Vdraw1.ranked("P-high", null, high), Vdraw1.ranked("P-low", null, low), Vdraw1.ranked("P-tail", null, tailOne),
                Vdraw1.ranked("P-zero-b", null, zero.clone()), Vdraw1.ranked("P-zero-a", null, zero.clone())));
        ranked.sort(Vdraw1.BY_RANK);
        List<String> expected = List.of("P-zero-a", "P-zero-b", "P-tail", "P-low", "P-high");
        assertEquals(expected, ids(ranked));
        Map<String, java.math.BigInteger> keys = Map.of("P-high", IndependentVerifier.rankKey(high), "P-low", IndependentVerifier.rankKey(low),
                "P-tail", IndependentVerifier.rankKey(tailOne), "P-zero-b", IndependentVerifier.rankKey(zero),
                "P-zero-a", IndependentVerifier.rankKey(zero));
        assertEquals(expected, IndependentVerifier.byRank(keys));
    }

    // ---- step 11: the verification document

    /** The public document of the draw above, built from the production outputs; replacements as given. */
    static Map<String, Object> document(List<Map<String, Object>> replacements) {
        List<Candidate> canonical = Vdraw1.canonical(candidates(POOL));
        Map<String, Stratum> strata = Vdraw1.draw(canonical, RATIOS, seed());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("algorithm", Vdraw1.ALGORITHM);
        doc.put("drawId", "D-TEST-1");
        doc.put("taskId", TASK);
        doc.put("committedAt", "2026-03-01T09:00:00+08:00");
        doc.put("commitment", Vdraw1.commitment(Vdraw1.unhex(SECRET)));
        doc.put("poolDigest", Vdraw1.poolDigest(canonical));
        List<Object> strataOut = new ArrayList<>();
        strata.values().forEach(s -> strataOut.add(new LinkedHashMap<>(Map.of("label", s.label(), "size", s.size(),
                "ratio", s.ratio().toPlainString(), "selectedCount", s.quota()))));
        doc.put("strata", strataOut);
        List<Object> poolOut = new ArrayList<>();
        canonical.forEach(c -> poolOut.add(new LinkedHashMap<>(Map.of("uscc", c.uscc(), "stratum", c.stratum()))));
        doc.put("pool", poolOut);
        doc.put("executedAt", "2026-03-02T10:00:00+08:00");
        doc.put("entropy", "");
        doc.put("secret", SECRET);
        doc.put("seed", Vdraw1.hex(seed()));
        List<Object> selected = new ArrayList<>();
        strata.values().forEach(s -> {
            for (int i = 0; i < s.quota(); i++) {
                selected.add(new LinkedHashMap<>(Map.of("uscc", s.ordered().get(i).id(), "stratum", s.label(), "order", i + 1)));
            }
        });
        doc.put("selected", selected);
        doc.put("replacements", new ArrayList<>(replacements));
        return doc;
    }

    static Map<String, Object> replacement(String replaced, String by, String stratum) {
        return new LinkedHashMap<>(Map.of("replaced", replaced, "replacement", by, "stratum", stratum, "reason", "deregistered"));
    }

    @Test
    void step11_verificationDocument_recomputesFromPublishedValues() {
        // vdraw-1 step 11: SHA256(secret) == commitment, then steps 8 to 10 recomputed
        Map<String, Object> doc = document(List.of());
        assertEquals(List.of(), IndependentVerifier.verifyDocument(doc));
        assertEquals(SEED, doc.get("seed"));
        assertEquals(POOL_DIGEST, doc.get("poolDigest"));
        assertEquals(List.of(
                Map.of("uscc", "91430100MA4L000002", "stratum", "A", "order", 1), Map.of("uscc", "91430100MA4L000012", "stratum", "A", "order", 2),
                Map.of("uscc", "91430100MA4L000001", "stratum", "B", "order", 1), Map.of("uscc", "91430100MA4L000008", "stratum", "B", "order", 2),
                Map.of("uscc", "91430100MA4L000007", "stratum", "C", "order", 1)), doc.get("selected"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void step11_verificationDocument_detectsTampering() {
        // vdraw-1 step 11: every published value is checked
        Map<String, Object> doc = document(List.of());
        doc.put("secret", "ff" + SECRET.substring(2));
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "secret not matching the commitment");

        doc = document(List.of());
        List<Map<String, Object>> selected = (List<Map<String, Object>>) doc.get("selected");
        selected.get(0).put("order", 2);
        selected.get(1).put("order", 1);
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "selected order swapped");

        doc = document(List.of());
        selected = (List<Map<String, Object>>) doc.get("selected");
        selected.get(1).put("uscc", "91430100MA4L000009");
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "a reserve entry listed as selected");

        doc = document(List.of());
        List<Map<String, Object>> pool = (List<Map<String, Object>>) doc.get("pool");
        pool.get(0).put("stratum", "A");
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "pool changed after the commitment");

        doc = document(List.of());
        pool = (List<Map<String, Object>>) doc.get("pool");
        pool.add(0, pool.remove(5));
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "pool not sorted by USCC");

        doc = document(List.of());
        List<Map<String, Object>> strata = (List<Map<String, Object>>) doc.get("strata");
        strata.get(0).put("selectedCount", 3);
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "k_s not ceil(n * r)");

        doc = document(List.of());
        doc.put("entropy", ENTROPY);
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "seed not from the published entropy");
    }

    @Test
    void step5_verificationDocument_beforeExecution_checksTheCommitmentPartOnly() {
        // vdraw-1 steps 5 and 6: before execution secret, seed and selected are absent
        Map<String, Object> doc = document(List.of());
        for (String f : List.of("executedAt", "entropy", "secret", "seed", "selected", "replacements")) {
            doc.remove(f);
        }
        assertEquals(List.of(), IndependentVerifier.verifyDocument(doc));
        doc.put("seed", SEED);
        assertFalse(IndependentVerifier.verifyDocument(doc).isEmpty(), "a seed published before the secret");
    }

    // ---- step 12: replacement

    /** Step 12 as the spec words it, over the production reserve: the first entry not already used. */
    static String firstUnused(Stratum stratum, Set<String> used) {
        return stratum.reserve().stream().map(Ranked::id).filter(u -> !used.contains(u)).findFirst().orElse(null);
    }

    @Test
    void step12_replacement_isFirstReserveEntryNotAlreadyUsed() {
        // vdraw-1 step 12
        Map<String, Stratum> strata = Vdraw1.draw(candidates(POOL), RATIOS, seed());
        Set<String> used = new HashSet<>();
        String first = firstUnused(strata.get("A"), used); // replaces ...012
        assertEquals("91430100MA4L000009", first);
        used.add(first);
        String second = firstUnused(strata.get("A"), used); // replaces ...002
        assertEquals("91430100MA4L000006", second);
        used.add(second);
        assertEquals("91430100MA4L000005", firstUnused(strata.get("B"), used)); // replaces ...001
        assertEquals("91430100MA4L000004", firstUnused(strata.get("A"), used));
        used.add("91430100MA4L000004");
        assertEquals(null, firstUnused(strata.get("A"), used), "reserve of A exhausted");

        List<Map<String, Object>> replacements = List.of(replacement("91430100MA4L000012", "91430100MA4L000009", "A"),
                replacement("91430100MA4L000002", "91430100MA4L000006", "A"), replacement("91430100MA4L000001", "91430100MA4L000005", "B"));
        assertEquals(List.of(), IndependentVerifier.verifyDocument(document(replacements)));
        // A replacement that is itself replaced later takes the next unused entry too.
        assertEquals(List.of(), IndependentVerifier.verifyDocument(document(List.of(replacement("91430100MA4L000012", "91430100MA4L000009", "A"),
                replacement("91430100MA4L000009", "91430100MA4L000006", "A")))));
    }

    @Test
    void step12_replacement_outOfOrderOrReusedIsRejectedByTheVerifier() {
        // vdraw-1 step 12
        assertFalse(IndependentVerifier.verifyDocument(document(List.of(replacement("91430100MA4L000012", "91430100MA4L000006", "A"))))
                .isEmpty(), "skipping the first reserve entry");
        assertFalse(IndependentVerifier.verifyDocument(document(List.of(replacement("91430100MA4L000012", "91430100MA4L000009", "A"),
                replacement("91430100MA4L000002", "91430100MA4L000009", "A")))).isEmpty(), "reusing a reserve entry");
        assertFalse(IndependentVerifier.verifyDocument(document(List.of(replacement("91430100MA4L000001", "91430100MA4L000003", "B"))))
                .isEmpty(), "taking another stratum's reserve");
    }

    // ---- steps 13 to 17: inspector assignment

    @Test
    void step14_inspectionsAreProcessedByTargetRankAcrossStrata() {
        // vdraw-1 step 14: the selected targets sorted by the step 9 ranks above (LC_ALL=C sort -k2)
        Map<String, Stratum> strata = Vdraw1.draw(candidates(POOL), RATIOS, seed());
        List<Ranked> selected = new ArrayList<>();
        strata.values().forEach(s -> selected.addAll(s.selected()));
        selected.sort(Vdraw1.BY_RANK);
        List<String> expected = List.of("91430100MA4L000007", "91430100MA4L000002", "91430100MA4L000012", "91430100MA4L000001",
                "91430100MA4L000008");
        assertEquals(expected, ids(selected));
        assertEquals(expected, IndependentVerifier.processingOrder(SEED, ids(selected)));
    }

    @Test
    void step15_inspectorRankAndOrder() {
        // vdraw-1 step 15
        String u = "91430100MA4L000007";
        INSPECTOR_RANKS_07.forEach((p, rank) -> {
            assertEquals(rank, Vdraw1.hex(Vdraw1.inspectorRank(seed(), u, p)), p);
            assertEquals(rank, IndependentVerifier.inspectorRankHex(SEED, u, p), p);
        });
        assertEquals(INSPECTOR_ORDER_07, ids(Vdraw1.inspectorOrder(seed(), u, INSPECTORS)));
        assertEquals(INSPECTOR_ORDER_07, IndependentVerifier.inspectorOrder(SEED, u, INSPECTORS));
        // The order does not depend on the order the eligible inspectors are listed in.
        assertEquals(INSPECTOR_ORDER_07, ids(Vdraw1.inspectorOrder(seed(), u, reversed(INSPECTORS))));
        assertEquals(INSPECTOR_ORDER_02, ids(Vdraw1.inspectorOrder(seed(), "91430100MA4L000002", INSPECTORS)));
        assertEquals(INSPECTOR_ORDER_02, IndependentVerifier.inspectorOrder(SEED, "91430100MA4L000002", INSPECTORS));
    }

    @Test
    void step15_workloadCap_isCeilOfMTimesNOverEPlusOne() {
        // vdraw-1 step 15. Expected: python3 -c "print(-(-m*n//e)+1)"
        int[][] cases = {{2, 5, 8, 3}, {2, 10, 8, 4}, {2, 8, 8, 3}, {3, 7, 5, 6}, {2, 1, 10, 2}, {4, 100, 7, 59}, {2, 36, 36, 3}};
        for (int[] c : cases) {
            assertEquals(c[3], Vdraw1.workloadCap(c[0], c[1], c[2]), "production cap(m=" + c[0] + ", N=" + c[1] + ", E=" + c[2] + ")");
            assertEquals(c[3], IndependentVerifier.workloadCap(c[0], c[1], c[2]), "independent cap(m=" + c[0] + ", N=" + c[1] + ", E=" + c[2] + ")");
        }
    }

    @Test
    void step15_pick_skipsRecusedAndCappedInspectorsInOrder() {
        // vdraw-1 step 15: m = 2, N = 5 selected, E = 8 eligible, cap = ceil(2 * 5 / 8) + 1 = 3
        String u = "91430100MA4L000007";
        List<String> order = IndependentVerifier.inspectorOrder(SEED, u, INSPECTORS);
        assertEquals(INSPECTOR_ORDER_07, order);
        int cap = Vdraw1.workloadCap(2, 5, 8);
        assertEquals(3, cap);
        Map<String, Integer> loads = new HashMap<>(Map.of("INS-004", 3)); // order[1] has reached the cap
        Map<String, List<String>> recusals = Map.of("INS-005", List.of("LINKED_TO_ENTERPRISE")); // order[0] is linked

        Pick pick = Vdraw1.pick(Vdraw1.inspectorOrder(seed(), u, INSPECTORS), 0, 2, cap, loads, recusals, Set.of());

        assertEquals(List.of(order.get(2), order.get(3)), pick.assigned());
        assertEquals(List.of("INS-003", "INS-006"), pick.assigned());
        assertEquals(List.of(new Skip(order.get(0), "LINKED_TO_ENTERPRISE"), new Skip(order.get(1), Vdraw1.WORKLOAD_CAP)), pick.skipped());
        assertEquals(3, pick.consideredUpTo());
        assertEquals(Map.of("INS-004", 3, "INS-003", 1, "INS-006", 1), loads);
    }

    @Test
    void step16_pick_fewerThanMAssignable_isShortForFlagging() {
        // vdraw-1 steps 15 and 16: cap 1, five inspectors at it, two recused: one assignable of m = 2
        String u = "91430100MA4L000002";
        List<String> order = IndependentVerifier.inspectorOrder(SEED, u, INSPECTORS);
        assertEquals(INSPECTOR_ORDER_02, order);
        Map<String, Integer> loads = new HashMap<>(Map.of("INS-004", 1, "INS-001", 1, "INS-008", 1, "INS-005", 1, "INS-007", 1));
        Map<String, List<String>> recusals = Map.of("INS-002", List.of("RECENT_VISIT"), "INS-006", List.of("LINKED_TO_RELATED_PERSON"));

        Pick pick = Vdraw1.pick(Vdraw1.inspectorOrder(seed(), u, INSPECTORS), 0, 2, 1, loads, recusals, Set.of());

        assertEquals(List.of("INS-003"), pick.assigned());
        assertTrue(pick.assigned().size() < 2, "short of m: flagged for direct or neighbouring assignment");
        assertEquals(List.of(new Skip(order.get(0), Vdraw1.WORKLOAD_CAP), new Skip(order.get(1), "RECENT_VISIT"),
                new Skip(order.get(2), Vdraw1.WORKLOAD_CAP), new Skip(order.get(3), "LINKED_TO_RELATED_PERSON"),
                new Skip(order.get(4), Vdraw1.WORKLOAD_CAP), new Skip(order.get(6), Vdraw1.WORKLOAD_CAP),
                new Skip(order.get(7), Vdraw1.WORKLOAD_CAP)), pick.skipped());
        assertEquals(order.size() - 1, pick.consideredUpTo());
    }

    @Test
    void step17_substitution_takesNextInOrderNotSkipped() {
        // vdraw-1 step 17: after the walk of step15_pick (INS-003, INS-006 assigned, up to index 3), INS-003 drops out;
        // the next in order is INS-002 (now recused: a recent visit), then INS-007.
        String u = "91430100MA4L000007";
        List<String> order = IndependentVerifier.inspectorOrder(SEED, u, INSPECTORS);
        List<Ranked> ranked = Vdraw1.inspectorOrder(seed(), u, INSPECTORS);
        Map<String, Integer> loads = new HashMap<>(Map.of("INS-004", 3));
        Map<String, List<String>> recusals = Map.of("INS-005", List.of("LINKED_TO_ENTERPRISE"), "INS-002", List.of("RECENT_VISIT"));
        Pick first = Vdraw1.pick(ranked, 0, 2, 3, loads, recusals, Set.of());
        assertEquals(List.of("INS-003", "INS-006"), first.assigned());

        Pick substitute = Vdraw1.pick(ranked, first.consideredUpTo() + 1, 1, 3, loads, recusals, Set.copyOf(first.assigned()));

        assertEquals(List.of(order.get(5)), substitute.assigned());
        assertEquals(List.of("INS-007"), substitute.assigned());
        assertEquals(List.of(new Skip(order.get(4), "RECENT_VISIT")), substitute.skipped());
        assertEquals(5, substitute.consideredUpTo());
    }
}
