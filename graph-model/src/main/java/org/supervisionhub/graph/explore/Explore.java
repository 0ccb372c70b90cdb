package org.supervisionhub.graph.explore;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;

/** Value types of exploration: nodes and links as read, one hop at a time. */
public final class Explore {

    private Explore() {
    }

    public enum Kind { ENTERPRISE, PERSON }

    /** An enterprise (id: USCC) or a person (id: personId); {@code status} null for persons. */
    public record Node(Kind kind, String id, String name, String status) {
    }

    /** A link as stored: {@code from} holds it towards {@code to} (always an enterprise). */
    public record Edge(LinkType type, String from, String to, String role, Double sharePct, LocalDate validFrom, LocalDate validTo) {

        /** Stable across reads: a link is keyed by its type, ends and start (as the directory merges them). */
        public String id() {
            return type.name() + ":" + from + ":" + to + ":" + validFrom;
        }

        public String other(String id) {
            return from.equals(id) ? to : from;
        }
    }

    /**
     * A link of {@code node} and the node at its other end; {@code key} orders a node's links stably
     * (type, other end, start, direction) and is the keyset cursor of neighbour pages.
     */
    public record Neighbour(String key, Edge edge, Node node) {
    }

    /**
     * The links of one node active on the day: at most {@code cap} of them in key order, and how many there are of
     * each type in all ({@code counts}). {@code node} is null when no such subject exists.
     */
    public record Links(Node node, List<Neighbour> drawn, Map<LinkType, Integer> counts, List<Trigger> triggers) {
        public Links(Node node, List<Neighbour> drawn, Map<LinkType, Integer> counts) {
            this(node, drawn, counts, List.of());
        }

        public int degree() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What a node shows besides itself: its active links per type on the day and its triggers in force at the end of it. */
    public record Facts(Map<LinkType, Integer> counts, List<Trigger> triggers) {
        public int degree() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * One frontier step with facts: each frontier node's links (with its own triggers), and for the outer ring (the nodes
     * drawn that were not {@code known} before, when asked) their facts, so the last hop needs no further statement.
     */
    public record Hop(Map<String, Links> links, Map<String, Facts> ring) {
    }

    /** An enterprise of a holding subgraph: its active shareholdings, and its legal representative when it was asked about. */
    public record Held(Node node, List<Holding> holders, Neighbour representative) {
    }

    /** A shareholding towards {@code uscc}: {@code holder} holds {@code share} (0..1) of it. */
    public record Holding(String uscc, Node holder, double share, Edge edge) {
    }
}
