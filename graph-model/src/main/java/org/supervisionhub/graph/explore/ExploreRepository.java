package org.supervisionhub.graph.explore;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Value;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.explore.Explore.Edge;
import org.supervisionhub.graph.explore.Explore.Holding;
import org.supervisionhub.graph.explore.Explore.Kind;
import org.supervisionhub.graph.explore.Explore.Links;
import org.supervisionhub.graph.explore.Explore.Neighbour;
import org.supervisionhub.graph.explore.Explore.Node;
import org.supervisionhub.graph.explore.Explore.Facts;
import org.supervisionhub.graph.explore.Explore.Held;
import org.supervisionhub.graph.explore.Explore.Hop;
import org.supervisionhub.graph.restriction.RestrictionQuery;
import org.supervisionhub.graph.restriction.TriggerRepository;
import org.supervisionhub.graph.restriction.Restrictions.Freshness;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.store.Values;

/**
 * The reads behind exploration, each one hop from a batch of nodes (UNWIND), so the api walks the graph frontier by
 * frontier and bounds every step itself: no variable-length pattern, no {@code shortestPath}, whose cost on a graph with
 * hub persons is unbounded. A link counts on day {@code $asOf} when {@code validFrom <= asOf < validTo}. Runs on the
 * driver directly, as reads (like the restriction check: analysts' pages call these several times per answer).
 */
public class ExploreRepository {

    /** A subject by id: enterprises by USCC, persons by personId (the two never collide: a personId starts with P and is 17 long). */
    static final String SUBJECT = "OPTIONAL MATCH (e:Enterprise {uscc: id}) OPTIONAL MATCH (p:Person {personId: id})"
            + " WITH id, coalesce(e, p) AS n WHERE n IS NOT NULL";
    static final String NODE = "{kind: CASE WHEN %1$s:Enterprise THEN 'ENTERPRISE' ELSE 'PERSON' END,"
            + " id: coalesce(%1$s.uscc, %1$s.personId), name: %1$s.name, status: %1$s.status}";
    static final String ACTIVE = "r.validFrom <= $asOf AND (r.validTo IS NULL OR $asOf < r.validTo)";
    static final String EDGE = "{rel: type(r), from: coalesce(startNode(r).uscc, startNode(r).personId), to: endNode(r).uscc,"
            + " role: r.role, sharePct: r.sharePct, validFrom: r.validFrom, validTo: r.validTo}";

    static final String NODES = "UNWIND $ids AS id " + SUBJECT + " RETURN " + NODE.formatted("n") + " AS node";

    /**
     * Inside {@code CALL (n)}: node n's active links of the asked types as {@code found}, in key order (type, other end,
     * start, direction), each with its other end {@code m} (for statements that go on from it); {@code counts} per type.
     */
    static final String FOUND = "  OPTIONAL MATCH (n)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF|BRANCH_OF]-(m)"
            + "  WHERE type(r) IN $rels AND " + ACTIVE
            + "  WITH r, m, CASE WHEN r IS NULL THEN null ELSE type(r) + '|' + coalesce(m.uscc, m.personId) + '|' + toString(r.validFrom)"
            + "   + CASE WHEN startNode(r) = n THEN '|O' ELSE '|I' END END AS key"
            + "  ORDER BY key"
            + "  WITH collect(CASE WHEN r IS NULL THEN null ELSE {key: key, rel: type(r), edge: " + EDGE + ", node: " + NODE.formatted("m")
            + "   , m: m} END) AS found"
            + "  WITH found, [t IN $rels | size([x IN found WHERE x.rel = t])] AS counts";
    /** The first {@code $cap} of {@code found} after {@code $after}; {@code $cap} -1: all of them. */
    static final String SLICE = "[x IN found WHERE $after IS NULL OR x.key > $after][..CASE WHEN $cap < 0 THEN size(found) ELSE $cap END]";
    /** A drawn link as returned: without its other end's node (only its map). */
    static final String AS_RETURNED = "x {.key, .edge, .node}";

