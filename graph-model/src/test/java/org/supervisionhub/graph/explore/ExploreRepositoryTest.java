package org.supervisionhub.graph.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supervisionhub.graph.directory.Directory.LinkType;
import org.supervisionhub.graph.directory.PersonId;
import org.supervisionhub.graph.explore.Explore.Kind;
import org.supervisionhub.graph.explore.Explore.Links;
import org.supervisionhub.graph.explore.Explore.Neighbour;
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
}
