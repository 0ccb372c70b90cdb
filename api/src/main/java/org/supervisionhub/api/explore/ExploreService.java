package org.supervisionhub.api.explore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.supervisionhub.api.explore.ExploreViews.ActualController;
import org.supervisionhub.api.explore.ExploreViews.BeneficialOwner;
import org.supervisionhub.api.explore.ExploreViews.BeneficialOwnership;
import org.supervisionhub.api.explore.ExploreViews.CommonController;
import org.supervisionhub.api.explore.ExploreViews.ControlledSubject;
import org.supervisionhub.api.explore.ExploreViews.ControllerBasis;
import org.supervisionhub.api.explore.ExploreViews.ExposedSubject;
import org.supervisionhub.api.explore.ExploreViews.GraphNode;
import org.supervisionhub.api.explore.ExploreViews.OmittedLinks;
import org.supervisionhub.api.explore.ExploreViews.OwnershipChain;
import org.supervisionhub.api.explore.ExploreViews.PathSearch;
import org.supervisionhub.api.explore.ExploreViews.RestrictionExposure;
import org.supervisionhub.api.explore.ExploreViews.SubjectGraph;
import org.supervisionhub.api.explore.ExploreViews.SubjectPath;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.restriction.RestrictionViews.AppliedTrigger;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.explore.Explore.Edge;
import org.supervisionhub.graph.explore.Explore.Held;
import org.supervisionhub.graph.explore.Explore.Holding;
import org.supervisionhub.graph.explore.Explore.Hop;
import org.supervisionhub.graph.explore.Explore.Kind;
import org.supervisionhub.graph.explore.Explore.Links;
import org.supervisionhub.graph.explore.Explore.Neighbour;
import org.supervisionhub.graph.explore.Explore.Node;
import org.supervisionhub.graph.explore.ExploreRepository;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.Page;

/**
 * The exploration algorithms. Every walk runs here, frontier by frontier, each step one batched one-hop statement
 * ({@link ExploreRepository}), and every walk is bounded (hops, nodes, chains), so a hub person with thousands of links
 * costs rows, not a combinatorial pattern match. Inputs are validated by the controller.
 */
@Service
public class ExploreService {

    /** Ownership: deepest holding chain read, most enterprises in one holding subgraph, longest simple chain listed. */
    static final int MAX_HOLDING_DEPTH = 10;
    static final int MAX_HOLDING_NODES = 2_000;
    static final int MAX_CHAINS_PER_OWNER = 20;
    /** Steps of the simple-chain enumeration; chains past it are left out (the effective share still counts them). */
    static final int MAX_CHAIN_STEPS = 50_000;
    /** Fixed-point iteration: the series of cross-holdings converges geometrically; stop when it no longer moves. */
    static final int MAX_ITERATIONS = 1_000;
    static final double TOLERANCE = 1e-13;
    /** Shares at the threshold count as at it, whatever the last bits of a product. */
    static final double EPSILON = 1e-9;
    /** Nodes one side of a path search, or an exposure walk, may visit. */
    static final int MAX_SEARCH_NODES = 50_000;
    static final int MAX_EXPOSURE_NODES = 5_000;
    static final int MAX_EXPOSED = 100;
    static final List<LinkType> ALL_TYPES = List.of(LinkType.values());

    private final ExploreRepository repository;
    private final TriggerRepository triggers;
    private final Clock clock;
    private final ZoneId zone;

