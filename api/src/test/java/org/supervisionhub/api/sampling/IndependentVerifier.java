package org.supervisionhub.api.sampling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, minimal implementation of {@code vdraw-1}, written only from {@code docs/specs/verifiable-draw-v1.md}
 * and deliberately sharing no code with {@link Vdraw1} or any other production class: it is what a third party
 * would write to check a published draw. Step numbers are the spec's.
 */
public final class IndependentVerifier {

    private IndependentVerifier() {
    }

    // ---- primitives (Notation)

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String toHex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(digits[(b >> 4) & 0xF]).append(digits[b & 0xF]);
        }
        return sb.toString();
    }

    static byte[] fromHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd-length hex");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not hex: " + hex);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    static boolean isHex64(Object o) {
        return o instanceof String s && s.matches("[0-9a-f]{64}");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Byte-wise ascending comparison of the UTF-8 encodings. */
    static int compareBytes(String a, String b) {
        byte[] x = utf8(a);
        byte[] y = utf8(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(x[i] & 0xFF, y[i] & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    static final Comparator<String> BYTEWISE = IndependentVerifier::compareBytes;

    /** A rank key: 32 bytes read as an unsigned big-endian integer. */
    static BigInteger rankKey(byte[] hmac) {
        return new BigInteger(1, hmac);
    }

    /** Orders identifiers by their rank key, ties by identifier bytes. */
    static List<String> byRank(Map<String, BigInteger> ranks) {
        List<String> ids = new ArrayList<>(ranks.keySet());
        ids.sort((a, b) -> {
            int c = ranks.get(a).compareTo(ranks.get(b));
            return c != 0 ? c : compareBytes(a, b);
        });
        return ids;
    }

    // ---- steps

    /** Step 2: {@code hex(SHA256(L))}; pairs are {@code {uscc, stratum}}, sorted here by USCC byte-wise. */
    public static String poolDigest(List<String[]> pool) {
        List<String[]> sorted = new ArrayList<>(pool);
        sorted.sort((a, b) -> compareBytes(a[0], b[0]));
        StringBuilder l = new StringBuilder();
        for (String[] c : sorted) {
            l.append(c[0]).append(',').append(c[1]).append('\n');
        }
        return toHex(sha256(utf8(l.toString())));
    }

    /** Step 3: {@code k = ceil(n * r)} on exact decimals, capped at {@code n}. */
    public static int quota(int n, String ratio) {
        BigDecimal k = new BigDecimal(n).multiply(new BigDecimal(ratio)).setScale(0, RoundingMode.CEILING);
        return Math.min(k.intValueExact(), n);
    }

    /** Step 5: {@code hex(SHA256(secret))}. */
    public static String commitment(String secretHex) {
        return toHex(sha256(fromHex(secretHex)));
    }

    /** Step 8. */
    public static String seedHex(String secretHex, String taskId, String poolDigest, String entropy) {
        return toHex(hmac(fromHex(secretHex), "vdraw-1|" + taskId + "|" + poolDigest + "|" + (entropy == null ? "" : entropy)));
    }

    /** Step 9: {@code hex(HMAC(seed, "target|" + u))}. */
    public static String targetRankHex(String seedHex, String uscc) {
        return toHex(hmac(fromHex(seedHex), "target|" + uscc));
    }

    /** Step 15: {@code hex(HMAC(seed, "inspector|" + u + "|" + p))}. */
    public static String inspectorRankHex(String seedHex, String uscc, String inspectorId) {
        return toHex(hmac(fromHex(seedHex), "inspector|" + uscc + "|" + inspectorId));
    }

    /** Steps 9 and 10: each stratum's USCCs in rank order (strata in label order, byte-wise). */
    public static Map<String, List<String>> orderedStrata(List<String[]> pool, String seedHex) {
        byte[] seed = fromHex(seedHex);
        Map<String, Map<String, BigInteger>> ranks = new TreeMap<>(BYTEWISE);
        for (String[] c : pool) {
            ranks.computeIfAbsent(c[1], s -> new HashMap<>()).put(c[0], rankKey(hmac(seed, "target|" + c[0])));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        ranks.forEach((label, members) -> out.put(label, byRank(members)));
        return out;
    }

    /** Step 14: the given targets in order of their rank (step 9), across strata. */
    public static List<String> processingOrder(String seedHex, List<String> usccs) {
        byte[] seed = fromHex(seedHex);
        Map<String, BigInteger> ranks = new HashMap<>();
        usccs.forEach(u -> ranks.put(u, rankKey(hmac(seed, "target|" + u))));
        return byRank(ranks);
    }

    /** Step 15: the eligible inspectors of the inspection of {@code uscc} in the order they are considered. */
    public static List<String> inspectorOrder(String seedHex, String uscc, List<String> inspectorIds) {
        byte[] seed = fromHex(seedHex);
        Map<String, BigInteger> ranks = new HashMap<>();
        inspectorIds.forEach(p -> ranks.put(p, rankKey(hmac(seed, "inspector|" + uscc + "|" + p))));
        return byRank(ranks);
    }

    /** Step 15: {@code ceil(m * N / E) + 1}, exactly. */
    public static int workloadCap(int m, int n, int e) {
        BigInteger[] qr = BigInteger.valueOf(m).multiply(BigInteger.valueOf(n)).divideAndRemainder(BigInteger.valueOf(e));
        BigInteger ceil = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return ceil.add(BigInteger.ONE).intValueExact();
    }

    // ---- the verification document

    /**
     * Checks the parsed public verification document ({@code GET /public/draws/{drawId}}) and returns what is wrong
     * with it, as human-readable lines; empty means verified. Before execution (no {@code secret}) only the
     * commitment part is checked.
     */
    public static List<String> verifyDocument(Map<String, Object> doc) {
        List<String> problems = new ArrayList<>();
        if (!"vdraw-1".equals(doc.get("algorithm"))) {
            problems.add("algorithm is " + doc.get("algorithm") + ", not vdraw-1");
        }
        for (String f : List.of("drawId", "taskId", "committedAt")) {
            if (!(doc.get(f) instanceof String)) {
                problems.add(f + " is missing");
            }
        }
        String taskId = String.valueOf(doc.get("taskId"));
        Object commitment = doc.get("commitment");
        if (!isHex64(commitment)) {
            problems.add("commitment is not 64 lowercase hex digits: " + commitment);
        }
        Object digest = doc.get("poolDigest");
        if (!isHex64(digest)) {
            problems.add("poolDigest is not 64 lowercase hex digits: " + digest);
        }

        // Step 6 and 2: the pool, sorted by USCC, digested.
        List<String[]> pool = new ArrayList<>();
        Map<String, String> stratumOf = new HashMap<>();
        for (Object o : list(doc.get("pool"), "pool", problems)) {
            Map<?, ?> c = (Map<?, ?>) o;
            String u = (String) c.get("uscc");
            String s = (String) c.get("stratum");
            if (u == null || s == null) {
                problems.add("pool entry without uscc or stratum: " + c);
                continue;
            }
            if (!pool.isEmpty() && compareBytes(pool.get(pool.size() - 1)[0], u) >= 0) {
                problems.add("pool is not sorted by USCC (strictly ascending, byte-wise) at " + u);
            }
            if (stratumOf.put(u, s) != null) {
                problems.add("pool lists " + u + " twice");
            }
            pool.add(new String[] {u, s});
        }
        String recomputedDigest = poolDigest(pool);
        if (!recomputedDigest.equals(digest)) {
            problems.add("poolDigest " + digest + " does not match the pool, which digests to " + recomputedDigest);
        }

        // Step 3: strata sizes and quotas.
        Map<String, Integer> sizes = new HashMap<>();
        pool.forEach(c -> sizes.merge(c[1], 1, Integer::sum));
        Map<String, Integer> quotas = new LinkedHashMap<>();
        for (Object o : list(doc.get("strata"), "strata", problems)) {
            Map<?, ?> s = (Map<?, ?>) o;
            String label = (String) s.get("label");
            if (label == null || quotas.containsKey(label)) {
                problems.add("stratum without label or listed twice: " + s);
                continue;
            }
            int actual = sizes.getOrDefault(label, 0);
            Integer size = integer(s.get("size"));
            if (size == null || size != actual) {
                problems.add("stratum " + label + " has size " + s.get("size") + " but the pool has " + actual + " candidates in it");
            }
            int k;
            try {
                BigDecimal r = new BigDecimal((String) s.get("ratio"));
                if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                    problems.add("stratum " + label + " has ratio " + r + ", not between 0 and 1");
                }
                k = quota(actual, r.toPlainString());
            } catch (RuntimeException e) {
                problems.add("stratum " + label + " has no decimal ratio: " + s.get("ratio"));
                continue;
            }
            Integer count = integer(s.get("selectedCount"));
            if (count == null || count != k) {
                problems.add("stratum " + label + " has selectedCount " + s.get("selectedCount") + " but ceil(" + actual + " * "
                        + s.get("ratio") + ") capped at n is " + k);
            }
            quotas.put(label, k);
        }
        for (String label : sizes.keySet()) {
            if (!quotas.containsKey(label)) {
                problems.add("pool stratum " + label + " is not listed in strata");
            }
        }

        if (!doc.containsKey("secret")) {
            for (String f : List.of("seed", "selected")) {
                if (doc.containsKey(f)) {
                    problems.add(f + " is published but the secret is not");
                }
            }
            return problems;
        }

        // Steps 11 and 8.
        String secret = doc.get("secret") instanceof String s ? s : null;
        if (!isHex64(secret)) {
            problems.add("secret is not 64 lowercase hex digits: " + doc.get("secret"));
            return problems;
        }
        String recomputedCommitment = commitment(secret);
        if (!recomputedCommitment.equals(commitment)) {
            problems.add("SHA256(secret) is " + recomputedCommitment + ", not the commitment " + commitment);
        }
        Object entropy = doc.get("entropy");
        if (entropy != null && !(entropy instanceof String)) {
            problems.add("entropy is not a string: " + entropy);
        }
        String seed = seedHex(secret, taskId, recomputedDigest, entropy instanceof String e ? e : "");
        if (!seed.equals(doc.get("seed"))) {
            problems.add("seed " + doc.get("seed") + " does not recompute; HMAC(secret, vdraw-1|taskId|poolDigest|entropy) is " + seed);
        }

        // Steps 9 and 10: the selected list.
        Map<String, List<String>> ordered = orderedStrata(pool, seed);
        Map<String, List<String>> selectedByStratum = new LinkedHashMap<>();
        for (Object o : list(doc.get("selected"), "selected", problems)) {
            Map<?, ?> e = (Map<?, ?>) o;
            String u = (String) e.get("uscc");
            String s = (String) e.get("stratum");
            Integer order = integer(e.get("order"));
            if (u == null || s == null || order == null) {
                problems.add("selected entry without uscc, stratum or order: " + e);
                continue;
            }
            if (!s.equals(stratumOf.get(u))) {
                problems.add("selected " + u + " is listed in stratum " + s + " but the pool has it in " + stratumOf.get(u));
            }
            List<String> got = selectedByStratum.computeIfAbsent(s, x -> new ArrayList<>());
            got.add(u);
            if (order != got.size()) {
                problems.add("selected " + u + " of stratum " + s + " has order " + order + "; expected " + got.size());
            }
        }
        Set<String> labels = new HashSet<>(quotas.keySet());
        labels.addAll(selectedByStratum.keySet());
        List<String> sortedLabels = new ArrayList<>(labels);
        sortedLabels.sort(BYTEWISE);
        for (String label : sortedLabels) {
            List<String> all = ordered.getOrDefault(label, List.of());
            int k = quotas.getOrDefault(label, 0);
            List<String> expected = all.subList(0, Math.min(k, all.size()));
            List<String> got = selectedByStratum.getOrDefault(label, List.of());
            if (!expected.equals(got)) {
                problems.add("stratum " + label + ": selected " + got + " but the draw recomputes to " + expected);
            }
        }

        // Step 12: replacements, in document order.
        Map<String, Set<String>> used = new HashMap<>();
        Map<String, Set<String>> active = new HashMap<>();
        selectedByStratum.forEach((s, us) -> active.put(s, new HashSet<>(us)));
        for (Object o : list(doc.get("replacements") == null ? List.of() : doc.get("replacements"), "replacements", problems)) {
            Map<?, ?> r = (Map<?, ?>) o;
            String replaced = (String) r.get("replaced");
            String replacement = (String) r.get("replacement");
            String s = (String) r.get("stratum");
            Object reason = r.get("reason");
            if (replaced == null || replacement == null || s == null) {
                problems.add("replacement without replaced, replacement or stratum: " + r);
                continue;
            }
            if (!(reason instanceof String text) || text.isBlank()) {
                problems.add("replacement of " + replaced + " has no reason");
            }
            Set<String> current = active.computeIfAbsent(s, x -> new HashSet<>());
            if (!current.remove(replaced)) {
                problems.add("replaced " + replaced + " is not a current target of stratum " + s);
            }
            List<String> all = ordered.getOrDefault(s, List.of());
            List<String> reserve = all.subList(Math.min(quotas.getOrDefault(s, 0), all.size()), all.size());
            Set<String> taken = used.computeIfAbsent(s, x -> new HashSet<>());
            String expected = reserve.stream().filter(u -> !taken.contains(u)).findFirst().orElse(null);
            if (!Objects.equals(expected, replacement)) {
                problems.add("replacement of " + replaced + " in stratum " + s + " is " + replacement + " but the first unused reserve entry is "
                        + (expected == null ? "none (reserve exhausted)" : expected));
            }
            taken.add(replacement);
            current.add(replacement);
        }
        return problems;
    }

    // ---- Amendment 1: the public document of a confidential stratification

    /** {@code hex(SHA256(members' USCC + "\n", sorted byte-wise ascending))}. */
    public static String memberDigest(List<String> usccs) {
        List<String> sorted = new ArrayList<>(usccs);
        sorted.sort(BYTEWISE);
        StringBuilder sb = new StringBuilder();
        sorted.forEach(u -> sb.append(u).append('\n'));
        return toHex(sha256(utf8(sb.toString())));
    }

    /** Whether the public document withholds the strata (Amendment 1): opaque labels and {@code stratumDigests}. */
    public static boolean withholdsStrata(Map<String, Object> doc) {
        return doc.containsKey("stratumDigests");
    }

    /**
     * What the public can check of a document that withholds the strata (Amendment 1): nothing per enterprise names a
     * stratum, labels are opaque and carry no ratio, sizes add up, each label has a digest, {@code SHA256(secret)} is
     * the commitment, the seed derives from the published {@code poolDigest}, the selected counts add up and every
     * selected enterprise is in the pool.
     */
    public static List<String> verifyPublicDocument(Map<String, Object> doc) {
        List<String> problems = new ArrayList<>();
        Map<?, ?> digests = doc.get("stratumDigests") instanceof Map<?, ?> m ? m : null;
        if (digests == null) {
            problems.add("stratumDigests is missing");
            return problems;
        }
        Set<String> pool = new HashSet<>();
        String previous = null;
        for (Object o : list(doc.get("pool"), "pool", problems)) {
            Map<?, ?> c = (Map<?, ?>) o;
            if (c.containsKey("stratum")) {
                problems.add("pool entry names its stratum: " + c);
            }
            String u = (String) c.get("uscc");
            if (previous != null && compareBytes(previous, u) >= 0) {
                problems.add("pool is not sorted by USCC at " + u);
            }
            pool.add(u);
            previous = u;
        }
        int sizes = 0;
        int selectedCounts = 0;
        Set<String> labels = new HashSet<>();
        for (Object o : list(doc.get("strata"), "strata", problems)) {
            Map<?, ?> s = (Map<?, ?>) o;
            String label = (String) s.get("label");
            if (label == null || !label.matches("S[1-9][0-9]*") || !labels.add(label)) {
                problems.add("stratum label is not a distinct opaque S<n>: " + s);
            }
            if (s.containsKey("ratio")) {
                problems.add("stratum " + label + " publishes its ratio");
            }
            if (!isHex64(digests.get(label))) {
                problems.add("stratum " + label + " has no stratumDigests entry");
            }
            sizes += integer(s.get("size")) == null ? 0 : integer(s.get("size"));
            selectedCounts += integer(s.get("selectedCount")) == null ? 0 : integer(s.get("selectedCount"));
        }
        if (!labels.equals(digests.keySet())) {
            problems.add("stratumDigests names " + digests.keySet() + " but strata are " + labels);
        }
        if (sizes != pool.size()) {
            problems.add("strata sizes add up to " + sizes + " but the pool has " + pool.size());
        }
        if (!doc.containsKey("secret")) {
            return problems;
        }
        String secret = (String) doc.get("secret");
        if (!commitment(secret).equals(doc.get("commitment"))) {
            problems.add("SHA256(secret) is not the commitment");
        }
        String seed = seedHex(secret, (String) doc.get("taskId"), (String) doc.get("poolDigest"),
                doc.get("entropy") instanceof String e ? e : "");
        if (!seed.equals(doc.get("seed"))) {
            problems.add("seed does not derive from the published poolDigest");
        }
        List<?> selected = list(doc.get("selected"), "selected", problems);
        if (selected.size() != selectedCounts) {
            problems.add(selected.size() + " selected but strata select " + selectedCounts);
        }
        for (Object o : selected) {
            Map<?, ?> e = (Map<?, ?>) o;
            if (e.containsKey("stratum") || !pool.contains(e.get("uscc"))) {
                problems.add("selected entry names a stratum or is not in the pool: " + e);
            }
        }
        for (Object o : doc.get("replacements") == null ? List.of() : list(doc.get("replacements"), "replacements", problems)) {
            if (((Map<?, ?>) o).containsKey("stratum")) {
                problems.add("replacement names a stratum: " + o);
            }
        }
        return problems;
    }

    /**
     * Checks the public document against the complete one (oversight, Amendment 1): the same commitment, pool, seed
     * and selection, and each opaque label's digest and counts those of the real stratum it maps to.
     */
    public static List<String> verifyDisclosure(Map<String, Object> publicDoc, Map<String, Object> complete) {
        List<String> problems = new ArrayList<>();
        for (String f : List.of("drawId", "taskId", "commitment", "poolDigest", "secret", "seed", "entropy")) {
            if (!Objects.equals(publicDoc.get(f), complete.get(f))) {
                problems.add(f + " differs: " + publicDoc.get(f) + " / " + complete.get(f));
            }
        }
        Map<?, ?> mapping = complete.get("opaqueLabels") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> digests = publicDoc.get("stratumDigests") instanceof Map<?, ?> m ? m : Map.of();
        Map<String, List<String>> members = new HashMap<>();
        List<String> pool = new ArrayList<>();
        for (Object o : list(complete.get("pool"), "pool", problems)) {
            Map<?, ?> c = (Map<?, ?>) o;
            members.computeIfAbsent((String) c.get("stratum"), x -> new ArrayList<>()).add((String) c.get("uscc"));
            pool.add((String) c.get("uscc"));
        }
        List<String> publicPool = new ArrayList<>();
        list(publicDoc.get("pool"), "pool", problems).forEach(o -> publicPool.add((String) ((Map<?, ?>) o).get("uscc")));
        if (!pool.equals(publicPool)) {
            problems.add("the public pool is not the complete pool without strata");
        }
        Map<String, Map<?, ?>> realStrata = new HashMap<>();
        list(complete.get("strata"), "strata", problems).forEach(o -> realStrata.put((String) ((Map<?, ?>) o).get("label"), (Map<?, ?>) o));
        for (Object o : list(publicDoc.get("strata"), "strata", problems)) {
            Map<?, ?> s = (Map<?, ?>) o;
            String real = (String) mapping.get(s.get("label"));
            Map<?, ?> r = realStrata.get(real);
            if (r == null) {
                problems.add("opaque label " + s.get("label") + " maps to no stratum");
                continue;
            }
            if (!Objects.equals(s.get("size"), r.get("size")) || !Objects.equals(s.get("selectedCount"), r.get("selectedCount"))) {
                problems.add("opaque label " + s.get("label") + " counts differ from stratum " + real);
            }
            String expected = memberDigest(members.getOrDefault(real, List.of()));
            if (!expected.equals(digests.get(s.get("label")))) {
                problems.add("stratumDigests[" + s.get("label") + "] is not the digest of stratum " + real + "'s members");
            }
        }
        if (mapping.size() != realStrata.size()) {
            problems.add("opaqueLabels maps " + mapping.size() + " labels for " + realStrata.size() + " strata");
        }
        Map<String, Object> selected = new HashMap<>();
        list(complete.get("selected") == null ? List.of() : complete.get("selected"), "selected", problems)
                .forEach(o -> selected.put((String) ((Map<?, ?>) o).get("uscc"), ((Map<?, ?>) o).get("order")));
        Map<String, Object> publicSelected = new HashMap<>();
        list(publicDoc.get("selected") == null ? List.of() : publicDoc.get("selected"), "selected", problems)
                .forEach(o -> publicSelected.put((String) ((Map<?, ?>) o).get("uscc"), ((Map<?, ?>) o).get("order")));
        if (!selected.equals(publicSelected)) {
            problems.add("the public selection differs from the complete one");
        }
        return problems;
    }

    private static List<?> list(Object o, String field, List<String> problems) {
        if (o instanceof List<?> l) {
            return l;
        }
        problems.add(field + " is missing or not a list");
        return List.of();
    }

    private static Integer integer(Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof BigInteger) {
            return ((Number) o).intValue();
        }
        return null;
    }

    /** Convenience for tests: the pool as {@code {uscc, stratum}} pairs. */
    public static List<String[]> pairs(String... usccAndStratum) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < usccAndStratum.length; i += 2) {
            out.add(new String[] {usccAndStratum[i], usccAndStratum[i + 1]});
        }
        return out;
    }
}
