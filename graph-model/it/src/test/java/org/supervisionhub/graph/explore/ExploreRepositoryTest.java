package org.supervisionhub.graph.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.domain.directory.PersonId;
import org.supervisionhub.graph.explore.Explore.Facts;
import org.supervisionhub.graph.explore.Explore.Kind;
import org.supervisionhub.graph.explore.Explore.Links;
import org.supervisionhub.graph.explore.Explore.Neighbour;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.store.EmbeddedGraph;

/**
 * {@link ExploreRepository}'s one-hop statements against a real (embedded) Neo4j: links active on a day (validFrom
 * inclusive, validTo exclusive), the per-node cap with its counts per type, keyset pages after a key, shareholders and
 * legal representatives. Each test builds its own nodes under its own keys.
 */
class ExploreRepositoryTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static ExploreRepository repository;
    static final AtomicInteger SEQ = new AtomicInteger();
    static final LocalDate ON = LocalDate.of(2026, 6, 15);
    static final List<LinkType> ALL = List.of(LinkType.values());

    @BeforeAll
    static void repository() {
        repository = new ExploreRepository(graph.driver(), null);
    }

    static void run(String cypher, Map<String, Object> params) {
        graph.driver().executableQuery(cypher).withParameters(params).execute();
    }

    static String enterprise() {
        String uscc = String.format("E-EXPLORE-%06d", SEQ.incrementAndGet());
        run("CREATE (:Enterprise {uscc: $uscc, name: $uscc, status: 'ACTIVE'})", Map.of("uscc", uscc));
        return uscc;
    }

    static String person() {
        String id = PersonId.fromSeed("explore-" + SEQ.incrementAndGet()).value();
        run("CREATE (:Person {personId: $id, name: 'P ' + $id})", Map.of("id", id));
        return id;
    }

    static void link(String rel, String from, String to, Double pct, LocalDate validFrom, LocalDate validTo) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("to", to);
        p.put("pct", pct);
        p.put("vf", validFrom);
        p.put("vt", validTo);
        run("MATCH (f) WHERE (f:Person AND f.personId = $from) OR (f:Enterprise AND f.uscc = $from) MATCH (t:Enterprise {uscc: $to})"
                + " CREATE (f)-[:" + rel + " {sharePct: $pct, validFrom: $vf, validTo: $vt}]->(t)", p);
    }

    @Test
    void linksCountOnlyWhatIsActiveOnTheDayValidFromInclusiveValidToExclusive() {
        String p = person();
        String starts = enterprise();
        String ends = enterprise();
        String later = enterprise();
        link("LEGAL_REPRESENTATIVE_OF", p, starts, null, ON, null);
        link("OFFICER_OF", p, ends, null, ON.minusYears(1), ON);
        link("SHAREHOLDER_OF", p, later, 10.0, ON.plusDays(1), null);
        Links on = repository.links(List.of(p), ALL, ON, -1, null).get(p);
        assertThat(on.drawn()).extracting(n -> n.node().id()).containsExactly(starts);
        assertThat(on.degree()).isEqualTo(1);
        Links before = repository.links(List.of(p), ALL, ON.minusDays(1), -1, null).get(p);
        assertThat(before.drawn()).extracting(n -> n.node().id()).containsExactly(ends);
        assertThat(repository.links(List.of(p), ALL, ON.plusDays(1), -1, null).get(p).drawn()).extracting(n -> n.node().id())
                .containsExactlyInAnyOrder(starts, later);
    }

    @Test
    void theCapDrawsTheFirstLinksInKeyOrderAndCountsEveryTypeAndKeysPageOnFromWhereTheLastEnded() {
        String hub = person();
        for (int i = 0; i < 7; i++) {
            link("LEGAL_REPRESENTATIVE_OF", hub, enterprise(), null, ON.minusYears(1), null);
        }
        for (int i = 0; i < 3; i++) {
            link("OFFICER_OF", hub, enterprise(), null, ON.minusYears(1), null);
        }
        Links capped = repository.links(List.of(hub), ALL, ON, 4, null).get(hub);
        assertThat(capped.drawn()).hasSize(4).allSatisfy(n -> assertThat(n.edge().type()).isEqualTo(LinkType.LEGAL_REPRESENTATIVE));
        assertThat(capped.counts()).containsEntry(LinkType.LEGAL_REPRESENTATIVE, 7).containsEntry(LinkType.OFFICER, 3)
                .containsEntry(LinkType.SHAREHOLDER, 0);
        // Counts only (cap 0): what the outer ring of a neighbourhood reads.
        assertThat(repository.links(List.of(hub), ALL, ON, 0, null).get(hub).drawn()).isEmpty();
        // Paging by key: every link once, in order.
        List<String> all = repository.links(List.of(hub), ALL, ON, -1, null).get(hub).drawn().stream().map(Neighbour::key).toList();
        assertThat(all).hasSize(10).isSorted().doesNotHaveDuplicates();
        List<String> second = repository.links(List.of(hub), ALL, ON, 4, capped.drawn().get(3).key()).get(hub).drawn().stream()
                .map(Neighbour::key).toList();
        assertThat(second).isEqualTo(all.subList(4, 8));
        // Only the asked types.
        Links officers = repository.links(List.of(hub), List.of(LinkType.OFFICER), ON, -1, null).get(hub);
        assertThat(officers.degree()).isEqualTo(3);
        assertThat(officers.drawn()).allSatisfy(n -> assertThat(n.edge().from()).isEqualTo(hub));
    }

    @Test
    void linksAreUndirectedAndEdgesKeepTheirStoredDirection() {
        String holder = enterprise();
        String held = enterprise();
        link("SHAREHOLDER_OF", holder, held, 35.0, ON.minusYears(1), null);
        Neighbour fromHeld = repository.links(List.of(held), ALL, ON, -1, null).get(held).drawn().get(0);
        assertThat(fromHeld.node().id()).isEqualTo(holder);
        assertThat(fromHeld.node().kind()).isEqualTo(Kind.ENTERPRISE);
        assertThat(fromHeld.edge().from()).isEqualTo(holder);
        assertThat(fromHeld.edge().to()).isEqualTo(held);
        assertThat(fromHeld.edge().sharePct()).isEqualTo(35.0);
        assertThat(fromHeld.edge().id()).isEqualTo(repository.links(List.of(holder), ALL, ON, -1, null).get(holder).drawn().get(0).edge().id());
    }

    @Test
    void holdersAndLegalRepresentativesOnTheDayAndSubjectsThatDoNotExistAreAbsent() {
        String t = enterprise();
        String a = enterprise();
        String p = person();
        String old = person();
        link("SHAREHOLDER_OF", a, t, 40.0, ON.minusYears(2), null);
        link("SHAREHOLDER_OF", p, t, 60.0, ON.minusYears(2), ON.minusDays(1));
        link("LEGAL_REPRESENTATIVE_OF", old, t, null, ON.minusYears(3), ON.minusYears(1));
        link("LEGAL_REPRESENTATIVE_OF", p, t, null, ON.minusYears(1), null);
        var holders = repository.holders(List.of(t, a, "E-NONE"), ON);
        assertThat(holders).doesNotContainKey("E-NONE");
        assertThat(holders.get(a)).isEmpty();
        assertThat(holders.get(t)).singleElement().satisfies(h -> {
            assertThat(h.holder().id()).isEqualTo(a);
            assertThat(h.share()).isCloseTo(0.4, within(1e-12));
        });
        assertThat(repository.holders(List.of(t), ON.minusDays(2)).get(t)).hasSize(2);
        assertThat(repository.legalRepresentatives(List.of(t), ON).get(t).node().id()).isEqualTo(p);
        assertThat(repository.legalRepresentatives(List.of(t), ON.minusYears(2)).get(t).node().id()).isEqualTo(old);
        assertThat(repository.nodes(List.of(t, p, "E-NONE")).keySet()).containsExactlyInAnyOrder(t, p);
        assertThat(repository.links(List.of("E-NONE"), ALL, ON, -1, null)).isEmpty();
    }

    static final OffsetDateTime END_OF_ON = ON.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().minusNanos(1);

    static void trigger(String id, String uscc, LocalDate from, LocalDate removed) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("uscc", uscc);
        p.put("from", from.atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
        p.put("removed", removed == null ? null : removed.atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
        run("MATCH (e:Enterprise {uscc: $uscc}) CREATE (:RestrictionTrigger:CreditListing {id: $id, kind: 'CREDIT_LISTING',"
                + " triggerType: 'SERIOUS_VIOLATION_LIST', uscc: $uscc, source: 'HUB', activeFrom: $from, removedAt: $removed})-[:CONCERNS]->(e)", p);
    }

    @Test
    void expandBringsTheFrontiersLinksAndTriggersAndTheOuterRingsCountsAndTriggersEachOnce() {
        String p = person();
        String q = person();
        String listed = enterprise();
        String repaired = enterprise();
        String holder = enterprise();
        link("LEGAL_REPRESENTATIVE_OF", p, listed, null, ON.minusYears(1), null);
        link("OFFICER_OF", p, repaired, null, ON.minusYears(1), null);
        link("OFFICER_OF", q, repaired, null, ON.minusYears(1), null);
        link("LEGAL_REPRESENTATIVE_OF", q, listed, null, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", holder, listed, 30.0, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", holder, repaired, 30.0, ON.plusDays(1), null);
        trigger("L-" + listed, listed, ON.minusMonths(1), null);
        trigger("L-" + repaired, repaired, ON.minusMonths(2), ON.minusMonths(1));
        trigger("L-" + holder, holder, ON.minusMonths(2), null);

        // Both persons draw both enterprises: the ring counts each once, and never a known node.
        Explore.Hop hop = repository.expand(List.of(p, q), ALL, ON, END_OF_ON, 25, true, List.of(p, q), 10);
        assertThat(hop.links().keySet()).containsExactly(p, q);
        assertThat(hop.links().get(p).drawn()).extracting(n -> n.node().id()).containsExactlyElementsOf(
                repository.links(List.of(p), ALL, ON, -1, null).get(p).drawn().stream().map(n -> n.node().id()).toList());
        assertThat(hop.links().get(p).triggers()).isEmpty();
        assertThat(hop.ring().keySet()).containsExactlyInAnyOrder(listed, repaired);
        Facts ringListed = hop.ring().get(listed);
        assertThat(ringListed.counts()).containsEntry(LinkType.LEGAL_REPRESENTATIVE, 2).containsEntry(LinkType.SHAREHOLDER, 1)
                .containsEntry(LinkType.OFFICER, 0);
        assertThat(ringListed.triggers()).extracting(Trigger::id).containsExactly("L-" + listed);
        // Removed before the day: not in force; the holding that starts tomorrow is not counted.
        assertThat(hop.ring().get(repaired).triggers()).isEmpty();
        assertThat(hop.ring().get(repaired).degree()).isEqualTo(2);
        // Room for one more node: the first drawn by the first frontier node, in key order.
        String firstOfP = hop.links().get(p).drawn().get(0).node().id();
        assertThat(repository.expand(List.of(p, q), ALL, ON, END_OF_ON, 25, true, List.of(p, q), 1).ring()).containsOnlyKeys(firstOfP);
        // The ring's facts are what facts() and the cap-0 links read.
        Map<String, Facts> facts = repository.facts(List.of(listed, repaired, holder, p), ALL, ON, END_OF_ON);
        assertThat(facts.get(listed)).isEqualTo(ringListed);
        assertThat(facts.get(repaired).counts()).isEqualTo(repository.links(List.of(repaired), ALL, ON, 0, null).get(repaired).counts());
        assertThat(facts.get(holder).triggers()).extracting(Trigger::id).containsExactly("L-" + holder);
        assertThat(facts.get(p).triggers()).isEmpty();

        // A frontier enterprise brings its own triggers; without the ring, none; the cap draws the first links in key order.
        Explore.Hop plain = repository.expand(List.of(listed, "E-NONE"), ALL, ON, END_OF_ON, 1, false, List.of(), 10);
        assertThat(plain.links().keySet()).containsExactly(listed);
        assertThat(plain.links().get(listed).triggers()).extracting(Trigger::id).containsExactly("L-" + listed);
        assertThat(plain.links().get(listed).drawn()).extracting(Neighbour::key)
                .containsExactly(repository.links(List.of(listed), ALL, ON, 1, null).get(listed).drawn().get(0).key());
        assertThat(plain.links().get(listed).degree()).isEqualTo(3);
        assertThat(plain.ring()).isEmpty();
        // Only the asked types are counted in the ring.
        assertThat(repository.expand(List.of(p), List.of(LinkType.LEGAL_REPRESENTATIVE), ON, END_OF_ON, 25, true, List.of(p), 10).ring())
                .containsOnlyKeys(listed).extractingByKey(listed).extracting(Facts::degree).isEqualTo(2);
    }

    @Test
    void theHoldingSubgraphHoldsEveryEnterpriseWithinTheDepthOnceThroughCrossHoldingsWithTheTargetsRepresentative() {
        String t = enterprise();
        String a = enterprise();
        String b = enterprise();
        String c = enterprise();
        String d = enterprise();
        String gone = enterprise();
        String p = person();
        String rep = person();
        link("SHAREHOLDER_OF", a, t, 50.0, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", b, a, 50.0, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", c, b, 50.0, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", p, c, 100.0, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", d, a, 20.0, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", a, d, 20.0, ON.minusYears(1), null);
        link("SHAREHOLDER_OF", gone, t, 10.0, ON.minusYears(2), ON.minusYears(1));
        link("SHAREHOLDER_OF", b, t, null, ON.minusYears(1), null);
        link("LEGAL_REPRESENTATIVE_OF", rep, t, null, ON.minusYears(1), null);
        link("LEGAL_REPRESENTATIVE_OF", p, a, null, ON.minusYears(1), null);

        // Depth 3: holders read for the enterprises at most 2 holdings away (t; a; b and d), not c (3 away) nor gone (inactive).
        Map<String, Explore.Held> held = repository.holdingSubgraph(List.of(t), ON, 3, 100);
        assertThat(held.keySet()).containsExactlyInAnyOrder(t, a, b, d);
        assertThat(held.get(t).holders()).extracting(h -> h.holder().id()).containsExactly(a);
        assertThat(held.get(a).holders()).extracting(h -> h.holder().id()).containsExactlyInAnyOrder(b, d);
        assertThat(held.get(d).holders()).extracting(h -> h.holder().id()).containsExactly(a);
        assertThat(held.get(b).holders()).singleElement().satisfies(h -> assertThat(h.share()).isCloseTo(0.5, within(1e-12)));
        assertThat(held.get(t).representative().node().id()).isEqualTo(rep);
        assertThat(held.get(a).representative()).isNull();
        assertThat(held.get(t).node().kind()).isEqualTo(Kind.ENTERPRISE);
        // The same holders as the one-level statement, level by level.
        held.forEach((u, h) -> assertThat(h.holders()).containsExactlyInAnyOrderElementsOf(repository.holders(List.of(u), ON).get(u)));
        assertThat(repository.holdingSubgraph(List.of(t), ON, 10, 100)).containsKey(c);
        assertThat(repository.holdingSubgraph(List.of(t), ON, 10, 2)).hasSize(2);
        assertThat(repository.holdingSubgraph(List.of("E-NONE"), ON, 10, 100)).isEmpty();
    }

    @Test
    void theExplorationStatementsSeekByIndexAndTheHoldingWalkIsPrunedNotEnumerated() {
        Map<String, String> statements = Map.of(
                "links", ExploreRepository.LINKS, "expand", ExploreRepository.EXPAND, "facts", ExploreRepository.FACTS,
                "holdingSubgraph", ExploreRepository.HOLDING_SUBGRAPH.formatted(9));
        Map<String, List<String>> operators = new HashMap<>();
        statements.forEach((name, cypher) -> {
            try (var session = graph.driver().session()) {
                Map<String, Object> params = new HashMap<>();
                params.put("ids", List.of("E-NONE"));
                params.put("usccs", List.of("E-NONE"));
                params.put("rels", List.of("OFFICER_OF"));
                params.put("asOf", ON);
                params.put("at", END_OF_ON);
                params.put("cap", 1);
                params.put("after", null);
                params.put("ring", true);
                params.put("known", List.of());
                params.put("max", 10);
                var plan = session.run("EXPLAIN " + cypher, params).consume().plan();
                List<String> ops = new java.util.ArrayList<>();
                collect(plan, ops);
                operators.put(name, ops);
            }
        });
        operators.forEach((name, ops) -> {
            assertThat(ops).as(name).noneMatch(o -> o.contains("AllNodesScan") || o.contains("NodeByLabelScan"));
            assertThat(ops).as(name).anyMatch(o -> o.contains("IndexSeek"));
        });
        assertThat(operators.get("expand")).as("triggers by their uscc index").anyMatch(o -> o.startsWith("NodeIndexSeek"));
        assertThat(operators.get("holdingSubgraph")).as("distinct ends: pruning expansion").anyMatch(o -> o.contains("Pruning"));
    }

    static void collect(org.neo4j.driver.summary.Plan plan, List<String> out) {
        out.add(plan.operatorType());
        plan.children().forEach(c -> collect(c, out));
    }
}