    public ExploreService(ExploreRepository repository, TriggerRepository triggers, Clock clock) {
        this.repository = repository;
        this.triggers = triggers;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Today in the hub's zone (Beijing): the default {@code asOf}. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A subject as asked about: the argument it came from (named in errors), its kind as the input typed it, its id. */
    public record Subject(String field, Kind kind, String id) {
        NotFoundException notFound() {
            return new NotFoundException(field, "no " + (kind == Kind.PERSON ? "person " : "enterprise ") + id);
        }
    }

    /** The subjects, in order, in one read; the first that does not exist is refused naming its argument. */
    public List<Node> find(List<Subject> subjects) {
        Map<String, Node> found = repository.nodes(subjects.stream().map(Subject::id).toList());
        List<Node> out = new ArrayList<>();
        for (Subject s : subjects) {
            Node n = found.get(s.id());
            if (n == null || n.kind() != s.kind()) {
                throw s.notFound();
            }
            out.add(n);
        }
        return out;
    }

    // ---- neighbourhood

    /**
     * Breadth first from the subject, at most {@code perNode} links drawn per expanded node and {@code limit} nodes in all.
     * One statement per hop: each brings the frontier's links and triggers, the last also the outer ring's counts and
     * triggers (the ring is not expanded), and the first tells whether the subject exists.
     */
    public SubjectGraph subjectGraph(Subject subject, int hops, List<LinkType> types, LocalDate asOf, int limit, int perNode) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        Map<String, Map<LinkType, Integer>> counts = new HashMap<>();
        Map<String, List<AppliedTrigger>> active = new HashMap<>();
        Map<String, Edge> edges = new LinkedHashMap<>();
        depth.put(subject.id(), 0);
        boolean truncated = false;
        OffsetDateTime at = endOf(asOf);
        List<String> frontier = List.of(subject.id());
        for (int h = 0; h < hops && !frontier.isEmpty(); h++) {
            boolean last = h == hops - 1;
            Hop hop = repository.expand(frontier, types, asOf, at, perNode, last, last ? nodes.keySet() : List.of(), limit - nodes.size());
            if (h == 0) {
                Links self = hop.links().get(subject.id());
                if (self == null || self.node().kind() != subject.kind()) {
                    throw subject.notFound();
                }
                nodes.put(subject.id(), self.node());
            }
            hop.ring().forEach((id, f) -> {
                counts.put(id, f.counts());
                active.put(id, applied(f.triggers()));
            });
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                Links links = hop.links().get(id);
                if (links == null) {
                    continue;
                }
                counts.put(id, links.counts());
                active.put(id, applied(links.triggers()));
                truncated |= links.degree() > links.drawn().size();
                for (Neighbour nb : links.drawn()) {
                    String other = nb.node().id();
                    if (!nodes.containsKey(other)) {
                        if (nodes.size() >= limit) {
                            truncated = true;
                            continue;
                        }
                        nodes.put(other, nb.node());
                        depth.put(other, h + 1);
                        next.add(other);
                    }
                    edges.putIfAbsent(nb.edge().id(), nb.edge());
                }
            }
            frontier = next;
        }
        // The ring is read in the order this walk adds nodes; should the database hand it in another, read what is missing.
        List<Node> unread = nodes.values().stream().filter(n -> !counts.containsKey(n.id())).toList();
        if (!unread.isEmpty()) {
            repository.facts(unread.stream().map(Node::id).toList(), types, asOf, at).forEach((id, f) -> {
                counts.put(id, f.counts());
                active.put(id, applied(f.triggers()));
            });
        }
        Map<String, Map<LinkType, Integer>> drawn = new HashMap<>();
        for (Edge e : edges.values()) {
            drawn.computeIfAbsent(e.from(), k -> new EnumMap<>(LinkType.class)).merge(e.type(), 1, Integer::sum);
            if (!e.to().equals(e.from())) {
                drawn.computeIfAbsent(e.to(), k -> new EnumMap<>(LinkType.class)).merge(e.type(), 1, Integer::sum);
            }
        }
        List<GraphNode> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            Map<LinkType, Integer> c = counts.getOrDefault(n.id(), Map.of());
            Map<LinkType, Integer> d = drawn.getOrDefault(n.id(), Map.of());
            List<OmittedLinks> omitted = new ArrayList<>();
            for (LinkType t : LinkType.values()) {
                int left = c.getOrDefault(t, 0) - d.getOrDefault(t, 0);
                if (left > 0) {
                    omitted.add(new OmittedLinks(t, left));
                }
            }
            out.add(graphNode(n, depth.get(n.id()), active, sum(c), omitted));
        }
        return new SubjectGraph(out.get(0), asOf, hops, out, List.copyOf(edges.values()), truncated);
    }

    /** One node's links page by page, in the same stable order the neighbourhood draws them. */
    public ExploreViews.Neighbours neighbours(Subject subject, List<LinkType> types, LocalDate asOf, int first, String after) {
        String afterKey = after == null ? null : Cursor.decode(after, 1).key(0);
        Links links = repository.links(List.of(subject.id()), types, asOf, first + 1, afterKey).get(subject.id());
        if (links == null || links.node().kind() != subject.kind()) {
            throw subject.notFound();
        }
        List<Neighbour> rows = links.drawn();
        Page<Neighbour> page = Page.of(rows, first, nb -> Cursor.encode(nb.key()));
        List<Node> others = page.items().stream().map(Neighbour::node).toList();
        Shown shown = shown(others, types, asOf);
        Map<String, Integer> degrees = shown.degrees();
        Map<String, List<AppliedTrigger>> active = shown.active();
        List<ExploreViews.Neighbour> items = page.items().stream().map(nb -> new ExploreViews.Neighbour(nb.edge(),
                graphNode(nb.node(), 1, active, degrees.getOrDefault(nb.node().id(), 0), List.of()))).toList();
        Map<ExploreViews.Neighbour, String> cursors = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            cursors.put(items.get(i), Cursor.encode(page.items().get(i).key()));
        }
        return new ExploreViews.Neighbours(new Page<>(items, page.hasNext(), cursors::get), links.degree());
    }

    // ---- shortest connections

    private record Step(Edge edge, String previous) {
    }

    private static final class Side {
        final Map<String, Integer> dist = new HashMap<>();
        final Map<String, List<Step>> parents = new HashMap<>();
        List<String> frontier;
        int depth;

        Side(String start) {
            dist.put(start, 0);
            frontier = List.of(start);
        }
    }

    /**
     * All shortest connections, links undirected: breadth first from both ends, always widening the smaller frontier
     * by one level (one statement for the whole frontier), every predecessor of a node kept, until the two meet.
     */
    public PathSearch paths(Subject fromSubject, Subject toSubject, int maxHops, List<LinkType> types, LocalDate asOf, int first) {
        List<Node> ends = find(List.of(fromSubject, toSubject));
        Node from = ends.get(0);
        Node to = ends.get(1);
        Side a = new Side(from.id());
        Side b = new Side(to.id());
        Map<String, Node> known = new HashMap<>();
        known.put(from.id(), from);
        known.put(to.id(), to);
        Set<String> meet = new TreeSet<>();
        boolean bounded = false;
        while (a.depth + b.depth < maxHops && !a.frontier.isEmpty() && !b.frontier.isEmpty()) {
            Side s = a.frontier.size() <= b.frontier.size() ? a : b;
            Side other = s == a ? b : a;
            Map<String, Links> read = repository.links(s.frontier, types, asOf, -1, null);
            Set<String> next = new LinkedHashSet<>();
            for (String id : s.frontier) {
                Links links = read.get(id);
                if (links == null) {
                    continue;
                }
                for (Neighbour nb : links.drawn()) {
                    String m = nb.node().id();
                    known.putIfAbsent(m, nb.node());
                    Integer d = s.dist.get(m);
                    if (d == null) {
                        s.dist.put(m, s.depth + 1);
                        next.add(m);
                        d = s.depth + 1;
                    }
                    if (d == s.depth + 1) {
                        s.parents.computeIfAbsent(m, k -> new ArrayList<>()).add(new Step(nb.edge(), id));
                    }
                }
            }
            s.depth++;
            s.frontier = List.copyOf(next);
            for (String m : next) {
                if (other.dist.containsKey(m)) {
                    meet.add(m);
                }
            }
            if (!meet.isEmpty()) {
                break;
            }
            if (s.dist.size() > MAX_SEARCH_NODES) {
                bounded = true;
                break;
            }
        }
        if (meet.isEmpty()) {
            Shown shown = shown(List.of(from, to), types, asOf);
            Map<String, List<AppliedTrigger>> active = shown.active();
            Map<String, Integer> degrees = shown.degrees();
            return new PathSearch(graphNode(from, 0, active, degrees.getOrDefault(from.id(), 0), List.of()),
                    graphNode(to, 0, active, degrees.getOrDefault(to.id(), 0), List.of()), asOf, null, List.of(), bounded);
        }
        int length = a.depth + b.depth;
        a.parents.values().forEach(l -> l.sort(Comparator.comparing(Step::previous).thenComparing(st -> st.edge().id())));
        b.parents.values().forEach(l -> l.sort(Comparator.comparing(Step::previous).thenComparing(st -> st.edge().id())));
        long total = 0;
        Map<String, Long> countA = new HashMap<>();
        Map<String, Long> countB = new HashMap<>();
        for (String m : meet) {
            total = Math.min(Long.MAX_VALUE / 4, total + Math.min(Long.MAX_VALUE / 4, count(a, m, countA) * count(b, m, countB)));
        }
        List<List<Edge>> found = new ArrayList<>();
        for (String m : meet) {
            if (found.size() >= first) {
                break;
            }
            List<List<Edge>> left = chains(a, m, first - found.size());
            List<List<Edge>> right = chains(b, m, first - found.size());
            for (List<Edge> l : left) {
                for (List<Edge> r : right) {
                    if (found.size() >= first) {
                        break;
                    }
                    List<Edge> path = new ArrayList<>(l);
                    List<Edge> back = new ArrayList<>(r);
                    Collections.reverse(back);
                    path.addAll(back);
                    found.add(path);
                }
            }
        }
        Set<Node> involved = new LinkedHashSet<>();
        List<List<Node>> nodePaths = new ArrayList<>();
        for (List<Edge> p : found) {
            List<Node> ns = new ArrayList<>();
            String at = from.id();
            ns.add(from);
            for (Edge e : p) {
                at = e.other(at);
                ns.add(known.get(at));
            }
            involved.addAll(ns);
            nodePaths.add(ns);
        }
        Shown shown = shown(involved, types, asOf);
        Map<String, List<AppliedTrigger>> active = shown.active();
        Map<String, Integer> degrees = shown.degrees();
        List<SubjectPath> paths = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            List<Node> ns = nodePaths.get(i);
            List<GraphNode> gs = new ArrayList<>();
            for (int k = 0; k < ns.size(); k++) {
                gs.add(graphNode(ns.get(k), k, active, degrees.getOrDefault(ns.get(k).id(), 0), List.of()));
            }
            paths.add(new SubjectPath(length, gs, found.get(i)));
        }
        return new PathSearch(paths.get(0).nodes().get(0), paths.get(0).nodes().get(length), asOf, length, paths, total > first);
    }

    /** Shortest walks from the side's start to {@code m}, counted. */
    private static long count(Side s, String m, Map<String, Long> memo) {
        if (s.dist.get(m) == 0) {
            return 1;
        }
        Long c = memo.get(m);
        if (c != null) {
            return c;
        }
        long n = 0;
        for (Step st : s.parents.getOrDefault(m, List.of())) {
            n = Math.min(Long.MAX_VALUE / 4, n + count(s, st.previous(), memo));
        }
        memo.put(m, n);
        return n;
    }

    /** Up to {@code limit} shortest edge sequences from the side's start to {@code m}, in stable order. */
    private static List<List<Edge>> chains(Side s, String m, int limit) {
        List<List<Edge>> out = new ArrayList<>();
        if (s.dist.get(m) == 0) {
            out.add(List.of());
            return out;
        }
        for (Step st : s.parents.getOrDefault(m, List.of())) {
            for (List<Edge> prefix : chains(s, st.previous(), limit - out.size())) {
                List<Edge> c = new ArrayList<>(prefix);
                c.add(st.edge());
                out.add(c);
                if (out.size() >= limit) {
                    return out;
                }
            }
        }
        return out;
    }

    // ---- ownership

    /**
     * The holding subgraph above some enterprises: who holds what, level by level up to the bounds, and the legal
     * representatives of the targets ({@code nodes} holds the targets that exist and every holder).
     */
    record Holdings(Map<String, List<Holding>> holdersOf, Map<String, List<Holding>> heldBy, Map<String, Node> nodes, Set<String> unread,
                    Map<String, Neighbour> representatives) {

        /** Enterprises whose shareholders are unknown: none recorded, or beyond the bounds. */
        boolean untraced(String uscc) {
            return unread.contains(uscc) || holdersOf.getOrDefault(uscc, List.of()).isEmpty();
        }
    }

    /**
     * Reads the whole subgraph in one statement ({@link ExploreRepository#holdingSubgraph}), then walks it breadth first
     * with the bounds; only when that statement hit its node bound are the levels it left out read one by one.
     */
    Holdings holdings(Collection<String> targets, LocalDate asOf) {
        Map<String, Held> read = repository.holdingSubgraph(targets, asOf, MAX_HOLDING_DEPTH, MAX_HOLDING_NODES);
        Map<String, List<Holding>> holdersOf = new HashMap<>();
        Map<String, List<Holding>> heldBy = new HashMap<>();
        Map<String, Node> nodes = new HashMap<>();
        Map<String, Neighbour> reps = new HashMap<>();
        for (String t : targets) {
            Held held = read.get(t);
            if (held != null) {
                nodes.put(t, held.node());
                if (held.representative() != null) {
                    reps.put(t, held.representative());
                }
            }
        }
        List<String> unreadTargets = targets.stream().filter(t -> !read.containsKey(t)).toList();
        if (!unreadTargets.isEmpty() && read.size() >= MAX_HOLDING_NODES) {
            repository.nodes(unreadTargets).forEach(nodes::put);
            reps.putAll(repository.legalRepresentatives(unreadTargets, asOf));
        }
        Set<String> seen = new HashSet<>(targets);
        // Enterprises beyond the node bound: their shareholders are not read, so what they hold counts as untraced.
        Set<String> cut = new HashSet<>();
        List<String> frontier = List.copyOf(new LinkedHashSet<>(targets));
        for (int level = 0; level < MAX_HOLDING_DEPTH && !frontier.isEmpty(); level++) {
            Map<String, List<Holding>> levelHolders = new HashMap<>();
            List<String> missing = new ArrayList<>();
            for (String u : frontier) {
                Held held = read.get(u);
                if (held != null) {
                    levelHolders.put(u, held.holders());
                } else {
                    missing.add(u);
                }
            }
            if (!missing.isEmpty() && read.size() >= MAX_HOLDING_NODES) {
                levelHolders.putAll(repository.holders(missing, asOf));
            }
            List<String> next = new ArrayList<>();
            for (String u : frontier) {
                List<Holding> hs = new ArrayList<>(levelHolders.getOrDefault(u, List.of()));
                hs.sort(Comparator.comparing(h -> h.edge().id()));
                holdersOf.put(u, hs);
                for (Holding h : hs) {
                    nodes.putIfAbsent(h.holder().id(), h.holder());
                    heldBy.computeIfAbsent(h.holder().id(), k -> new ArrayList<>()).add(h);
                    if (h.holder().kind() == Kind.ENTERPRISE && !seen.contains(h.holder().id())) {
                        if (seen.size() < MAX_HOLDING_NODES) {
                            seen.add(h.holder().id());
                            next.add(h.holder().id());
                        } else {
                            cut.add(h.holder().id());
                        }
                    }
                }
            }
            frontier = next;
        }
        cut.addAll(frontier);
        return new Holdings(holdersOf, heldBy, nodes, cut, reps);
    }

    /**
     * Effective share of every holder in {@code target}: the sum over all holding walks of the product of the shares, i.e.
     * the fixed point of {@code g(target) = 1 + sum w(target, x) g(x)}, {@code g(v) = sum w(v, x) g(x)} (w: v holds x).
     * Cross-holdings make it a geometric series, which this iteration sums; it converges whenever no set of enterprises
     * holds all of itself. Values above 1 (inconsistent share records) are capped at 1.
     */
    static Map<String, Double> effectiveShares(Holdings h, String target) {
        Set<String> ids = new HashSet<>(h.heldBy().keySet());
        ids.add(target);
        Map<String, Double> g = new HashMap<>();
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            Map<String, Double> next = new HashMap<>();
            double delta = 0;
            for (String v : ids) {
                double value = v.equals(target) ? 1.0 : 0.0;
                for (Holding x : h.heldBy().getOrDefault(v, List.of())) {
                    value += x.share() * g.getOrDefault(x.uscc(), 0.0);
                }
                if (value != 0.0) {
                    next.put(v, value);
                }
                delta = Math.max(delta, Math.abs(value - g.getOrDefault(v, 0.0)));
            }
            g = next;
            if (delta < TOLERANCE) {
                break;
            }
        }
        return g;
    }

    /** Beneficial owners of {@code enterprise} (an existing enterprise) at or above {@code threshold}, and its actual controller. */
    public BeneficialOwnership beneficialOwners(Subject subject, LocalDate asOf, double threshold) {
        String target = subject.id();
        Holdings h = holdings(List.of(target), asOf);
        Node enterprise = h.nodes().get(target);
        if (enterprise == null || enterprise.kind() != Kind.ENTERPRISE) {
            throw subject.notFound();
        }
        Map<String, Double> g = effectiveShares(h, target);
        double untraced = 0;
        for (String u : h.holdersOf().keySet()) {
            if (h.untraced(u)) {
                untraced += g.getOrDefault(u, 0.0);
            }
        }
        for (String u : h.unread()) {
            untraced += g.getOrDefault(u, 0.0);
        }
        List<Node> owners = h.nodes().values().stream().filter(n -> n.kind() == Kind.PERSON)
                .filter(n -> share(g, n.id()) >= threshold - EPSILON)
                .sorted(Comparator.<Node>comparingDouble(n -> -share(g, n.id())).thenComparing(Node::id)).toList();
        Map<String, List<List<Holding>>> chains = simpleChains(h, target, owners.stream().map(Node::id).collect(java.util.stream.Collectors.toSet()));
        Neighbour rep = owners.isEmpty() ? h.representatives().get(target) : null;
        Set<Node> involved = new LinkedHashSet<>();
        involved.add(enterprise);
        involved.addAll(owners);
        chains.values().forEach(cs -> cs.forEach(c -> c.forEach(x -> involved.add(x.holder()))));
        if (rep != null) {
            involved.add(rep.node());
        }
        Map<String, Node> byId = new HashMap<>();
        involved.forEach(n -> byId.put(n.id(), n));
        Shown shown = shown(involved, ALL_TYPES, asOf);
        Map<String, List<AppliedTrigger>> active = shown.active();
        Map<String, Integer> degrees = shown.degrees();
        List<BeneficialOwner> list = new ArrayList<>();
        for (Node o : owners) {
            List<List<Holding>> cs = chains.getOrDefault(o.id(), List.of());
            int hops = cs.stream().mapToInt(List::size).min().orElse(0);
            List<OwnershipChain> views = new ArrayList<>();
            for (List<Holding> c : cs) {
                views.add(new OwnershipChain(product(c), chainPath(c, byId, active, degrees)));
            }
            list.add(new BeneficialOwner(graphNode(o, hops, active, degrees.getOrDefault(o.id(), 0), List.of()), share(g, o.id()), views));
        }
        ActualController controller;
        if (!list.isEmpty()) {
            controller = new ActualController(list.get(0).person(), ControllerBasis.LARGEST_EFFECTIVE_SHARE, list.get(0).effectiveShare());
        } else if (rep != null) {
            double s = share(g, rep.node().id());
            controller = new ActualController(graphNode(rep.node(), 1, active, degrees.getOrDefault(rep.node().id(), 0), List.of()),
                    ControllerBasis.LEGAL_REPRESENTATIVE, s > 0 ? s : null);
        } else {
            controller = new ActualController(null, ControllerBasis.UNKNOWN, null);
        }
        return new BeneficialOwnership(graphNode(enterprise, 0, active, degrees.getOrDefault(target, 0), List.of()), asOf, threshold, list,
                controller, Math.min(1.0, Math.max(0.0, untraced)));
    }

    private static double share(Map<String, Double> g, String id) {
        return Math.min(1.0, g.getOrDefault(id, 0.0));
    }

    private static double product(List<Holding> chain) {
        double p = 1;
        for (Holding x : chain) {
            p *= x.share();
        }
        return p;
    }

    /**
     * Simple holding chains (no enterprise twice) from each of {@code persons} down to {@code target}, largest share first,
     * at most {@link #MAX_CHAINS_PER_OWNER} each; each chain lists its holdings from the person to the target.
     */
    static Map<String, List<List<Holding>>> simpleChains(Holdings h, String target, Set<String> persons) {
        Map<String, List<List<Holding>>> out = new HashMap<>();
        if (persons.isEmpty()) {
            return out;
        }
        ArrayDeque<Holding> stack = new ArrayDeque<>();
        Set<String> onPath = new HashSet<>();
        onPath.add(target);
        int[] steps = {0};
        walk(h, target, persons, stack, onPath, out, steps);
        out.values().forEach(cs -> {
            cs.sort(Comparator.<List<Holding>>comparingDouble(c -> -product(c)).thenComparingInt(List::size)
                    .thenComparing(c -> c.get(0).edge().id()));
            if (cs.size() > MAX_CHAINS_PER_OWNER) {
                cs.subList(MAX_CHAINS_PER_OWNER, cs.size()).clear();
            }
        });
        return out;
    }

    private static void walk(Holdings h, String at, Set<String> persons, ArrayDeque<Holding> stack, Set<String> onPath,
                             Map<String, List<List<Holding>>> out, int[] steps) {
        for (Holding x : h.holdersOf().getOrDefault(at, List.of())) {
            if (++steps[0] > MAX_CHAIN_STEPS) {
                return;
            }
            String holder = x.holder().id();
            stack.push(x);
            if (x.holder().kind() == Kind.PERSON) {
                if (persons.contains(holder)) {
                    out.computeIfAbsent(holder, k -> new ArrayList<>()).add(List.copyOf(stack));
                }
            } else if (stack.size() < MAX_HOLDING_DEPTH && onPath.add(holder)) {
                walk(h, holder, persons, stack, onPath, out, steps);
                onPath.remove(holder);
            }
            stack.pop();
        }
    }

    private SubjectPath chainPath(List<Holding> chain, Map<String, Node> byId, Map<String, List<AppliedTrigger>> active,
                                  Map<String, Integer> degrees) {
        List<GraphNode> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Node n = chain.get(i).holder();
            nodes.add(graphNode(n, chain.size() - i, active, degrees.getOrDefault(n.id(), 0), List.of()));
            edges.add(chain.get(i).edge());
        }
        Node target = byId.get(chain.get(chain.size() - 1).uscc());
        nodes.add(graphNode(target, 0, active, degrees.getOrDefault(target.id(), 0), List.of()));
        return new SubjectPath(chain.size(), nodes, edges);
    }

    /**
     * Who represents, or owns at or above {@code threshold} (effective share), two or more of the subjects. One holding
     * subgraph is read for all of them; each controller's path is its strongest chain (largest product, found best
     * first: shares are at most 1, so a chain never gains by growing).
     */
    public List<CommonController> commonControllers(List<Node> subjects, LocalDate asOf, double threshold) {
        List<String> targets = subjects.stream().filter(n -> n.kind() == Kind.ENTERPRISE).map(Node::id).toList();
        Holdings h = holdings(targets, asOf);
        Map<String, Neighbour> reps = h.representatives();
        Map<String, Node> byId = new HashMap<>(h.nodes());
        subjects.forEach(n -> byId.put(n.id(), n));
        reps.values().forEach(r -> byId.putIfAbsent(r.node().id(), r.node()));
        record Control(String subject, LinkType via, Double share, List<Edge> path, List<String> nodes) {
        }
        Map<String, List<Control>> byController = new LinkedHashMap<>();
        for (String t : targets) {
            Map<String, Double> g = effectiveShares(h, t);
            Map<String, List<Holding>> best = strongestChains(h, t);
            Neighbour rep = reps.get(t);
            Set<String> controllers = new TreeSet<>();
            g.forEach((id, s) -> {
                if (!id.equals(t) && Math.min(1.0, s) >= threshold - EPSILON && best.containsKey(id)) {
                    controllers.add(id);
                }
            });
            if (rep != null) {
                controllers.add(rep.node().id());
            }
            for (String c : controllers) {
                double s = share(g, c);
                boolean owns = s >= threshold - EPSILON && best.containsKey(c);
                List<Edge> edges;
                List<String> ids = new ArrayList<>();
                if (owns) {
                    List<Holding> chain = best.get(c);
                    edges = chain.stream().map(Holding::edge).toList();
                    chain.forEach(x -> ids.add(x.holder().id()));
                    ids.add(t);
                } else {
                    edges = List.of(rep.edge());
                    ids.add(c);
                    ids.add(t);
                }
                byController.computeIfAbsent(c, k -> new ArrayList<>())
                        .add(new Control(t, owns ? LinkType.SHAREHOLDER : LinkType.LEGAL_REPRESENTATIVE, s > 0 ? s : null, edges, ids));
            }
        }
        byController.values().removeIf(l -> l.size() < 2);
        Set<Node> involved = new LinkedHashSet<>();
        byController.forEach((c, l) -> {
            involved.add(byId.get(c));
            l.forEach(x -> x.nodes().forEach(id -> involved.add(byId.get(id))));
        });
        Shown shown = shown(involved, ALL_TYPES, asOf);
        Map<String, List<AppliedTrigger>> active = shown.active();
        Map<String, Integer> degrees = shown.degrees();
        List<CommonController> out = new ArrayList<>();
        byController.forEach((c, l) -> {
            List<ControlledSubject> controls = new ArrayList<>();
            for (Control x : l) {
                List<GraphNode> ns = new ArrayList<>();
                for (int i = 0; i < x.nodes().size(); i++) {
                    Node n = byId.get(x.nodes().get(i));
                    ns.add(graphNode(n, i, active, degrees.getOrDefault(n.id(), 0), List.of()));
                }
                controls.add(new ControlledSubject(ns.get(ns.size() - 1), x.via(), x.share(), new SubjectPath(x.path().size(), ns, x.path())));
            }
            out.add(new CommonController(graphNode(byId.get(c), 0, active, degrees.getOrDefault(c, 0), List.of()), controls));
        });
        out.sort(Comparator.<CommonController>comparingInt(cc -> -cc.controls().size()).thenComparing(cc -> cc.controller().id()));
        return out;
    }

    /** For every holder above {@code target}, its chain of largest product (Dijkstra on products), holder first. */
    static Map<String, List<Holding>> strongestChains(Holdings h, String target) {
        Map<String, Double> best = new HashMap<>();
        Map<String, Holding> via = new HashMap<>();
        record Item(String id, double value) {
        }
        PriorityQueue<Item> queue = new PriorityQueue<>(Comparator.comparingDouble((Item i) -> -i.value()).thenComparing(Item::id));
        best.put(target, 1.0);
        queue.add(new Item(target, 1.0));
        Set<String> done = new HashSet<>();
        while (!queue.isEmpty()) {
            Item it = queue.poll();
            if (!done.add(it.id())) {
                continue;
            }
            for (Holding x : h.holdersOf().getOrDefault(it.id(), List.of())) {
                String holder = x.holder().id();
                double v = it.value() * x.share();
                if (!done.contains(holder) && v > best.getOrDefault(holder, 0.0)) {
                    best.put(holder, v);
                    via.put(holder, x);
                    queue.add(new Item(holder, v));
                }
            }
        }
        Map<String, List<Holding>> out = new HashMap<>();
        for (String holder : via.keySet()) {
            List<Holding> chain = new ArrayList<>();
            String at = holder;
            while (!at.equals(target)) {
                Holding x = via.get(at);
                chain.add(x);
                at = x.uscc();
            }
            out.put(holder, chain);
        }
        return out;
    }

    // ---- restriction exposure

    /**
     * Restricted subjects within {@code hops} of the subject, links undirected, each with the first shortest path found
     * (links in stable order). Restricted: an active credit listing or sanction at the end of {@code asOf} (the
     * restriction triggers, read with the same statement as {@code Enterprise.restrictionTriggers}).
     */
    public RestrictionExposure exposure(Subject subject, int hops, LocalDate asOf) {
        return exposure(find(List.of(subject)).get(0), hops, asOf);
    }

    /** {@link #exposure(Subject, int, LocalDate)} of a subject known to exist. */
    public RestrictionExposure exposure(Node subject, int hops, LocalDate asOf) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Step> parent = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        nodes.put(subject.id(), subject);
        depth.put(subject.id(), 0);
        boolean truncated = false;
        List<String> frontier = List.of(subject.id());
        for (int h = 0; h < hops && !frontier.isEmpty() && !truncated; h++) {
            Map<String, Links> read = repository.links(frontier, ALL_TYPES, asOf, -1, null);
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                Links links = read.get(id);
                if (links == null) {
                    continue;
                }
                for (Neighbour nb : links.drawn()) {
                    String m = nb.node().id();
                    if (nodes.containsKey(m)) {
                        continue;
                    }
                    if (nodes.size() >= MAX_EXPOSURE_NODES) {
                        truncated = true;
                        break;
                    }
                    nodes.put(m, nb.node());
                    depth.put(m, h + 1);
                    parent.put(m, new Step(nb.edge(), id));
                    next.add(m);
                }
            }
            frontier = next;
        }
        Map<String, List<AppliedTrigger>> active = activeTriggers(nodes.values(), asOf);
        List<String> restricted = nodes.keySet().stream().filter(id -> !active.getOrDefault(id, List.of()).isEmpty()).toList();
        if (restricted.size() > MAX_EXPOSED) {
            truncated = true;
            restricted = restricted.subList(0, MAX_EXPOSED);
        }
        Set<Node> involved = new LinkedHashSet<>();
        involved.add(subject);
        List<List<String>> pathIds = new ArrayList<>();
        for (String r : restricted) {
            List<String> ids = new ArrayList<>();
            for (String at = r; at != null; at = parent.containsKey(at) ? parent.get(at).previous() : null) {
                ids.add(at);
            }
            Collections.reverse(ids);
            pathIds.add(ids);
            ids.forEach(id -> involved.add(nodes.get(id)));
        }
        Map<String, Integer> degrees = degrees(involved, ALL_TYPES, asOf);
        List<ExposedSubject> exposed = new ArrayList<>();
        for (List<String> ids : pathIds) {
            List<GraphNode> ns = new ArrayList<>();
            List<Edge> es = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                ns.add(graphNode(nodes.get(id), i, active, degrees.getOrDefault(id, 0), List.of()));
                if (i > 0) {
                    es.add(parent.get(id).edge());
                }
            }
            exposed.add(new ExposedSubject(ns.get(ns.size() - 1), new SubjectPath(es.size(), ns, es)));
        }
        return new RestrictionExposure(graphNode(subject, 0, active, degrees.getOrDefault(subject.id(), 0), List.of()), asOf, hops, exposed,
                truncated);
    }

    // ---- shared

    /** The end of {@code asOf} in the hub's zone: a trigger counts when active at that instant. */
    OffsetDateTime endOf(LocalDate asOf) {
        return asOf.plusDays(1).atStartOfDay(zone).toOffsetDateTime().minusNanos(1);
    }

    /** Active listings and sanctions of the enterprises among {@code nodes}, in one read. */
    Map<String, List<AppliedTrigger>> activeTriggers(Collection<Node> nodes, LocalDate asOf) {
        List<String> usccs = nodes.stream().filter(n -> n.kind() == Kind.ENTERPRISE).map(Node::id).distinct().toList();
        if (usccs.isEmpty()) {
            return Map.of();
        }
        Map<String, List<AppliedTrigger>> out = new HashMap<>();
        triggers.ofEnterprises(usccs, null, endOf(asOf)).forEach((uscc, ts) -> out.put(uscc, applied(ts)));
        return out;
    }

    static AppliedTrigger applied(Trigger t) {
        OffsetDateTime end = t.removedAt() == null ? t.expiresAt()
                : t.expiresAt() == null || t.removedAt().isBefore(t.expiresAt()) ? t.removedAt() : t.expiresAt();
        return new AppliedTrigger(t.id(), t.kind(), t.type(), t.uscc(), t.issuingDepartmentId(), t.issuingDepartment(), t.legalBasis(),
                t.activeFrom(), end, t.source());
    }

    /** Active links of each node on {@code asOf} (of {@code types}), in one read. */
    Map<String, Integer> degrees(Collection<Node> nodes, List<LinkType> types, LocalDate asOf) {
        return shown(nodes, types, asOf).degrees();
    }

    /** What answers show of each node besides itself: its degree and its triggers in force at the end of the day. */
    record Shown(Map<String, Integer> degrees, Map<String, List<AppliedTrigger>> active) {
    }

    /** {@link Shown} of the nodes, in one read. */
    Shown shown(Collection<Node> nodes, List<LinkType> types, LocalDate asOf) {
        List<String> ids = nodes.stream().map(Node::id).distinct().toList();
        Map<String, Integer> degrees = new HashMap<>();
        Map<String, List<AppliedTrigger>> active = new HashMap<>();
        if (!ids.isEmpty()) {
            repository.facts(ids, types, asOf, endOf(asOf)).forEach((id, f) -> {
                degrees.put(id, f.degree());
                active.put(id, applied(f.triggers()));
            });
        }
        return new Shown(degrees, active);
    }

    static List<AppliedTrigger> applied(List<Trigger> ts) {
        return ts.stream().map(ExploreService::applied).toList();
    }

    static GraphNode graphNode(Node n, int hops, Map<String, List<AppliedTrigger>> active, int degree, List<OmittedLinks> omitted) {
        List<AppliedTrigger> ts = active.getOrDefault(n.id(), List.of());
        return new GraphNode(n.kind(), n.id(), n.name(), n.status(), hops, !ts.isEmpty(), ts, degree, omitted);
    }

    private static int sum(Map<LinkType, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
