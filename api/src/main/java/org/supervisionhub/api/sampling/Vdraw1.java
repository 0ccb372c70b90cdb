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

    /** USCCs are ASCII (GB 32100), where String order is byte-wise order; no re-encoding per comparison. */
    public static final Comparator<Candidate> BY_USCC = (a, b) -> a.uscc.compareTo(b.uscc);

    /** Step 2: candidates sorted by USCC byte-wise; {@code L} is their lines {@code USCC,stratum\n}. */
    public static List<Candidate> canonical(List<Candidate> pool) {
        Candidate[] sorted = pool.toArray(Candidate[]::new);
        Arrays.parallelSort(sorted, BY_USCC);
        return distinct(sorted);
    }

    /** {@link #canonical} of the union of {@code parts}, each already sorted by {@link #BY_USCC}: the parts are merged. */
    public static List<Candidate> canonicalOfSorted(List<Candidate[]> parts) {
        Candidate[] all = new Candidate[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (Candidate[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        // TimSort finds the sorted runs and only merges them.
        Arrays.sort(all, BY_USCC);
        return distinct(all);
    }

    private static List<Candidate> distinct(Candidate[] sorted) {
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

    /** Step 9 for every candidate, in parallel. */
    public static Ranked[] rankAll(List<Candidate> pool, byte[] seed) {
        Ranked[] out = new Ranked[pool.size()];
        TargetRanker ranker = new TargetRanker(seed);
        IntStream.range(0, out.length).parallel().forEach(i -> {
            Candidate c = pool.get(i);
            byte[] uscc = utf8(c.uscc);
            byte[] rank = new byte[32];
            ranker.rank(uscc, 0, uscc.length, rank, 0);
            out[i] = ranked(c.uscc, c.stratum, rank);
        });
        return out;
    }

    /**
     * Step 9's {@code HMAC(seed, "target|" + u)} (HMAC-SHA-256, RFC 2104) with the key pads and the {@code "target|"}
     * prefix hashed once per draw: each rank continues from copies of those two states instead of hashing them again,
     * two of the four SHA-256 blocks an HMAC of a USCC costs. Same bytes as {@link #targetRank}; thread-safe.
     */
    static final class TargetRanker {
        private final MessageDigest inner;
        private final MessageDigest outer;

        TargetRanker(byte[] seed) {
            byte[] key = seed.length > 64 ? sha256().digest(seed) : seed;
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            for (int i = 0; i < 64; i++) {
                byte k = i < key.length ? key[i] : 0;
                ipad[i] = (byte) (k ^ 0x36);
                opad[i] = (byte) (k ^ 0x5c);
            }
            inner = sha256();
            inner.update(ipad);
            inner.update(TARGET);
            outer = sha256();
            outer.update(opad);
        }

        /** Writes the rank of the USCC in {@code bytes[from, from + length)} to {@code out[at, at + 32)}. */
        void rank(byte[] bytes, int from, int length, byte[] out, int at) {
            try {
                MessageDigest in = (MessageDigest) inner.clone();
                in.update(bytes, from, length);
                in.digest(out, at, 32);
                MessageDigest o = (MessageDigest) outer.clone();
                o.update(out, at, 32);
                o.digest(out, at, 32);
            } catch (CloneNotSupportedException | java.security.DigestException e) {
                throw new IllegalStateException("SHA-256 state cannot be copied", e);
            }
        }
    }

    // ---- the pool as stored: L in chunks of whole lines

    /** {@code L} for a pool in canonical order, as UTF-8 bytes cut every {@code linesPerChunk} lines; built in parallel. */
    public static List<byte[]> lines(List<Candidate> canonical, int linesPerChunk) {
        int n = (canonical.size() + linesPerChunk - 1) / linesPerChunk;
        return IntStream.range(0, n).parallel().mapToObj(seq -> {
            List<Candidate> part = canonical.subList(seq * linesPerChunk, Math.min(canonical.size(), (seq + 1) * linesPerChunk));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(part.size() * 24);
            Map<String, byte[]> labels = new java.util.HashMap<>();
            for (Candidate c : part) {
                out.writeBytes(utf8(c.uscc));
                out.write(',');
                out.writeBytes(labels.computeIfAbsent(c.stratum, Vdraw1::utf8));
                out.write('\n');
            }
            return out.toByteArray();
        }).toList();
    }

    /** Step 2 over {@code L} as bytes ({@link #lines}): the same digest as {@link #poolDigest} of the candidates they hold. */
    public static String poolDigestOfLines(List<byte[]> lines) {
        MessageDigest sha = sha256();
        lines.forEach(sha::update);
        return HEX.formatHex(sha.digest());
    }

    /** The candidates {@code L} holds, in its order. */
    public static List<Candidate> candidates(List<byte[]> lines) {
        List<Candidate> out = new ArrayList<>();
        Map<String, String> labels = new java.util.HashMap<>();
        for (byte[] text : lines) {
            int start = 0;
            while (start < text.length) {
                int comma = indexOf(text, (byte) ',', start);
                int nl = comma < 0 ? -1 : indexOf(text, (byte) '\n', comma);
                if (nl < 0) {
                    throw new IllegalArgumentException("not a line of the pool at byte " + start);
                }
                String label = new String(text, comma + 1, nl - comma - 1, StandardCharsets.UTF_8);
                out.add(new Candidate(new String(text, start, comma - start, StandardCharsets.UTF_8), labels.computeIfAbsent(label, l -> l)));
                start = nl + 1;
            }
        }
        return out;
    }

    /** One stratum's selection (steps 3, 9 and 10): its size, ratio and quota, and its first {@code quota} candidates by rank. */
    public record Selection(String label, int size, BigDecimal ratio, int quota, List<Ranked> selected) {
    }

    /**
     * Steps 9 and 10 for the selected candidates only, over {@code L} as bytes ({@link #lines}): the same strata, in the
     * same order, with the same selected candidates in the same order as {@link #draw}. Every candidate is ranked (in
     * parallel, straight from the bytes); only those whose rank's first 8 bytes are within the stratum's first
     * {@code quota} are compared in full and kept, so the reserve (which a replacement orders with {@link #draw}) is
     * never built.
     */
    public static Map<String, Selection> select(List<byte[]> lines, Map<String, BigDecimal> ratios, byte[] seed) {
        TargetRanker ranker = new TargetRanker(seed);
        List<RankedChunk> chunks = IntStream.range(0, lines.size()).parallel()
                .mapToObj(i -> RankedChunk.of(lines.get(i), ranker)).toList();
        // Per stratum, its members as (chunk, lines of that chunk), strata in label order (byte-wise).
        Map<String, List<Members>> members = new TreeMap<>(Vdraw1::compareUtf8);
        for (int c = 0; c < chunks.size(); c++) {
            RankedChunk chunk = chunks.get(c);
            int[] counts = new int[chunk.labels.size()];
            for (int line = 0; line < chunk.size; line++) {
                counts[chunk.label[line]]++;
            }
            int[][] lineNos = new int[counts.length][];
            for (int l = 0; l < counts.length; l++) {
                lineNos[l] = new int[counts[l]];
                counts[l] = 0;
            }
            for (int line = 0; line < chunk.size; line++) {
                int l = chunk.label[line];
                lineNos[l][counts[l]++] = line;
            }
            for (int l = 0; l < lineNos.length; l++) {
                members.computeIfAbsent(chunk.labels.get(l), k -> new ArrayList<>()).add(new Members(chunk, lineNos[l]));
            }
        }
        Map<String, Selection> out = new LinkedHashMap<>();
        members.forEach((label, parts) -> {
            BigDecimal ratio = ratios.get(label);
            if (ratio == null) {
                throw new IllegalArgumentException("stratum " + label + " has no ratio");
            }
            int size = parts.stream().mapToInt(p -> p.lines.length).sum();
            int quota = quota(size, ratio);
            out.put(label, new Selection(label, size, ratio, quota, firstByRank(label, parts, size, quota)));
        });
        return out;
    }

    private record Members(RankedChunk chunk, int[] lines) {
    }

    /** The first {@code quota} members by rank: those whose head is at most the quota-th smallest head, ordered in full. */
    private static List<Ranked> firstByRank(String label, List<Members> parts, int size, int quota) {
        if (quota == 0) {
            return List.of();
        }
        // Heads with the sign bit flipped order as signed longs the way the unsigned heads do.
        long[] heads = new long[size];
        int n = 0;
        for (Members p : parts) {
            for (int line : p.lines) {
                heads[n++] = p.chunk.head[line] ^ Long.MIN_VALUE;
            }
        }
        long[] sorted = heads.clone();
        Arrays.parallelSort(sorted);
        long bound = sorted[quota - 1];
        List<Ranked> within = new ArrayList<>(quota);
        n = 0;
        for (Members p : parts) {
            for (int line : p.lines) {
                if (heads[n++] <= bound) {
                    within.add(p.chunk.ranked(line, label));
                }
            }
        }
        return firstByRank(within, quota);
    }

    /**
     * Of {@code within} (every candidate whose head is at most the quota-th smallest, so at least {@code quota} of
     * them), the first {@code quota} by {@link #BY_RANK}. A candidate outside has a greater head than all of these.
     */
    static List<Ranked> firstByRank(List<Ranked> within, int quota) {
        Ranked[] ordered = within.toArray(Ranked[]::new);
        Arrays.sort(ordered, BY_RANK);
        return List.of(ordered).subList(0, quota);
    }

    /** One chunk of {@code L} with every line's rank: where its USCC is, its label's index, its rank and head. */
    private static final class RankedChunk {
        final byte[] text;
        final int size;
        final int[] start;
        final int[] length;
        final int[] label;
        final List<String> labels = new ArrayList<>();
        final byte[] ranks;
        final long[] head;

        private RankedChunk(byte[] text, int size) {
            this.text = text;
            this.size = size;
            this.start = new int[size];
            this.length = new int[size];
            this.label = new int[size];
            this.ranks = new byte[size * 32];
            this.head = new long[size];
        }

        static RankedChunk of(byte[] text, TargetRanker ranker) {
            int size = 0;
            for (byte b : text) {
                size += b == '\n' ? 1 : 0;
            }
            RankedChunk chunk = new RankedChunk(text, size);
            List<byte[]> labelBytes = new ArrayList<>();
            int at = 0;
            for (int line = 0; line < size; line++) {
                int comma = indexOf(text, (byte) ',', at);
                int nl = comma < 0 ? -1 : indexOf(text, (byte) '\n', comma);
                if (nl < 0) {
                    throw new IllegalArgumentException("not a line of the pool at byte " + at);
                }
                chunk.start[line] = at;
                chunk.length[line] = comma - at;
                chunk.label[line] = chunk.labelIndex(labelBytes, comma + 1, nl);
                ranker.rank(text, at, comma - at, chunk.ranks, line * 32);
                long h = 0;
                for (int i = 0; i < 8; i++) {
                    h = (h << 8) | (chunk.ranks[line * 32 + i] & 0xFF);
                }
                chunk.head[line] = h;
                at = nl + 1;
            }
            return chunk;
        }

        private int labelIndex(List<byte[]> labelBytes, int from, int to) {
            for (int i = 0; i < labelBytes.size(); i++) {
                byte[] l = labelBytes.get(i);
                if (Arrays.equals(text, from, to, l, 0, l.length)) {
                    return i;
                }
            }
            labelBytes.add(Arrays.copyOfRange(text, from, to));
            labels.add(new String(text, from, to - from, StandardCharsets.UTF_8));
            return labels.size() - 1;
        }

        Ranked ranked(int line, String stratum) {
            return new Ranked(new String(text, start[line], length[line], StandardCharsets.UTF_8), stratum,
                    Arrays.copyOfRange(ranks, line * 32, line * 32 + 32), head[line]);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
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