    /**
     * Each node's active links of the asked types: how many of each type, and the first {@code $cap} after {@code $after}
     * in key order (type, other end, start, direction). {@code $cap} -1: all of them.
     */
    static final String LINKS = "UNWIND $ids AS id " + SUBJECT
            + " CALL (n) {" + FOUND + " RETURN counts, [x IN " + SLICE + " | " + AS_RETURNED + "] AS drawn }"
            + " RETURN id, " + NODE.formatted("n") + " AS node, counts, drawn";

    /** The active links of node {@code %1$s} of the asked types, as a list of their types ({@code %2$s}). */
    static final String TYPES_OF = "CALL (%1$s) { OPTIONAL MATCH (%1$s)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF|BRANCH_OF]-()"
            + " WHERE type(r) IN $rels AND " + ACTIVE + " RETURN collect(type(r)) AS %2$s }";
    static final String COUNTS = "[t IN $rels | size([x IN %1$s WHERE x = t])]";
    /** Triggers of node {@code %1$s} in force at {@code $at}, newest first (the order of TriggerRepository.ofEnterprises); none for persons. */
    static final String TRIGGERS = "COLLECT { MATCH (t:RestrictionTrigger {uscc: %1$s.uscc}) WHERE " + TriggerRepository.activeAt("$at")
            + " RETURN t {.*} AS row ORDER BY row.activeFrom DESC, row.id }";

    /** Each node's facts: active links per type on {@code $asOf}, triggers in force at {@code $at}. */
    static final String FACTS = "UNWIND $ids AS id " + SUBJECT + " " + TYPES_OF.formatted("n", "ts")
            + " RETURN id, " + COUNTS.formatted("ts") + " AS counts, " + TRIGGERS.formatted("n") + " AS triggers";

    /**
     * {@link #LINKS} for a frontier (from the first link, at most {@code $cap} each) plus each frontier node's triggers, in one
     * row; with {@code $ring}, also the facts of the first {@code $room} nodes drawn (frontier order, then key order) that
     * are not among {@code $known} (the outer ring of a neighbourhood, as far as its node limit lets it in), each once
     * however many frontier nodes draw it.
     */
    static final String EXPAND = "UNWIND $ids AS id " + SUBJECT
            + " CALL (n) {" + FOUND + " RETURN counts, " + SLICE + " AS drawn }"
            + " WITH id, n, counts, drawn, " + TRIGGERS.formatted("n") + " AS triggers"
            + " WITH collect({id: id, node: " + NODE.formatted("n") + ", counts: counts, drawn: drawn, triggers: triggers}) AS rows"
            + " CALL (rows) {"
            + "  UNWIND CASE WHEN $ring THEN rows ELSE [] END AS row UNWIND row.drawn AS x"
            + "  WITH DISTINCT x.m AS m WHERE NOT coalesce(m.uscc, m.personId) IN $known"
            + "  WITH m LIMIT $room"
            + "  " + TYPES_OF.formatted("m", "ts")
            + "  WITH m, ts, " + TRIGGERS.formatted("m") + " AS triggers"
            + "  RETURN collect({id: coalesce(m.uscc, m.personId), counts: " + COUNTS.formatted("ts") + ", triggers: triggers}) AS ring"
            + " }"
            + " RETURN [row IN rows | row {.id, .node, .counts, .triggers, drawn: [x IN row.drawn | " + AS_RETURNED + "]}] AS rows, ring";

