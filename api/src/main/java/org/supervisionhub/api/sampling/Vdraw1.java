package org.supervisionhub.api.sampling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The verifiable draw, algorithm {@code vdraw-1} ({@code docs/specs/verifiable-draw-v1.md}), as pure
 * functions: nothing here reads the graph or the clock, so every step can be recomputed by a verifier.
 * Step numbers in comments are the spec's.
 */
public final class Vdraw1 {

    public static final String ALGORITHM = "vdraw-1";
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom SECURE = new SecureRandom();
    private static final byte[] TARGET = utf8("target|");

    private Vdraw1() {
    }

    /** One candidate of the frozen pool (step 1). */
    public record Candidate(String uscc, String stratum) {
    }

    /** A candidate with its rank key (step 9); {@code head} is the key's first 8 bytes, for fast ordering. */
    public record Ranked(String id, String stratum, byte[] rank, long head) {
    }

    /** Ascending rank key read as an unsigned big-endian integer; equal keys by identifier, byte-wise. */
    public static final Comparator<Ranked> BY_RANK = (a, b) -> {
        int c = Long.compareUnsigned(a.head, b.head);
        if (c == 0) {
            c = Arrays.compareUnsigned(a.rank, b.rank);
        }
        return c != 0 ? c : Arrays.compareUnsigned(utf8(a.id), utf8(b.id));
    };

