package org.supervisionhub.graph.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.directory.Directory.Direction;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.Directory.EnterpriseFilter;
import org.supervisionhub.graph.directory.Directory.EnterpriseOrder;
import org.supervisionhub.graph.directory.Directory.Link;
import org.supervisionhub.domain.directory.LinkType;
import org.supervisionhub.graph.store.EmbeddedGraph;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.synthetic.SyntheticOptions;
import org.supervisionhub.graph.synthetic.SyntheticProvince;
import org.supervisionhub.graph.sync.SyncRepository;

/** The directory's Cypher against a real Neo4j holding a small synthetic province. */
class DirectoryRepositoryTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static DirectoryRepository directory;

    @BeforeAll
    static void load() {
        SyntheticProvince.load(graph.driver(), new SyntheticOptions(11L, 700, 250, null));
        directory = new DirectoryRepository(Neo4jClient.create(graph.driver()));
        // Enterprises known by their USCC alone, as the list syncs leave them: a holder outside the province, a listed subject.
        new SyncRepository(Neo4jClient.create(graph.driver())).ensureEnterprises(UNREGISTERED);
    }

    static final List<String> UNREGISTERED = List.of("91110000MA00000011", "91430102MA0000002X");

    List<String> expected(String cypher, Map<String, Object> params) {
        return graph.driver().executableQuery(cypher).withParameters(params).execute().records().stream()
                .map(r -> r.get(0).asString()).toList();
    }

    List<Enterprise> all(EnterpriseFilter filter, EnterpriseOrder order, int pageSize) {
        List<Enterprise> out = new ArrayList<>();
        String after = null;
        Page<Enterprise> page;
        do {
            page = directory.search(filter, order, pageSize, after);
            out.addAll(page.items());
            after = page.items().isEmpty() ? after : page.cursorOf().apply(page.items().get(page.items().size() - 1));
        } while (page.hasNext());
        return out;
    }

    @Test
    void keysetPagesInUsccOrderAddUpToTheWholeFilteredSet() {
        EnterpriseFilter filter = new EnterpriseFilter(List.of("430102", "430103"), null, List.of("COMPANY"), null, null, null, null);
        List<String> paged = all(filter, EnterpriseOrder.USCC, 37).stream().map(Enterprise::uscc).toList();
        assertThat(paged).isNotEmpty().isEqualTo(expected(
                "MATCH (e:Enterprise) WHERE e.regionCode IN $r AND e.orgType = 'COMPANY' RETURN e.uscc ORDER BY e.uscc",
                Map.of("r", List.of("430102", "430103"))));
        assertThat(directory.count(filter, EnterpriseOrder.USCC)).isEqualTo(paged.size());
    }

    static final EnterpriseFilter EVERY = new EnterpriseFilter(null, null, null, null, null, null, null);

    @Test
    void keysetPagesInNameOrderAreStableAcrossEqualNamesAndHoldOnlyRegisteredEnterprises() {
        List<String> paged = all(EVERY, EnterpriseOrder.NAME, 50).stream().map(Enterprise::uscc).toList();
        assertThat(paged).doesNotHaveDuplicates().doesNotContainAnyElementsOf(UNREGISTERED)
                .isEqualTo(expected("MATCH (e:Enterprise) WHERE e.name IS NOT NULL RETURN e.uscc ORDER BY e.name, e.uscc", Map.of()));
        assertThat(directory.count(EVERY, EnterpriseOrder.NAME)).isEqualTo(paged.size());
    }

    @Test
    void keysetPagesOfRegionsInNameOrderAddUpToTheirNamedEnterprisesInOrder() {
        List<String> paged = all(REGIONS, EnterpriseOrder.NAME, 7).stream().map(Enterprise::uscc).toList();
        assertThat(paged).isNotEmpty().doesNotHaveDuplicates().isEqualTo(expected(
                "MATCH (e:Enterprise) WHERE e.regionCode IN $r AND e.name IS NOT NULL RETURN e.uscc ORDER BY e.name, e.uscc",
                Map.of("r", REGIONS.regionCodes())));
        assertThat(directory.count(REGIONS, EnterpriseOrder.NAME)).isEqualTo(paged.size());
    }

    @Test
    void unfilteredPagesInUsccOrderHoldEveryEnterpriseThoseKnownByUsccAloneMarkedUnregistered() {
        List<Enterprise> paged = all(EVERY, EnterpriseOrder.USCC, 64);
        assertThat(paged.stream().map(Enterprise::uscc).toList()).doesNotHaveDuplicates()
                .isEqualTo(expected("MATCH (e:Enterprise) RETURN e.uscc ORDER BY e.uscc", Map.of())).containsAll(UNREGISTERED);
        assertThat(paged).filteredOn(e -> !e.registered()).extracting(Enterprise::uscc).containsExactlyInAnyOrderElementsOf(UNREGISTERED);
        assertThat(paged).filteredOn(e -> !e.registered()).allSatisfy(e -> assertThat(e.regionCode()).isNull());
        assertThat(directory.count(EVERY, EnterpriseOrder.USCC)).isEqualTo(paged.size());
    }

    /** The unfiltered first page reads its index in order (a Limit over an index scan), not a sort of every enterprise. */
    @Test
    void anUnfilteredPageReadsItsIndexInOrderInEitherOrder() {
        for (EnterpriseOrder order : EnterpriseOrder.values()) {
            Map<String, Object> params = new java.util.HashMap<>();
            String cypher = DirectoryRepository.searchStatement(EVERY, order, 20, null, params);
            var plan = graph.driver().executableQuery("EXPLAIN " + cypher).withParameters(params).execute().summary().plan();
            assertThat(operators(plan)).as(order + ": " + cypher).anyMatch(o -> o.startsWith("NodeIndexScan")).noneMatch(o -> o.startsWith("Top")
                    || o.startsWith("Sort"));
        }
    }

    static final EnterpriseFilter REGIONS = new EnterpriseFilter(List.of("430102", "430103", "430104"), null, null, null, null, null, null);

    /**
     * Wherever a page starts, it reads about a page of index entries: at most two ranges of {@code first + 1} rows (the rest of
     * the cursor's name, then later names), per region with a region filter. Before, a page by name after the first read every
     * named enterprise after the cursor, and a page of regions read every enterprise of the regions, then sorted them.
     */
    @Test
    void everyPageReadsAboutAPageOfIndexEntriesInEitherOrderWithOrWithoutRegions() {
        int first = 5;
        for (EnterpriseFilter filter : List.of(EVERY, REGIONS)) {
            int regions = filter.regionCodes() == null ? 1 : filter.regionCodes().size();
            long total = directory.count(filter, EnterpriseOrder.USCC);
            assertThat(total).as("more rows than a page can read").isGreaterThan(regions * 2L * (first + 1));
            for (EnterpriseOrder order : EnterpriseOrder.values()) {
                Page<Enterprise> firstPage = directory.search(filter, order, first, null);
                String cursor = firstPage.cursorOf().apply(firstPage.items().get(first - 1));
                for (String after : java.util.Arrays.asList(null, cursor)) {
                    Map<String, Object> params = new java.util.HashMap<>();
                    String cypher = DirectoryRepository.searchStatement(filter, order, first, after, params);
                    var plan = graph.driver().executableQuery("PROFILE " + cypher).withParameters(params).execute().summary().profile();
                    assertThat(indexRows(plan)).as(order + " after " + after + ": " + cypher + "\n" + describe(plan, ""))
                            .isLessThanOrEqualTo(regions * 2L * (first + 1));
                }
            }
        }
    }

    /** Rows that index seeks and scans produced: what a statement read off its indexes. */
    static long indexRows(org.neo4j.driver.summary.ProfiledPlan plan) {
        long own = plan.operatorType().startsWith("NodeIndex") || plan.operatorType().startsWith("NodeUniqueIndex") ? plan.records() : 0;
        return own + plan.children().stream().mapToLong(DirectoryRepositoryTest::indexRows).sum();
    }

    static String describe(org.neo4j.driver.summary.ProfiledPlan plan, String indent) {
        StringBuilder out = new StringBuilder(indent + plan.operatorType() + " rows=" + plan.records() + " "
                + plan.arguments().getOrDefault("Details", org.neo4j.driver.Values.NULL) + "\n");
        plan.children().forEach(c -> out.append(describe(c, indent + "  ")));
        return out.toString();
    }

    static List<String> operators(org.neo4j.driver.summary.Plan plan) {
        List<String> out = new ArrayList<>(List.of(plan.operatorType()));
        plan.children().forEach(c -> out.addAll(operators(c)));
        return out;
    }

    @Test
    void everySearchedRegisteredEnterpriseCarriesItsRegistrationAuthority() {
        Page<Enterprise> page = directory.search(EVERY, EnterpriseOrder.USCC, 100, null);
        assertThat(page.items()).filteredOn(Enterprise::registered).isNotEmpty().allSatisfy(e -> assertThat(e.registeredWith()).startsWith("MS-"));
        assertThat(page.items()).filteredOn(e -> !e.registered()).isNotEmpty().allSatisfy(e -> assertThat(e.registeredWith()).isNull());
    }

    @Test
    void linksAsOfADateAreExactlyThoseActiveThen() {
        LocalDate day = LocalDate.of(2023, 6, 30);
        List<String> owners = expected("MATCH (e:Enterprise) RETURN e.uscc ORDER BY e.uscc LIMIT 150", Map.of());
        Map<String, DirectoryRepository.LinkPage> pages = directory.links(owners, Direction.INBOUND, List.of(LinkType.values()), day, 200, null);
        long fromRepository = pages.values().stream().mapToLong(p -> p.page().items().size()).sum();
        long active = graph.driver().executableQuery("MATCH (e:Enterprise)<-[r]-() WHERE e.uscc IN $o AND type(r) IN "
                        + "['LEGAL_REPRESENTATIVE_OF','OFFICER_OF','SHAREHOLDER_OF','BRANCH_OF'] AND r.validFrom <= $d "
                        + "AND (r.validTo IS NULL OR r.validTo > $d) RETURN count(r) AS n")
                .withParameters(Map.of("o", owners, "d", day)).execute().records().get(0).get("n").asLong();
        assertThat(fromRepository).isPositive().isEqualTo(active);
        assertThat(pages.values()).allSatisfy(p -> assertThat(p.page().items()).allMatch(l -> l.activeOn(day)));
        assertThat(pages.values().stream().flatMap(p -> p.page().items().stream()).filter(l -> l.type() == LinkType.LEGAL_REPRESENTATIVE)
                .map(Link::ownerKey)).doesNotHaveDuplicates();
    }
}