    /**
     * The holding subgraph above some enterprises in one statement: every enterprise that reaches one of them by active
     * shareholdings (with a share) within {@code MAX_DEPTH - 1} links (distinct ends: the planner prunes the
     * variable-length expansion instead of listing paths, so cross-holdings cost rows, not paths), at most {@code $max} of
     * them, each with its active shareholders and, for the enterprises asked about, the legal representative.
     */
    static final String HOLDING_SUBGRAPH = "UNWIND $usccs AS uscc MATCH (e:Enterprise {uscc: uscc})"
            + " MATCH (e)<-[hs:SHAREHOLDER_OF*0..%d]-(x:Enterprise)"
            + " WHERE all(r IN hs WHERE " + ACTIVE + " AND r.sharePct IS NOT NULL)"
            + " WITH DISTINCT x LIMIT $max"
            + " CALL (x) { OPTIONAL MATCH (x)<-[r:SHAREHOLDER_OF]-(h) WHERE " + ACTIVE + " AND r.sharePct IS NOT NULL"
            + "  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {edge: " + EDGE + ", node: " + NODE.formatted("h") + "} END) AS holders }"
            + " CALL (x) { OPTIONAL MATCH (x)<-[r:LEGAL_REPRESENTATIVE_OF]-(p:Person) WHERE x.uscc IN $usccs AND " + ACTIVE
            + "  WITH r, p ORDER BY r.validFrom DESC, p.personId"
            + "  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {edge: " + EDGE + ", node: " + NODE.formatted("p") + "} END)[0] AS rep }"
            + " RETURN x.uscc AS uscc, " + NODE.formatted("x") + " AS node, holders, rep";

    /** Shareholders of each enterprise active on the day (persons and enterprises), and whether it has any at all. */
    static final String HOLDERS = "UNWIND $usccs AS uscc MATCH (e:Enterprise {uscc: uscc})"
            + " OPTIONAL MATCH (e)<-[r:SHAREHOLDER_OF]-(h) WHERE " + ACTIVE + " AND r.sharePct IS NOT NULL"
            + " RETURN uscc, collect(CASE WHEN r IS NULL THEN null ELSE {edge: " + EDGE + ", node: " + NODE.formatted("h") + "} END) AS holders";

    /** The legal representative of each enterprise on the day (the newest when records overlap). */
    static final String LEGAL_REPRESENTATIVES = "UNWIND $usccs AS uscc MATCH (e:Enterprise {uscc: uscc})<-[r:LEGAL_REPRESENTATIVE_OF]-(p:Person)"
            + " WHERE " + ACTIVE + " WITH uscc, r, p ORDER BY r.validFrom DESC, p.personId"
            + " WITH uscc, collect({edge: " + EDGE + ", node: " + NODE.formatted("p") + "})[0] AS rep RETURN uscc, rep";

    /** METH-07 dossier: the results recorded on the enterprise's inspections. */
    static final String RESULT_IDS = "MATCH (:Enterprise {uscc: $uscc})<-[:TARGETS]-(:Inspection)<-[:OF]-(r:InspectionResult)"
            + " RETURN r.id AS id ORDER BY r.id DESC";
    /** Inspectors on the team of an inspection of the enterprise that is still to be done (dossier scoping for INSPECTOR). */
    static final String ASSIGNED_INSPECTORS = "MATCH (:Enterprise {uscc: $uscc})<-[:TARGETS]-(i:Inspection)-[:ASSIGNED]->(p:Inspector)"
            + " WHERE i.status = 'ACTIVE' RETURN DISTINCT p.inspectorId AS id";
    static final String FRESHNESS = "OPTIONAL MATCH (s:SourceSync) RETURN collect(s {.*}) AS freshness";

    private final Driver driver;
    private final QueryConfig config;

    public ExploreRepository(Driver driver, String database) {
        this.driver = driver;
        QueryConfig.Builder builder = QueryConfig.builder().withRouting(RoutingControl.READ);
        if (database != null && !database.isBlank()) {
            builder.withDatabase(database);
        }
        this.config = builder.build();
    }

    private List<Record> read(String cypher, Map<String, Object> params) {
        return driver.executableQuery(cypher).withParameters(params).withConfig(config).execute().records();
    }