    /** Step 2: candidates sorted by USCC byte-wise; {@code L} is their lines {@code USCC,stratum\n}. */
    public static List<Candidate> canonical(List<Candidate> pool) {
        Candidate[] sorted = pool.toArray(Candidate[]::new);
        // USCCs are ASCII (GB 32100), where String order is byte-wise order; no re-encoding per comparison.
        Arrays.parallelSort(sorted, (a, b) -> a.uscc.compareTo(b.uscc));
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].uscc.equals(sorted[i - 1].uscc)) {
                throw new IllegalArgumentException("candidate " + sorted[i].uscc + " appears twice in the pool");
            }
        }
        return Arrays.asList(sorted);
    }

    /** The line of one candidate in {@code L}. */
    public static String line(Candidate c) {
        return c.uscc + "," + c.stratum + "\n";
    }

    /** Step 2: {@code hex(SHA256(L))} over candidates already in canonical order. */
    public static String poolDigest(List<Candidate> canonical) {
        MessageDigest sha = sha256();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
        Map<String, byte[]> labels = new java.util.HashMap<>();
        for (Candidate c : canonical) {
            byte[] uscc = utf8(c.uscc);
            byte[] label = labels.computeIfAbsent(c.stratum, Vdraw1::utf8);
            if (buf.remaining() < uscc.length + label.length + 2) {
                sha.update(buf.array(), 0, buf.position());
                buf.clear();
                if (buf.remaining() < uscc.length + label.length + 2) {
                    sha.update(utf8(line(c)));
                    continue;
                }
            }
            buf.put(uscc).put((byte) ',').put(label).put((byte) '\n');
        }
        sha.update(buf.array(), 0, buf.position());
        return HEX.formatHex(sha.digest());
    }

    /** Step 3: {@code k = ceil(n * r)}, capped at {@code n}, on exact decimals. */
    public static int quota(int n, BigDecimal ratio) {
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ratio must be between 0 and 1: " + ratio.toPlainString());
        }
        int k = BigDecimal.valueOf(n).multiply(ratio).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.min(k, n);
    }

    /** Step 4: a fresh 32-byte secret from a cryptographically secure source. */
    public static byte[] newSecret() {
        byte[] secret = new byte[32];
        SECURE.nextBytes(secret);
        return secret;
    }

    /** Step 5: {@code hex(SHA256(secret))}. */
    public static String commitment(byte[] secret) {
        return HEX.formatHex(sha256().digest(secret));
    }

    /** Step 8: {@code HMAC(secret, "vdraw-1|" + taskId + "|" + poolDigest + "|" + entropy)}. */
    public static byte[] seed(byte[] secret, String taskId, String poolDigest, String entropy) {
        return hmac(secret, ALGORITHM + "|" + taskId + "|" + poolDigest + "|" + (entropy == null ? "" : entropy));
    }

    /** Step 9: {@code HMAC(seed, "target|" + u)}. */
    public static byte[] targetRank(byte[] seed, String uscc) {
        return hmac(seed, "target|" + uscc);
    }

    /** Step 15: {@code HMAC(seed, "inspector|" + u + "|" + p)}. */
    public static byte[] inspectorRank(byte[] seed, String uscc, String inspectorId) {
        return hmac(seed, "inspector|" + uscc + "|" + inspectorId);
    }

    /** One stratum after the draw: its candidates in rank order, the first {@code quota} selected (step 10). */
    public record Stratum(String label, int size, BigDecimal ratio, int quota, List<Ranked> ordered) {
        public List<Ranked> selected() {
            return ordered.subList(0, quota);
        }

        public List<Ranked> reserve() {
            return ordered.subList(quota, ordered.size());
        }
    }

    /**
     * Steps 9 and 10 over the whole pool: every candidate ranked, each stratum ordered by rank. Strata
     * come back in label order (byte-wise). Ranks are computed in parallel; the result does not depend on it.
     */
    public static Map<String, Stratum> draw(List<Candidate> pool, Map<String, BigDecimal> ratios, byte[] seed) {
        Ranked[] ranked = rankAll(pool, seed);
        Map<String, List<Ranked>> byStratum = new TreeMap<>(Vdraw1::compareUtf8);
        for (Ranked r : ranked) {
            byStratum.computeIfAbsent(r.stratum, s -> new ArrayList<>()).add(r);
        }
        Map<String, Stratum> out = new LinkedHashMap<>();
        byStratum.forEach((label, members) -> {
            BigDecimal ratio = ratios.get(label);
            if (ratio == null) {
                throw new IllegalArgumentException("stratum " + label + " has no ratio");
            }
            Ranked[] sorted = members.toArray(Ranked[]::new);
            Arrays.parallelSort(sorted, BY_RANK);
            out.put(label, new Stratum(label, sorted.length, ratio, quota(sorted.length, ratio), Arrays.asList(sorted)));
        });
        return out;
    }

    /** Step 9 for every candidate, in parallel; each thread keeps its own keyed HMAC. */
    public static Ranked[] rankAll(List<Candidate> pool, byte[] seed) {
        Ranked[] out = new Ranked[pool.size()];
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> mac(seed));
        IntStream.range(0, out.length).parallel().forEach(i -> {
            Candidate c = pool.get(i);
            Mac mac = macs.get();
            mac.update(TARGET);
            byte[] rank = mac.doFinal(utf8(c.uscc));
            out[i] = ranked(c.uscc, c.stratum, rank);
        });
        return out;
    }

    /** Step 15 order of the eligible inspectors for the inspection of {@code uscc}. */
    public static List<Ranked> inspectorOrder(byte[] seed, String uscc, List<String> eligible) {
        Mac mac = mac(seed);
        Ranked[] out = new Ranked[eligible.size()];
        for (int i = 0; i < out.length; i++) {
            String p = eligible.get(i);
            out[i] = ranked(p, null, mac.doFinal(utf8("inspector|" + uscc + "|" + p)));
        }
        Arrays.sort(out, BY_RANK);
        return Arrays.asList(out);
    }

    /** Step 15: the workload cap {@code ceil(m * N / E) + 1}. */
    public static int workloadCap(int m, int inspections, int eligible) {
        if (eligible == 0) {
            return 0;
        }
        return (int) (((long) m * inspections + eligible - 1) / eligible) + 1;
    }

    /** Recusal reasons in the order one is reported when several apply. */
    public static final List<String> RECUSAL_PRIORITY = org.supervisionhub.domain.sampling.InspectionAssignment.RECUSAL_PRIORITY;
    public static final String WORKLOAD_CAP = "WORKLOAD_CAP";

    /** A skipped inspector and why (step 15). */
    public record Skip(String inspector, String reason) {
    }

    /**
     * Outcome of walking one inspection's inspector order. {@code consideredUpTo} is the index in the
     * order of the last inspector looked at, where a later substitution (step 17) continues.
     */
    public record Pick(List<String> assigned, List<Skip> skipped, int consideredUpTo) {
    }

    /**
     * Step 15 (and 17 from {@code start}): walks {@code order}, skipping recused inspectors, those in
     * {@code exclude}, and those whose load reached {@code cap}, until {@code wanted} are picked. Picked
     * inspectors' loads are incremented in {@code loads}.
     *
     * @param recusals inspector to recusal reasons, for this inspection
     */
    public static Pick pick(List<Ranked> order, int start, int wanted, int cap, Map<String, Integer> loads,
                            Map<String, List<String>> recusals, java.util.Set<String> exclude) {
        List<String> assigned = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        int i = start;
        int last = start - 1;
        for (; i < order.size() && assigned.size() < wanted; i++) {
            String p = order.get(i).id;
            last = i;
            if (exclude.contains(p)) {
                continue;
            }
            List<String> reasons = recusals.getOrDefault(p, List.of());
            String reason = RECUSAL_PRIORITY.stream().filter(reasons::contains).findFirst()
                    .orElse(reasons.isEmpty() ? null : reasons.get(0));
            if (reason == null && loads.getOrDefault(p, 0) >= cap) {
                reason = WORKLOAD_CAP;
            }
            if (reason != null) {
                skipped.add(new Skip(p, reason));
                continue;
            }
            assigned.add(p);
            loads.merge(p, 1, Integer::sum);
        }
        return new Pick(assigned, skipped, last);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static Ranked ranked(String id, String stratum, byte[] rank) {
        long head = 0;
        for (int i = 0; i < 8; i++) {
            head = (head << 8) | (rank[i] & 0xFF);
        }
        return new Ranked(id, stratum, rank, head);
    }

    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(utf8(a), utf8(b));
    }

    private static byte[] hmac(byte[] key, String message) {
        return mac(key).doFinal(utf8(message));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
