package org.supervisionhub.api.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.supervisionhub.api.access.AccessScope;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.sampling.Vdraw1.Candidate;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.DrawStratum;

/**
 * What is disclosed of a draw's strata (vdraw-1 Amendment 1). A stratum other than {@code ALL} is a credit-risk
 * class or the complaint stratum, which the public may not read of an enterprise: such a draw is published with
 * opaque labels ({@code S1}, {@code S2}, ...) and per-stratum member digests, and only those who may already know
 * the labels see them.
 */
public final class StratumDisclosure {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Roles that run or oversee draws; with the draw's department in their tree they know its strata anyway. */
    private static final Set<Role> DRAWING_ROLES = Set.of(Role.OFFICER, Role.LEADER, Role.OVERSIGHT);

    private StratumDisclosure() {
    }

    /** Amendment 1: a draw stratified by an attribute the public may not read. */
    public static boolean confidential(Draw draw) {
        return draw.strata().stream().anyMatch(s -> !PlanService.ALL.equals(s.label()));
    }

    /** Real labels: administrators, and officers, leaders and oversight of the drawing department's tree. */
    public static boolean seesLabels(Viewer viewer, Draw draw) {
        return !confidential(draw) || viewer.has(Role.ADMIN)
                || (viewer.hasAny(DRAWING_ROLES) && viewer.reaches(draw.departmentId(), AccessScope.DEPARTMENT_TREE));
    }

    /** S1, S2, ..., S10: opaque labels in numeric order. */
    public static final Comparator<String> OPAQUE_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    /** The labels {@code viewer} may see of {@code draw}'s strata, real label to shown label. */
    public static UnaryOperator<String> labelsFor(Viewer viewer, Draw draw) {
        if (draw == null) {
            // Only an inspection created outside any draw: nothing to map it by, so nothing but ALL is shown.
            return label -> PlanService.ALL.equals(label) ? label : "?";
        }
        if (seesLabels(viewer, draw)) {
            return UnaryOperator.identity();
        }
        Map<String, String> opaque = opaque(draw);
        return label -> opaque.getOrDefault(label, "?");
    }

    /** Real label to opaque label. */
    public static Map<String, String> opaque(Draw draw) {
        Map<String, String> out = new HashMap<>();
        draw.strata().forEach(s -> out.put(s.label(), s.opaqueLabel()));
        return out;
    }

    /**
     * Opaque labels for {@code labels}, in the same order: {@code S1..Sn} in a random order. Not derived from the
     * draw's secret (the spec's example), because the secret is published at execution and the set of real labels is
     * small: anyone could then recompute the mapping.
     */
    public static List<String> opaqueLabels(List<String> labels) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, RANDOM);
        String[] out = new String[labels.size()];
        for (int i = 0; i < order.size(); i++) {
            out[order.get(i)] = "S" + (i + 1);
        }
        return List.of(out);
    }

    /**
     * Amendment 1's {@code stratumDigests} entry of each label, in the order of {@code labels}:
     * {@code hex(SHA256(members' USCC + "\n", sorted byte-wise ascending))}. {@code canonical} is sorted by USCC.
     */
    public static List<String> memberDigests(List<String> labels, List<Candidate> canonical) {
        // One pass per label, labels in parallel; members' lines go to the digest through a buffer, not one by one.
        return labels.parallelStream().map(label -> {
            MessageDigest digest = Vdraw1.sha256();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
            for (Candidate c : canonical) {
                if (c.stratum().equals(label)) {
                    byte[] line = (c.uscc() + "\n").getBytes(StandardCharsets.US_ASCII);
                    if (buffer.remaining() < line.length) {
                        digest.update(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    if (line.length > buffer.capacity()) {
                        digest.update(line);
                    } else {
                        buffer.put(line);
                    }
                }
            }
            digest.update(buffer.array(), 0, buffer.position());
            return Vdraw1.hex(digest.digest());
        }).toList();
    }

    /** The strata with opaque labels and digests assigned, for a new draw. */
    public static List<DrawStratum> disclosed(List<DrawStratum> strata, List<Candidate> canonical) {
        List<String> labels = strata.stream().map(DrawStratum::label).toList();
        List<String> opaque = opaqueLabels(labels);
        List<String> digests = memberDigests(labels, canonical);
        List<DrawStratum> out = new ArrayList<>();
        for (int i = 0; i < strata.size(); i++) {
            DrawStratum s = strata.get(i);
            out.add(new DrawStratum(s.label(), s.size(), s.ratio(), s.selectedCount(), opaque.get(i), digests.get(i)));
        }
        return out;
    }
}