    /** The subjects that exist, by id. */
    public Map<String, Node> nodes(Collection<String> ids) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Record r : read(NODES, Map.of("ids", List.copyOf(ids)))) {
            Node n = node(r.get("node"));
            out.put(n.id(), n);
        }
        return out;
    }

    /**
     * Each node's active links on {@code asOf} of {@code types}: counts per type and at most {@code cap} (negative: all) in
     * key order after {@code after} (null: from the first). Nodes that do not exist are absent.
     */
    public Map<String, Links> links(Collection<String> ids, Collection<LinkType> types, LocalDate asOf, int cap, String after) {
        List<LinkType> ordered = List.copyOf(types);
        Map<String, Object> p = new HashMap<>();
        p.put("ids", List.copyOf(ids));
        p.put("rels", ordered.stream().map(LinkType::relationship).toList());
        p.put("asOf", asOf);
        p.put("cap", cap);
        p.put("after", after);
        Map<String, Links> out = new LinkedHashMap<>();
        for (Record r : read(LINKS, p)) {
            Map<LinkType, Integer> byType = counts(ordered, r.get("counts"));
            List<Neighbour> drawn = r.get("drawn").asList(x -> new Neighbour(x.get("key").asString(), edge(x.get("edge")), node(x.get("node"))));
            out.put(r.get("id").asString(), new Links(node(r.get("node")), drawn, byType));
        }
        return out;
    }

    /**
     * One frontier step: each frontier node's first {@code cap} active links (key order), its counts and its triggers in
     * force at {@code at}; with {@code ring}, the facts of the first {@code room} nodes drawn that are not in {@code known}
     * (frontier order, then key order). Frontier nodes that do not exist are absent.
     */
    public Hop expand(Collection<String> ids, Collection<LinkType> types, LocalDate asOf, OffsetDateTime at, int cap, boolean ring,
                      Collection<String> known, int room) {
        List<LinkType> ordered = List.copyOf(types);
        Map<String, Object> p = params(ordered, asOf, at);
        p.put("ids", List.copyOf(ids));
        p.put("cap", cap);
        p.put("after", null);
        p.put("ring", ring);
        p.put("known", List.copyOf(known));
        p.put("room", Math.max(0, room));
        Record r = read(EXPAND, p).get(0);
        Map<String, Links> links = new LinkedHashMap<>();
        for (Value row : r.get("rows").values()) {
            List<Neighbour> drawn = row.get("drawn").asList(x -> new Neighbour(x.get("key").asString(), edge(x.get("edge")), node(x.get("node"))));
            links.put(row.get("id").asString(), new Links(node(row.get("node")), drawn, counts(ordered, row.get("counts")), triggers(row.get("triggers"))));
        }
        Map<String, Facts> facts = new HashMap<>();
        for (Value f : r.get("ring").values()) {
            facts.put(f.get("id").asString(), new Facts(counts(ordered, f.get("counts")), triggers(f.get("triggers"))));
        }
        return new Hop(links, facts);
    }

    /** Each existing node's active links per type on {@code asOf} (of {@code types}) and triggers in force at {@code at}. */
    public Map<String, Facts> facts(Collection<String> ids, Collection<LinkType> types, LocalDate asOf, OffsetDateTime at) {
        List<LinkType> ordered = List.copyOf(types);
        Map<String, Object> p = params(ordered, asOf, at);
        p.put("ids", List.copyOf(ids));
        Map<String, Facts> out = new HashMap<>();
        for (Record r : read(FACTS, p)) {
            out.put(r.get("id").asString(), new Facts(counts(ordered, r.get("counts")), triggers(r.get("triggers"))));
        }
        return out;
    }

    /**
     * The holding subgraph above {@code usccs} within {@code depth} levels (enterprises whose holders are read: those at most
     * {@code depth - 1} shareholdings away), at most {@code max} enterprises (a full answer means there may be more), with
     * the legal representatives of {@code usccs}. Keyed by USCC; enterprises asked about that do not exist are absent.
     */
    public Map<String, Held> holdingSubgraph(Collection<String> usccs, LocalDate asOf, int depth, int max) {
        Map<String, Held> out = new LinkedHashMap<>();
        for (Record r : read(HOLDING_SUBGRAPH.formatted(depth - 1), Map.of("usccs", List.copyOf(usccs), "asOf", asOf, "max", max))) {
            String uscc = r.get("uscc").asString();
            List<Holding> holders = r.get("holders").asList(x -> {
                Edge e = edge(x.get("edge"));
                return new Holding(uscc, node(x.get("node")), e.sharePct() / 100.0, e);
            });
            Value rep = r.get("rep");
            out.put(uscc, new Held(node(r.get("node")), holders, rep.isNull() ? null : new Neighbour(null, edge(rep.get("edge")), node(rep.get("node")))));
        }
        return out;
    }

    private static Map<String, Object> params(List<LinkType> ordered, LocalDate asOf, OffsetDateTime at) {
        Map<String, Object> p = new HashMap<>();
        p.put("rels", ordered.stream().map(LinkType::relationship).toList());
        p.put("asOf", asOf);
        p.put("at", at);
        return p;
    }

    private static Map<LinkType, Integer> counts(List<LinkType> ordered, Value v) {
        List<Integer> counts = v.asList(Value::asInt);
        Map<LinkType, Integer> byType = new EnumMap<>(LinkType.class);
        for (int i = 0; i < ordered.size(); i++) {
            byType.merge(ordered.get(i), counts.get(i), Integer::sum);
        }
        return byType;
    }

    private static List<Trigger> triggers(Value v) {
        return v.asList(RestrictionQuery::trigger);
    }

    /** Active shareholdings towards each enterprise that exists (an empty list: it has no recorded shareholders). */
    public Map<String, List<Holding>> holders(Collection<String> usccs, LocalDate asOf) {
        Map<String, List<Holding>> out = new LinkedHashMap<>();
        for (Record r : read(HOLDERS, Map.of("usccs", List.copyOf(usccs), "asOf", asOf))) {
            String uscc = r.get("uscc").asString();
            out.put(uscc, r.get("holders").asList(x -> {
                Edge e = edge(x.get("edge"));
                return new Holding(uscc, node(x.get("node")), e.sharePct() / 100.0, e);
            }));
        }
        return out;
    }

    /** The legal representative of each enterprise on {@code asOf} with its link; enterprises without one are absent. */
    public Map<String, Neighbour> legalRepresentatives(Collection<String> usccs, LocalDate asOf) {
        Map<String, Neighbour> out = new HashMap<>();
        for (Record r : read(LEGAL_REPRESENTATIVES, Map.of("usccs", List.copyOf(usccs), "asOf", asOf))) {
            Value rep = r.get("rep");
            Edge e = edge(rep.get("edge"));
            out.put(r.get("uscc").asString(), new Neighbour(null, e, node(rep.get("node"))));
        }
        return out;
    }

    public List<String> resultIds(String uscc) {
        return read(RESULT_IDS, Map.of("uscc", uscc)).stream().map(r -> r.get("id").asString()).toList();
    }

    public List<String> assignedInspectors(String uscc) {
        return read(ASSIGNED_INSPECTORS, Map.of("uscc", uscc)).stream().map(r -> r.get("id").asString()).toList();
    }

    /** The sync state of each source system, as restriction answers report it. */
    public List<Freshness> freshness() {
        List<Record> rows = read(FRESHNESS, Map.of());
        return rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).get("freshness").asList(RestrictionQuery::freshness));
    }

    static Node node(Value v) {
        return new Node(Kind.valueOf(v.get("kind").asString()), v.get("id").asString(), Values.str(v.get("name")), Values.str(v.get("status")));
    }

    static Edge edge(Value v) {
        return new Edge(LinkType.ofRelationship(v.get("rel").asString()), v.get("from").asString(), v.get("to").asString(),
                Values.str(v.get("role")), Values.dbl(v.get("sharePct")), Values.date(v.get("validFrom")), Values.date(v.get("validTo")));
    }
}
