package org.supervisionhub.graph.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.directory.Directory.EnterpriseData;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.publicsite.PublicSite.Result;
import org.supervisionhub.graph.publicsite.PublicSite.ResultQuery;
import org.supervisionhub.graph.publicsite.PublicSite.Slice;
import org.supervisionhub.graph.store.EmbeddedGraph;

/**
 * {@link PublicSiteRepository} against a real (embedded) Neo4j: what the public site reads, and what it never reads
 * (unpublished or withheld results, PUB-11; unpublished penalty decisions; drafts).
 */
class PublicSiteRepositoryTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static PublicSiteRepository repository;
    static ResultRepository results;
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 6, 1, 2, 0, 0, 0, ZoneOffset.UTC);

    @BeforeAll
    static void data() {
        repository = new PublicSiteRepository(graph.driver(), null);
        results = new ResultRepository(Neo4jClient.create(graph.driver()));
        run("CREATE (g:Region {code: '439900', name: '演示市'}) CREATE (d:Department {id: 'PS-1', name: '演示人社局', level: 'CITY', sector: 'HRSS'})-[:GOVERNS]->(g)"
                + " CREATE (:Department {id: 'PS-2', name: '演示市场监管局', level: 'CITY', sector: 'MS'})-[:GOVERNS]->(g)", Map.of());
        enterprise("91439900PS0000001A", "长沙甲科技有限公司");
        enterprise("91439900PS0000002B", "长沙乙贸易有限公司");
        enterprise("91439900PS0000003C", "株洲丙制造有限公司");
        result("PS-R1", "91439900PS0000001A", "PS-1", "NO_PROBLEM_FOUND", LocalDate.of(2026, 5, 10), "PUBLISHED", T0, null);
        result("PS-R2", "91439900PS0000002B", "PS-1", "PROBLEM_FOUND_RECTIFICATION_ORDERED", LocalDate.of(2026, 4, 10), "PUBLISHED", T0.plusDays(1), null);
        result("PS-R3", "91439900PS0000003C", "PS-2", "NO_PROBLEM_FOUND", LocalDate.of(2026, 5, 20), "PUBLISHED", T0.plusDays(2), null);
        result("PS-R4", "91439900PS0000001A", "PS-1", "NO_RELEVANT_BUSINESS_ACTIVITY", LocalDate.of(2026, 5, 21), "APPROVED", null, null);
        result("PS-R5", "91439900PS0000003C", "PS-1", "PROBLEM_FOUND_RECTIFICATION_ORDERED", LocalDate.of(2026, 5, 22), "PUBLISHED", T0.plusDays(3), T0.plusDays(4));
        run("MATCH (r:InspectionResult {id: 'PS-R2'}) CREATE (:ResultObjection {id: 'PS-O1', resultId: 'PS-R2', status: 'UNDER_REVIEW'})-[:AGAINST]->(r)", Map.of());
        run("MATCH (r:InspectionResult {id: 'PS-R5'}) SET r.withheldAt = $at, r.withheldBy = 'leader', r.withheldReason = 'PUB-11'",
                Map.of("at", T0.plusDays(5)));
        run("CREATE (:PenaltyDecision {id: 'PS-P1', uscc: '91439900PS0000002B', departmentId: 'PS-1', decisionNumber: '演人社罚〔2026〕1号',"
                + " decidedOn: date('2026-05-01'), content: '罚款', publishedAt: $at})"
                + " CREATE (:PenaltyDecision {id: 'PS-P2', uscc: '91439900PS0000002B', departmentId: 'PS-1', decisionNumber: '演人社罚〔2026〕2号',"
                + " decidedOn: date('2026-05-02'), content: '未公开'})", Map.of("at", T0));
    }

    static void run(String cypher, Map<String, Object> params) {
        graph.driver().executableQuery(cypher).withParameters(params).execute();
    }

    static void enterprise(String uscc, String name) {
        run("CREATE (:Enterprise {uscc: $uscc, name: $name, status: 'ACTIVE', creditRiskClass: 'D'})", Map.of("uscc", uscc, "name", name));
    }

    static void result(String id, String uscc, String dept, String category, LocalDate endedOn, String status, OffsetDateTime publishedAt,
                       OffsetDateTime correctedAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("uscc", uscc);
        p.put("dept", dept);
        p.put("category", category);
        p.put("endedOn", endedOn);
        p.put("status", status);
        p.put("publishedAt", publishedAt);
        p.put("correctedAt", correctedAt);
        p.put("approved", "PUBLISHED".equals(status) ? "APPROVED" : status);
        run("CREATE (:InspectionResult {id: $id, uscc: $uscc, inspectingDepartment: $dept, category: $category, endedOn: $endedOn,"
                + " status: $approved, correctedAt: $correctedAt, facts: 'internal facts', approvedBy: 'leader-x'})", p);
        if ("PUBLISHED".equals(status)) {
            // Published as the hub publishes, so the result carries what publishing writes (the searchable name).
            results.publish(id, org.supervisionhub.domain.inspection.ResultStatus.APPROVED, "leader-x", publishedAt, null);
        }
    }

    static List<String> ids(Slice<Result> s) {
        return s.items().stream().map(Result::id).toList();
    }

    @Test
    void searchListsPublishedResultsNewestFirstNeverUnpublishedOrWithheldPub11() {
        Slice<Result> all = repository.results(new ResultQuery(null, null, null, null, null), null, 0, 10);
        assertThat(ids(all)).containsExactly("PS-R3", "PS-R2", "PS-R1");
        assertThat(all.total()).isEqualTo(3);
        Result r2 = all.items().get(1);
        assertThat(r2.enterpriseName()).isEqualTo("长沙乙贸易有限公司");
        assertThat(r2.departmentName()).isEqualTo("演示人社局");
        assertThat(r2.underReview()).as("an objection under review is shown").isTrue();
        assertThat(all.items().get(0).underReview()).isFalse();
    }

    @Test
    void searchFiltersByNameUsccDepartmentPeriodAndCategory() {
        assertThat(ids(repository.results(new ResultQuery("长沙", null, null, null, null), null, 0, 10))).containsExactly("PS-R2", "PS-R1");
        assertThat(ids(repository.results(new ResultQuery(null, null, null, null, null), "91439900PS0000003C", 0, 10)))
                .as("by USCC; the withheld PS-R5 of the same enterprise stays hidden").containsExactly("PS-R3");
        assertThat(ids(repository.results(new ResultQuery(null, "PS-2", null, null, null), null, 0, 10))).containsExactly("PS-R3");
        assertThat(ids(repository.results(new ResultQuery(null, null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 15), null), null, 0, 10)))
                .containsExactly("PS-R1");
        assertThat(ids(repository.results(new ResultQuery(null, null, null, null, "PROBLEM_FOUND_RECTIFICATION_ORDERED"), null, 0, 10))).containsExactly("PS-R2");
        assertThat(repository.results(new ResultQuery("没有这家", null, null, null, null), null, 0, 10).total()).isZero();
    }

    @Test
    void pagesCountTheWholeListAndAPagePastTheEndIsEmpty() {
        Slice<Result> second = repository.results(new ResultQuery(null, null, null, null, null), null, 1, 1);
        assertThat(ids(second)).containsExactly("PS-R2");
        assertThat(second.total()).isEqualTo(3);
        Slice<Result> past = repository.results(new ResultQuery(null, null, null, null, null), null, 5, 1);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(3);
    }

    @Test
    void penaltyDecisionsOnlyOncePublished() {
        var penalties = repository.penalties("PS-1", 0, 10);
        assertThat(penalties.items()).extracting(PublicSite.Penalty::id).containsExactly("PS-P1");
        assertThat(penalties.items().get(0).enterpriseName()).isEqualTo("长沙乙贸易有限公司");
        assertThat(repository.penalties("PS-2", 0, 10).total()).isZero();
    }

    @Test
    void theFeedListsADepartmentsPublicationsNewestFirstWithoutWithheldResults() {
        var feed = repository.publications("PS-1", 10);
        assertThat(feed).extracting(PublicSite.Publication::id).containsExactly("PS-R2", "PS-P1", "PS-R1");
        assertThat(repository.departments()).extracting(PublicSite.Department::name).contains("演示人社局", "演示市场监管局");
    }

    @Test
    void theNewestListIsReadInIndexOrderNotSortedWhole() {
        // The unfiltered list is the site's front page: its plan must take the page from the (status, publishedAt) index
        // order (PartialTop) rather than sort every published result (Top/Sort), which cost 100 ms at 1,000,000 enterprises.
        Map<String, Object> p = new HashMap<>();
        p.put("skip", 0);
        p.put("limit", 20);
        List<String> operators = new java.util.ArrayList<>();
        try (var session = graph.driver().session()) {
            collect(session.run("EXPLAIN " + PublicSiteRepository.NEWEST, p).consume().plan(), operators);
        }
        assertThat(operators).as("plan of NEWEST").anyMatch(o -> o.startsWith("PartialTop"))
                .noneMatch(o -> o.startsWith("Top") || o.startsWith("Sort"));
    }

    @Test
    void aNameFragmentIsSearchedInThePublishedResultsNotInEveryEnterprise() {
        // At 1,000,000 enterprises a fragment such as 有限公司 matches most names: the search must start from the
        // published results' own name text index, never walk the enterprises the name matches.
        Map<String, Object> p = new HashMap<>();
        for (String k : List.of("uscc", "departmentId", "from", "to", "category")) {
            p.put(k, null);
        }
        p.put("name", "有限公司");
        p.put("skip", 0);
        p.put("limit", 20);
        List<String> operators = new java.util.ArrayList<>();
        List<String> indexes = new java.util.ArrayList<>();
        try (var session = graph.driver().session()) {
            var plan = session.run("EXPLAIN " + PublicSiteRepository.RESULTS_FROM.get("name") + PublicSiteRepository.RESULTS, p).consume().plan();
            collect(plan, operators);
            details(plan, indexes);
        }
        assertThat(operators).as("plan of the name search").anyMatch(o -> o.startsWith("NodeIndexContainsScan"))
                .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan"));
        assertThat(indexes).as("the index the search starts from").anyMatch(d -> d.contains("InspectionResult") && d.contains("enterpriseName"))
                .noneMatch(d -> d.contains(":Enterprise("));
    }

    @Test
    void aRenamedEnterprisesPublishedResultsAreFoundByItsNewName() {
        enterprise("91439900PS0000009Z", "湘潭旧名商贸有限公司");
        result("PS-R9", "91439900PS0000009Z", "PS-2", "NO_PROBLEM_FOUND", LocalDate.of(2026, 5, 11), "PUBLISHED", T0.plusDays(6), null);
        try {
            renamed();
        } finally {
            // The other tests count the fixture's published results.
            run("MATCH (n) WHERE n.uscc = '91439900PS0000009Z' DETACH DELETE n", Map.of());
        }
    }

    private void renamed() {
        assertThat(ids(repository.results(new ResultQuery("旧名商贸", null, null, null, null), null, 0, 10))).containsExactly("PS-R9");

        new DirectoryRepository(Neo4jClient.create(graph.driver())).upsertEnterprises(List.of(new EnterpriseData("91439900PS0000009Z",
                "湘潭新名商贸有限公司", null, null, null, "ACTIVE", null, null, "439900", null, null, null)), LocalDate.of(2026, 6, 9), T0.plusDays(8));

        assertThat(ids(repository.results(new ResultQuery("新名商贸", null, null, null, null), null, 0, 10))).containsExactly("PS-R9");
        assertThat(repository.results(new ResultQuery("旧名商贸", null, null, null, null), null, 0, 10).total()).isZero();
        assertThat(repository.results(new ResultQuery(null, null, null, null, null), "91439900PS0000009Z", 0, 10).items().get(0).enterpriseName())
                .isEqualTo("湘潭新名商贸有限公司");
    }

    static void details(org.neo4j.driver.summary.Plan plan, List<String> into) {
        into.add(String.valueOf(plan.arguments().get("Details")));
        plan.children().forEach(c -> details(c, into));
    }

    static void collect(org.neo4j.driver.summary.Plan plan, List<String> into) {
        into.add(plan.operatorType());
        plan.children().forEach(c -> collect(c, into));
    }
}
