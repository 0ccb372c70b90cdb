package org.supervisionhub.api.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.domain.directory.PersonId;

/**
 * Issue 18 through the GraphQL API, on data each test builds itself (Cypher fixtures: enterprises, persons and dated links)
 * with expected values computed by hand. Today is the test clock's; links start long before it unless a test says otherwise.
 */
class ExploreApiTest extends HubIntegrationTest {

    static final String SINCE = "2020-01-01";

    @Autowired
    org.neo4j.driver.Driver driver;

    // ---- fixtures

    /** Fixtures are written through the directory's API, as an officer of the city writes them (region 430102 is in its jurisdiction). */
    HttpGraphQlTester writer() {
        return graphQl(officer("HRSS-430100"));
    }

    String enterprise(String name) {
        String uscc = newUscc();
        writer().document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", uscc, "name", name, "orgType", "COMPANY", "regionCode", "430102")).execute()
                .path("upsertEnterprise.uscc").entity(String.class).isEqualTo(uscc);
        return uscc;
    }

    String person(String name) {
        String id = newPersonId();
        writer().document("mutation($in: PersonInput!) { upsertPerson(input: $in) { personId } }")
                .variable("in", Map.of("personId", id, "name", name)).execute()
                .path("upsertPerson.personId").entity(String.class).isEqualTo(id);
        return id;
    }

    /** A link of the graph's relationship {@code rel} (e.g. SHAREHOLDER_OF) from a person or enterprise to an enterprise. */
    void link(String rel, String from, String to, Double pct, String role, String validFrom) {
        Map<String, Object> in = new HashMap<>();
        in.put("type", org.supervisionhub.domain.directory.LinkType.ofRelationship(rel).name());
        in.put("from", PersonId.isValid(from) ? p(from) : e(from));
        in.put("toUscc", to);
        in.put("validFrom", validFrom);
        if (pct != null) {
            in.put("sharePct", pct);
        }
        if (role != null) {
            in.put("role", role);
        }
        writer().document("mutation($in: LinkInput!) { upsertLink(input: $in) { type } }").variable("in", in).execute()
                .path("upsertLink.type").entity(String.class).isEqualTo(in.get("type").toString());
    }

    void holds(String holder, double pct, String held) {
        link("SHAREHOLDER_OF", holder, held, pct, null, SINCE);
    }

    String listing(String uscc, String listedAt) {
        return graphQl(officer("MS-430100")).document("mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }")
                .variable("in", Map.of("uscc", uscc, "type", "SERIOUS_VIOLATION_LIST", "issuingDepartmentId", "MS-430100",
                        "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", "探索测试", "listedAt", listedAt))
                .execute().path("recordCreditListing.id").entity(String.class).get();
    }

    HttpGraphQlTester analystApi() {
        return graphQl(analyst());
    }

    static Map<String, Object> e(String uscc) {
        return Map.of("uscc", uscc);
    }

    static Map<String, Object> p(String personId) {
        return Map.of("personId", personId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static double dbl(Object o) {
        return ((Number) o).doubleValue();
    }

    static final String OWNERS = """
            query($u: ID!, $t: Float, $at: Date) { beneficialOwners(uscc: $u, threshold: $t, asOf: $at) {
              enterprise { id } asOf threshold untracedShare
              owners { person { id hops } effectiveShare chains { share path { length nodes { id } edges { type from to sharePct } } } }
              actualController { person { id } basis effectiveShare } } }""";

    Map<String, Object> owners(String uscc, double threshold, String asOf) {
        return analystApi().document(OWNERS).variable("u", uscc).variable("t", threshold).variable("at", asOf).execute()
                .path("beneficialOwners").entity(Map.class).get();
    }

    static Map<String, Double> shares(Map<String, Object> ownership) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        list(ownership.get("owners")).forEach(o -> out.put((String) map(o.get("person")).get("id"), dbl(o.get("effectiveShare"))));
        return out;
    }

    static void assertError(GraphQlTester.Response response, String field, String code) {
        response.errors().satisfy(errors -> assertThat(errors).as("errors").anySatisfy(err -> {
            assertThat(err.getExtensions().get("field")).isEqualTo(field);
            assertThat(err.getExtensions().get("code")).isEqualTo(code);
        }));
    }

    // ---- beneficial owners

    @Test
    void beneficialOwnersMultiplyAlongAFourLevelChainAndReportTheShareEndingAtAnEnterpriseWithoutShareholders() {
        // T <- E3 70% (<- E2 60% (<- E1 50% (<- P1 80%), <- E5 50% (no shareholders)), <- P3 40%), <- P2 30%
        String t = enterprise("目标公司");
        String e3 = enterprise("三级持股公司");
        String e2 = enterprise("二级持股公司");
        String e1 = enterprise("一级持股公司");
        String e5 = enterprise("无股东记录公司");
        String p1 = person("顶层自然人");
        String p2 = person("直接股东");
        String p3 = person("间接股东");
        holds(e3, 70, t);
        holds(p2, 30, t);
        holds(e2, 60, e3);
        holds(p3, 40, e3);
        holds(e1, 50, e2);
        holds(e5, 50, e2);
        holds(p1, 80, e1);

        Map<String, Object> at25 = owners(t, 0.25, null);
        assertThat(shares(at25)).containsOnlyKeys(p2, p3);
        assertThat(shares(at25).get(p2)).isCloseTo(0.30, within(1e-9));
        assertThat(shares(at25).get(p3)).isCloseTo(0.4 * 0.7, within(1e-9));
        assertThat(list(at25.get("owners")).get(0)).extracting(o -> map(o.get("person")).get("id")).isEqualTo(p2);
        assertThat(map(at25.get("actualController"))).containsEntry("basis", "LARGEST_EFFECTIVE_SHARE");
        assertThat(map(map(at25.get("actualController")).get("person"))).containsEntry("id", p2);
        assertThat(dbl(at25.get("untracedShare"))).isCloseTo(0.5 * 0.6 * 0.7, within(1e-9));

        Map<String, Object> at10 = owners(t, 0.10, null);
        assertThat(shares(at10).get(p1)).isCloseTo(0.8 * 0.5 * 0.6 * 0.7, within(1e-9));
        Map<String, Object> top = list(at10.get("owners")).stream().filter(o -> map(o.get("person")).get("id").equals(p1)).findFirst().orElseThrow();
        assertThat(map(top.get("person"))).containsEntry("hops", 4);
        Map<String, Object> chain = list(top.get("chains")).get(0);
        assertThat(dbl(chain.get("share"))).isCloseTo(0.168, within(1e-9));
        assertThat(list(map(chain.get("path")).get("nodes"))).extracting(n -> n.get("id")).containsExactly(p1, e1, e2, e3, t);
        assertThat(list(map(chain.get("path")).get("edges"))).extracting(x -> x.get("from")).containsExactly(p1, e1, e2, e3);
    }

    @Test
    void crossHoldingsConvergeToTheSumOfTheSeriesAndAsOfBeforeALinkStartsLeavesItOut() {
        // A holds 50% of B, B holds 20% of A; P 60% and Q 20% of A; R 50% of B since 2025-01-01.
        String a = enterprise("交叉持股甲");
        String b = enterprise("交叉持股乙");
        String pp = person("甲的大股东");
        String q = person("甲的小股东");
        String r = person("乙的股东");
        holds(a, 50, b);
        holds(b, 20, a);
        holds(pp, 60, a);
        holds(q, 20, a);
        link("SHAREHOLDER_OF", r, b, 50.0, null, "2025-01-01");

        // Owners of B: walks P->A->B, P->A->B->A->B, ...: 0.6*0.5*(1 + 0.1 + 0.01 + ...) = 0.3/0.9.
        Map<String, Object> ofB = owners(b, 0.10, null);
        assertThat(shares(ofB).get(pp)).isCloseTo(0.3 / 0.9, within(1e-9));
        assertThat(shares(ofB).get(q)).isCloseTo(0.1 / 0.9, within(1e-9));
        assertThat(shares(ofB).get(r)).isCloseTo(0.5 / 0.9, within(1e-9));
        assertThat(dbl(ofB.get("untracedShare"))).isCloseTo(0.0, within(1e-12));
        // Chains repeat no node: P's only chain is P->A->B, 30%.
        Map<String, Object> pOwner = list(ofB.get("owners")).stream().filter(o -> map(o.get("person")).get("id").equals(pp)).findFirst().orElseThrow();
        assertThat(list(pOwner.get("chains"))).singleElement().satisfies(c -> {
            assertThat(dbl(c.get("share"))).isCloseTo(0.3, within(1e-12));
            assertThat(list(map(c.get("path")).get("nodes"))).extracting(n -> n.get("id")).containsExactly(pp, a, b);
        });
        assertThat(map(map(owners(b, 0.25, null).get("actualController")).get("person"))).containsEntry("id", r);

        // Owners of A: g(A) = 1 / (1 - 0.5*0.2); P: 0.6/0.9, Q: 0.2/0.9, R: 0.5*0.2/0.9.
        Map<String, Object> ofA = owners(a, 0.05, null);
        assertThat(shares(ofA).get(pp)).isCloseTo(0.6 / 0.9, within(1e-9));
        assertThat(shares(ofA).get(q)).isCloseTo(0.2 / 0.9, within(1e-9));
        assertThat(shares(ofA).get(r)).isCloseTo(0.1 / 0.9, within(1e-9));

        // Before R's holding began, R is no owner and P is B's actual controller.
        Map<String, Object> before = owners(b, 0.25, "2024-06-01");
        assertThat(shares(before)).containsOnlyKeys(pp);
        assertThat(map(map(before.get("actualController")).get("person"))).containsEntry("id", pp);
    }

    @Test
    void withoutAnOwnerAtTheThresholdTheLegalRepresentativeControlsAndWithoutEitherNobodyIsKnown() {
        String l = enterprise("分散持股公司");
        String rep = person("法定代表人");
        String small = person("小股东");
        holds(small, 10, l);
        link("LEGAL_REPRESENTATIVE_OF", rep, l, null, null, SINCE);
        Map<String, Object> answer = owners(l, 0.25, null);
        assertThat(list(answer.get("owners"))).isEmpty();
        assertThat(map(answer.get("actualController"))).containsEntry("basis", "LEGAL_REPRESENTATIVE").containsEntry("effectiveShare", null);
        assertThat(map(map(answer.get("actualController")).get("person"))).containsEntry("id", rep);
        assertThat(dbl(answer.get("untracedShare"))).isCloseTo(0.0, within(1e-12));

        Map<String, Object> bare = owners(enterprise("无记录公司"), 0.25, null);
        assertThat(map(bare.get("actualController"))).containsEntry("basis", "UNKNOWN").containsEntry("person", null);
        assertThat(dbl(bare.get("untracedShare"))).isEqualTo(1.0);
    }

    // ---- neighbourhood

    @Test
    void aHubPersonIsCappedPerNodeWithOmittedCountsPerTypeAndPagedThroughSubjectNeighbours() {
        String hub = person("代表三十家企业的人");
        for (int i = 0; i < 30; i++) {
            link("LEGAL_REPRESENTATIVE_OF", hub, enterprise("代表企业" + i), null, null, SINCE);
        }
        for (int i = 0; i < 5; i++) {
            link("OFFICER_OF", hub, enterprise("任职企业" + i), null, "DIRECTOR", SINCE);
        }
        Map<String, Object> g = analystApi().document("""
                        query($s: SubjectInput!) { subjectGraph(subject: $s, perNode: 10) { truncated hops
                          subject { id kind hops degree omitted { type count } }
                          nodes { id hops degree omitted { type count } } edges { id type from to } } }""")
                .variable("s", p(hub)).execute().path("subjectGraph").entity(Map.class).get();
        assertThat(g).containsEntry("truncated", true).containsEntry("hops", 1);
        assertThat(map(g.get("subject"))).containsEntry("id", hub).containsEntry("kind", "PERSON").containsEntry("degree", 35);
        assertThat(list(map(g.get("subject")).get("omitted"))).containsExactly(Map.of("type", "LEGAL_REPRESENTATIVE", "count", 20),
                Map.of("type", "OFFICER", "count", 5));
        assertThat(list(g.get("nodes"))).hasSize(11);
        assertThat(list(g.get("nodes")).get(0)).containsEntry("id", hub).containsEntry("hops", 0);
        assertThat(list(g.get("nodes")).subList(1, 11)).allSatisfy(n -> {
            assertThat(n).containsEntry("hops", 1).containsEntry("degree", 1);
            assertThat(list(n.get("omitted"))).isEmpty();
        });
        assertThat(list(g.get("edges"))).hasSize(10).allSatisfy(x -> assertThat(x).containsEntry("type", "LEGAL_REPRESENTATIVE")
                .containsEntry("from", hub));

        // Page by page: every link once, 35 in all.
        List<String> seen = new ArrayList<>();
        String after = null;
        int pagesRead = 0;
        boolean more = true;
        while (more) {
            Map<String, Object> page = analystApi().document("""
                            query($s: SubjectInput!, $after: String) { subjectNeighbours(subject: $s, first: 10, after: $after) {
                              totalCount pageInfo { hasNextPage endCursor } edges { node { edge { id type } node { id hops } } } } }""")
                    .variable("s", p(hub)).variable("after", after).execute().path("subjectNeighbours").entity(Map.class).get();
            assertThat(page).containsEntry("totalCount", 35);
            list(page.get("edges")).forEach(x -> seen.add((String) map(map(x.get("node")).get("edge")).get("id")));
            more = (Boolean) map(page.get("pageInfo")).get("hasNextPage");
            after = (String) map(page.get("pageInfo")).get("endCursor");
            pagesRead++;
        }
        assertThat(pagesRead).isEqualTo(4);
        assertThat(seen).hasSize(35).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 10)).isEqualTo(list(g.get("edges")).stream().map(x -> x.get("id")).toList());

        // Only officers; and the node limit.
        analystApi().document("query($s: SubjectInput!) { subjectGraph(subject: $s, linkTypes: [OFFICER]) { truncated subject { degree } nodes { id } } }")
                .variable("s", p(hub)).execute().path("subjectGraph.subject.degree").entity(Integer.class).isEqualTo(5)
                .path("subjectGraph.nodes").entityList(Object.class).hasSize(6).path("subjectGraph.truncated").entity(Boolean.class).isEqualTo(false);
        analystApi().document("query($s: SubjectInput!) { subjectGraph(subject: $s, limit: 4) { truncated nodes { id } } }")
                .variable("s", p(hub)).execute().path("subjectGraph.nodes").entityList(Object.class).hasSize(4)
                .path("subjectGraph.truncated").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void twoHopNeighbourhoodsMarkRestrictedEnterprisesAndLeaveOutLinksNotYetBegun() {
        String c = enterprise("干净企业");
        String rep = person("共同法定代表人");
        String d = enterprise("失信企业");
        String future = enterprise("尚未入股企业");
        link("LEGAL_REPRESENTATIVE_OF", rep, c, null, null, SINCE);
        link("LEGAL_REPRESENTATIVE_OF", rep, d, null, null, SINCE);
        String begins = clock.today().minusDays(30).toString();
        link("SHAREHOLDER_OF", rep, future, 10.0, null, begins);
        String listed = listing(d, clock.today().minusDays(100) + "T09:00:00+08:00");
        String doc = """
                query($s: SubjectInput!, $at: Date) { subjectGraph(subject: $s, hops: 2, asOf: $at) { asOf
                  nodes { id hops restricted triggers { id type uscc } } edges { type } } }""";
        Map<String, Object> g = analystApi().document(doc).variable("s", e(c)).variable("at", null).execute()
                .path("subjectGraph").entity(Map.class).get();
        assertThat(g).containsEntry("asOf", clock.today().toString());
        assertThat(list(g.get("nodes"))).extracting(n -> n.get("id")).containsExactly(c, rep, d, future);
        Map<String, Object> dn = list(g.get("nodes")).get(2);
        assertThat(dn).containsEntry("hops", 2).containsEntry("restricted", true);
        assertThat(list(dn.get("triggers"))).singleElement().satisfies(t -> assertThat(t).containsEntry("id", listed).containsEntry("uscc", d));
        assertThat(list(g.get("nodes")).get(0)).containsEntry("restricted", false);

        // Before the shareholding began the future enterprise is not linked; before the listing D is clean.
        Map<String, Object> earlier = analystApi().document(doc).variable("s", e(c)).variable("at", clock.today().minusDays(200).toString())
                .execute().path("subjectGraph").entity(Map.class).get();
        assertThat(list(earlier.get("nodes"))).extracting(n -> n.get("id")).containsExactly(c, rep, d);
        assertThat(list(earlier.get("nodes")).get(2)).containsEntry("restricted", false);
    }

    // ---- paths

    static final String PATHS = """
            query($a: SubjectInput!, $b: SubjectInput!, $max: Int, $first: Int, $at: Date) {
              paths(from: $a, to: $b, maxHops: $max, first: $first, asOf: $at) { shortestLength truncated from { id } to { id hops }
                paths { length nodes { id hops } edges { type from to } } } }""";

    Map<String, Object> paths(Map<String, Object> a, Map<String, Object> b, int max, int first, String at) {
        return analystApi().document(PATHS).variable("a", a).variable("b", b).variable("max", max).variable("first", first).variable("at", at)
                .execute().path("paths").entity(Map.class).get();
    }

    @Test
    void allShortestConnectionsInStableOrderNoneWhenTooFarAndLinksNotYetBegunDoNotConnect() {
        String x = enterprise("甲公司");
        String y = enterprise("乙公司");
        String pa = person("甲的代表乙的股东");
        String pb = person("两家的董事");
        link("LEGAL_REPRESENTATIVE_OF", pa, x, null, null, SINCE);
        holds(pa, 15, y);
        link("OFFICER_OF", pb, x, null, "DIRECTOR", SINCE);
        link("OFFICER_OF", pb, y, null, "DIRECTOR", SINCE);
        // A longer way round: x <- E -> F -> y (3 hops).
        String ee = enterprise("绕行一");
        String ff = enterprise("绕行二");
        holds(x, 10, ee);
        holds(ee, 10, ff);
        holds(ff, 10, y);

        Map<String, Object> both = paths(e(x), e(y), 4, 10, null);
        assertThat(both).containsEntry("shortestLength", 2).containsEntry("truncated", false);
        List<Map<String, Object>> ps = list(both.get("paths"));
        assertThat(ps).hasSize(2).allSatisfy(pth -> assertThat(pth).containsEntry("length", 2));
        List<String> middles = ps.stream().map(pth -> (String) list(pth.get("nodes")).get(1).get("id")).toList();
        assertThat(middles).containsExactlyInAnyOrder(pa, pb).isSorted();
        Map<String, Object> viaPa = ps.get(middles.indexOf(pa));
        assertThat(list(viaPa.get("edges"))).extracting(ed -> ed.get("type")).containsExactly("LEGAL_REPRESENTATIVE", "SHAREHOLDER");
        assertThat(list(viaPa.get("nodes"))).extracting(n -> n.get("hops")).containsExactly(0, 1, 2);
        assertThat(map(both.get("to"))).containsEntry("id", y).containsEntry("hops", 2);
        // first: 1 keeps the first and says more exist.
        Map<String, Object> one = paths(e(x), e(y), 4, 1, null);
        assertThat(one).containsEntry("truncated", true);
        assertThat(list(one.get("paths"))).singleElement().satisfies(pth -> assertThat(list(pth.get("nodes")).get(1)).containsEntry("id", middles.get(0)));

        // A chain of four: none within 3, one within 4; and none before its last link began.
        String w = enterprise("链尾");
        String m1 = enterprise("链一");
        String m2 = enterprise("链二");
        String z = enterprise("链首");
        holds(z, 10, m1);
        holds(m1, 10, m2);
        holds(m2, 10, w);
        link("SHAREHOLDER_OF", w, enterprise("无关"), 5.0, null, SINCE);
        String lastBegins = clock.today().minusDays(30).toString();
        String m3 = enterprise("链三");
        holds(w, 10, m3);
        String far = enterprise("远端");
        link("SHAREHOLDER_OF", m3, far, 10.0, null, lastBegins);
        assertThat(paths(e(z), e(far), 4, 10, null)).containsEntry("shortestLength", null).containsEntry("paths", List.of());
        Map<String, Object> five = paths(e(z), e(far), 5, 10, null);
        assertThat(five).containsEntry("shortestLength", 5);
        assertThat(list(list(five.get("paths")).get(0).get("nodes"))).extracting(n -> n.get("id")).containsExactly(z, m1, m2, w, m3, far);
        assertThat(paths(e(z), e(far), 6, 10, clock.today().minusDays(31).toString())).containsEntry("shortestLength", null);
        // Persons connect too, and an isolated enterprise connects to nothing.
        assertThat(paths(p(pa), p(pb), 6, 10, null)).containsEntry("shortestLength", 2);
        assertThat(paths(e(x), e(enterprise("孤立企业")), 6, 10, null)).containsEntry("shortestLength", null).containsEntry("truncated", false);
    }

    // ---- exposure and common controllers

    @Test
    void restrictionExposureFindsTheListedEnterpriseTwoHopsAwayWithItsPathAndTriggers() {
        String c = enterprise("干净企业");
        String rep = person("共同代表");
        String d = enterprise("被列入企业");
        link("LEGAL_REPRESENTATIVE_OF", rep, c, null, null, SINCE);
        link("LEGAL_REPRESENTATIVE_OF", rep, d, null, null, SINCE);
        String listed = listing(d, clock.today().minusDays(10) + "T09:00:00+08:00");
        String doc = """
                query($s: SubjectInput!, $h: Int, $at: Date) { restrictionExposure(subject: $s, hops: $h, asOf: $at) { truncated
                  subject { id restricted } exposed { node { id hops restricted triggers { id type } } path { length nodes { id } edges { type } } } } }""";
        Map<String, Object> two = analystApi().document(doc).variable("s", e(c)).variable("h", 2).variable("at", null).execute()
                .path("restrictionExposure").entity(Map.class).get();
        assertThat(list(two.get("exposed"))).singleElement().satisfies(x -> {
            assertThat(map(x.get("node"))).containsEntry("id", d).containsEntry("hops", 2).containsEntry("restricted", true);
            assertThat(list(map(x.get("node")).get("triggers"))).extracting(t -> t.get("id")).containsExactly(listed);
            assertThat(list(map(x.get("path")).get("nodes"))).extracting(n -> n.get("id")).containsExactly(c, rep, d);
        });
        assertThat(analystApi().document(doc).variable("s", e(c)).variable("h", 1).variable("at", null).execute()
                .path("restrictionExposure.exposed").entityList(Object.class).get()).isEmpty();
        assertThat(analystApi().document(doc).variable("s", e(c)).variable("h", 2).variable("at", clock.today().minusDays(11).toString())
                .execute().path("restrictionExposure.exposed").entityList(Object.class).get()).isEmpty();
        // The listed enterprise itself is exposed at hops 0.
        analystApi().document(doc).variable("s", e(d)).variable("h", 1).variable("at", null).execute()
                .path("restrictionExposure.exposed[0].node.hops").entity(Integer.class).isEqualTo(0)
                .path("restrictionExposure.subject.restricted").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void commonControllersRepresentOrOwnTwoOrMoreOfTheSubjects() {
        String s1 = enterprise("子一");
        String s2 = enterprise("子二");
        String s3 = enterprise("子三");
        String k = person("共同控制人");
        String j = person("只持一家");
        String holding = enterprise("控股平台");
        link("LEGAL_REPRESENTATIVE_OF", k, s1, null, null, SINCE);
        holds(k, 30, s2);
        holds(j, 20, s1);
        // The platform holds 60% of S2 and 50% of S3; K holds 50% of the platform: 0.3 + 0.3 = 60% of S2, 25% of S3.
        holds(holding, 60, s2);
        holds(holding, 50, s3);
        holds(k, 50, holding);
        List<Map<String, Object>> answer = list(analystApi().document("""
                        query($s: [SubjectInput!]!) { commonControllers(subjects: $s) { controller { id kind }
                          controls { subject { id } via effectiveShare path { length nodes { id } } } } }""")
                .variable("s", List.of(e(s1), e(s2), e(s3))).execute().path("commonControllers").entityList(Map.class).get());
        assertThat(answer).extracting(c -> map(c.get("controller")).get("id")).containsExactly(k, holding);
        List<Map<String, Object>> byK = list(answer.get(0).get("controls"));
        assertThat(byK).extracting(c -> map(c.get("subject")).get("id")).containsExactly(s1, s2, s3);
        assertThat(byK.get(0)).containsEntry("via", "LEGAL_REPRESENTATIVE").containsEntry("effectiveShare", null);
        assertThat(byK.get(1)).containsEntry("via", "SHAREHOLDER");
        assertThat(dbl(byK.get(1).get("effectiveShare"))).isCloseTo(0.6, within(1e-9));
        assertThat(dbl(byK.get(2).get("effectiveShare"))).isCloseTo(0.25, within(1e-9));
        assertThat(list(map(byK.get(2).get("path")).get("nodes"))).extracting(n -> n.get("id")).containsExactly(k, holding, s3);
        assertThat(list(answer.get(1).get("controls"))).extracting(c -> map(c.get("subject")).get("id")).containsExactly(s2, s3);

        assertError(analystApi().document("query($s: [SubjectInput!]!) { commonControllers(subjects: $s) { controller { id } } }")
                .variable("s", List.of(e(s1))).execute(), "subjects", "INVALID_VALUE");
        assertError(analystApi().document("query($s: [SubjectInput!]!) { commonControllers(subjects: $s) { controller { id } } }")
                .variable("s", List.of(e(s1), e(s1))).execute(), "subjects[1]", "DUPLICATE");
    }

    // ---- input and access

    @Test
    void badInputIsRefusedWithTypedErrorsNamingTheField() {
        String x = enterprise("输入校验");
        String graph = "query($s: SubjectInput!, $h: Int, $l: Int, $n: Int) { subjectGraph(subject: $s, hops: $h, limit: $l, perNode: $n) { hops } }";
        assertError(analystApi().document(graph).variable("s", Map.of("uscc", x, "personId", person("两者都给"))).variable("h", 1).variable("l", 10)
                .variable("n", 5).execute(), "subject", "INVALID_VALUE");
        assertError(analystApi().document(graph).variable("s", Map.of()).variable("h", 1).variable("l", 10).variable("n", 5).execute(),
                "subject", "INVALID_VALUE");
        assertError(analystApi().document(graph).variable("s", e(x)).variable("h", 4).variable("l", 10).variable("n", 5).execute(), "hops", "INVALID_VALUE");
        assertError(analystApi().document(graph).variable("s", e(x)).variable("h", 1).variable("l", 0).variable("n", 5).execute(), "limit", "INVALID_VALUE");
        assertError(analystApi().document(graph).variable("s", e(x)).variable("h", 1).variable("l", 10).variable("n", 0).execute(), "perNode", "INVALID_VALUE");
        assertError(analystApi().document(graph).variable("s", e("not-a-uscc")).variable("h", 1).variable("l", 10).variable("n", 5).execute(),
                "subject.uscc", "INVALID_USCC");
        assertError(analystApi().document(graph).variable("s", e(newUscc())).variable("h", 1).variable("l", 10).variable("n", 5).execute(),
                "subject", "NOT_FOUND");
        // Unknown subjects: NOT_FOUND naming the argument, saying person or enterprise as the input typed it.
        String nobody = PersonId.fromSeed("explore-nobody").value();
        GraphQlTester.Response unknownTo = analystApi().document(PATHS).variable("a", e(x)).variable("b", Map.of("personId", nobody))
                .variable("max", 4).variable("first", 10).variable("at", null).execute();
        assertError(unknownTo, "to", "NOT_FOUND");
        unknownTo.errors().satisfy(errors -> assertThat(errors).anySatisfy(err -> assertThat(err.getMessage()).contains("no person " + nobody)));
        assertError(analystApi().document(OWNERS).variable("u", newUscc()).variable("t", 0.25).variable("at", null).execute(), "uscc", "NOT_FOUND");
        assertError(analystApi().document("query($s: SubjectInput!) { subjectNeighbours(subject: $s) { totalCount } }")
                .variable("s", Map.of("personId", nobody)).execute(), "subject", "NOT_FOUND");
        assertError(analystApi().document("query($s: [SubjectInput!]!) { commonControllers(subjects: $s) { controller { id } } }")
                .variable("s", List.of(e(x), e(newUscc()))).execute(), "subjects[1]", "NOT_FOUND");
        assertError(analystApi().document(PATHS).variable("a", e(x)).variable("b", e(x)).variable("max", 4).variable("first", 10).variable("at", null)
                .execute(), "to", "INVALID_VALUE");
        assertError(analystApi().document(PATHS).variable("a", e(x)).variable("b", e(enterprise("另一家"))).variable("max", 7).variable("first", 10)
                .variable("at", null).execute(), "maxHops", "INVALID_VALUE");
        assertError(analystApi().document(PATHS).variable("a", e(x)).variable("b", e(enterprise("另一家"))).variable("max", 4).variable("first", 0)
                .variable("at", null).execute(), "first", "INVALID_VALUE");
        assertError(analystApi().document(OWNERS).variable("u", x).variable("t", 0.0).variable("at", null).execute(), "threshold", "INVALID_VALUE");
        assertError(analystApi().document(OWNERS).variable("u", x).variable("t", 1.5).variable("at", null).execute(), "threshold", "INVALID_VALUE");
        assertError(analystApi().document("query($s: SubjectInput!) { restrictionExposure(subject: $s, hops: 0) { hops } }").variable("s", e(x))
                .execute(), "hops", "INVALID_VALUE");
        assertError(analystApi().document("query($s: SubjectInput!) { subjectNeighbours(subject: $s, first: 500) { totalCount } }").variable("s", e(x))
                .execute(), "first", "PAGE_SIZE");
    }

    @Test
    void thePublicMustSignInPartnersAreRefusedAndAnalystsOfficersAndAdministratorsMayExplore() {
        String x = enterprise("权限");
        String doc = "query($s: SubjectInput!) { subjectGraph(subject: $s) { subject { id } } }";
        assertError(graphQl().document(doc).variable("s", e(x)).execute(), "Query.subjectGraph", "UNAUTHENTICATED");
        assertError(graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000")).document(doc).variable("s", e(x)).execute(), "Query.subjectGraph", "FORBIDDEN");
        assertError(graphQl(inspector("EXPLORE-NOBODY", "HRSS-430100")).document(doc).variable("s", e(x)).execute(), "Query.subjectGraph", "FORBIDDEN");
        for (var caller : List.of(analyst(), officer("HRSS-430100"), admin())) {
            graphQl(caller).document(doc).variable("s", e(x)).execute().path("subjectGraph.subject.id").entity(String.class).isEqualTo(x);
        }
        assertError(graphQl().document(OWNERS).variable("u", x).variable("t", 0.25).variable("at", null).execute(), "Query.beneficialOwners",
                "UNAUTHENTICATED");
        assertError(graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000")).document(PATHS).variable("a", e(x)).variable("b", e(enterprise("另一家")))
                .variable("max", 4).variable("first", 10).variable("at", null).execute(), "Query.paths", "FORBIDDEN");
    }

    @Test
    void meth07DossierForTheAssignedInspectorAndOfficersOfTheJurisdictionNotForOthersAndComplaintsOnlyForOfficers() {
        String x = enterprise("预查企业");
        String rep = person("预查企业代表");
        String listedNeighbour = enterprise("关联失信企业");
        link("LEGAL_REPRESENTATIVE_OF", rep, x, null, null, SINCE);
        link("LEGAL_REPRESENTATIVE_OF", rep, listedNeighbour, null, null, SINCE);
        String own = listing(x, clock.today().minusDays(40) + "T09:00:00+08:00");
        String neighbours = listing(listedNeighbour, clock.today().minusDays(40) + "T09:00:00+08:00");
        // An inspector of HRSS-430100 on the team of an active inspection of X; another inspector not on it. The inspection is
        // written with Cypher: the hub puts teams together at random (vdraw-1 steps 13 to 16), and directly only after a random
        // run (ASSIGN-06), so no API call puts a chosen inspector on a chosen enterprise's team.
        String unit = graphQl().document("{ department(id: \"HRSS-430100\") { units { id } } }").execute()
                .path("department.units[0].id").entity(String.class).get();
        String assigned = "EXPLORE-INS-" + nextKey();
        String other = assigned + "-OTHER";
        for (String id : List.of(assigned, other)) {
            graphQl(officer("HRSS-430100")).document("mutation($in: InspectorInput!) { upsertInspector(input: $in) { inspectorId } }")
                    .variable("in", Map.of("inspectorId", id, "name", "预查检查员", "certificateNo", id, "phone", "13800000000",
                            "certificateValidFrom", "2024-01-01", "certificateValidTo", "2030-12-31", "unitId", unit))
                    .execute().path("upsertInspector.inspectorId").entity(String.class).isEqualTo(id);
        }
        driver.executableQuery("""
                MATCH (e:Enterprise {uscc: $uscc}), (p:Inspector {inspectorId: $inspector})
                CREATE (i:Inspection {id: $run, taskId: $run + '-T', drawId: $run + '-D', uscc: $uscc, status: 'ACTIVE', drawnBy: 'HRSS-430100',
                        itemCodes: ['LABOUR-CONTRACTS'], stratum: 'ALL', drawOrder: 1, rank: '00', flagged: false, year: 2026})-[:TARGETS]->(e)
                CREATE (i)-[:ASSIGNED {position: 1, at: $at}]->(p)""")
                .withParameters(Map.of("uscc", x, "inspector", assigned, "run", "EXPLORE-" + nextKey(), "at", clock.now())).execute();
        graphQl(officer("HRSS-430100")).document("""
                        mutation($in: ComplaintInput!) { recordComplaint(input: $in) { id } }""")
                .variable("in", Map.of("uscc", x, "receivedByDepartmentId", "HRSS-430100", "receivedOn", clock.today().minusDays(5).toString(),
                        "channel", "HOTLINE", "summary", "拖欠工资"))
                .execute().path("recordComplaint.id").hasValue();
        String doc = """
                query($u: ID!) { preInspectionDossier(uscc: $u) { enterprise { uscc } asOf listingsAndSanctions { id }
                  inspections { id } openCases { id } linkedRestricted { node { id hops triggers { id } } path { nodes { id } } }
                  freshness { source state } } }""";
        Map<String, Object> forInspector = graphQl(inspector(assigned, "HRSS-430100")).document(doc).variable("u", x).execute()
                .path("preInspectionDossier").entity(Map.class).get();
        assertThat(map(forInspector.get("enterprise"))).containsEntry("uscc", x);
        assertThat(list(forInspector.get("listingsAndSanctions"))).extracting(t -> t.get("id")).containsExactly(own);
        assertThat(list(forInspector.get("inspections"))).hasSize(1);
        assertThat(list(forInspector.get("linkedRestricted"))).singleElement().satisfies(l -> {
            assertThat(map(l.get("node"))).containsEntry("id", listedNeighbour).containsEntry("hops", 2);
            assertThat(list(map(l.get("node")).get("triggers"))).extracting(t -> t.get("id")).containsExactly(neighbours);
        });
        assertThat(list(forInspector.get("freshness"))).extracting(f -> f.get("source")).contains("HUB", "MARKET_SUPERVISION");
        // Complaints: refused to the inspector, given to the officer of the jurisdiction.
        assertError(graphQl(inspector(assigned, "HRSS-430100")).document("query($u: ID!) { preInspectionDossier(uscc: $u) { complaints { id } } }")
                .variable("u", x).execute(), "PreInspectionDossier.complaints", "FORBIDDEN");
        graphQl(officer("HRSS-430100")).document("query($u: ID!) { preInspectionDossier(uscc: $u) { complaints { id } } }").variable("u", x)
                .execute().path("preInspectionDossier.complaints").entityList(Object.class).hasSize(1);
        // Not assigned, another city's officer, analysts and the public: refused.
        assertError(graphQl(inspector(other, "HRSS-430100")).document(doc).variable("u", x).execute(), "uscc", "FORBIDDEN");
        assertError(graphQl(officer("HRSS-430200")).document(doc).variable("u", x).execute(), "uscc", "FORBIDDEN");
        assertError(graphQl(analyst()).document(doc).variable("u", x).execute(), "Query.preInspectionDossier", "FORBIDDEN");
        assertError(graphQl().document(doc).variable("u", x).execute(), "Query.preInspectionDossier", "UNAUTHENTICATED");
        assertError(graphQl(admin()).document(doc).variable("u", newUscc()).execute(), "uscc", "NOT_FOUND");
    }

    // ---- joint inspections (PLAN-15)

    /** The demo's joint inspection (JointDemo: Zhuzhou HR&SS leads, market supervision takes part): lead id, part id, USCC. */
    List<String> demoJointInspection() {
        var r = driver.executableQuery("MATCH (p:Inspection {inspectedBy: 'MS-430200'}) WHERE p.jointOf IS NOT NULL"
                + " MATCH (l:Inspection {id: p.jointOf}) RETURN l.id AS lead, p.id AS part, l.uscc AS uscc ORDER BY l.id LIMIT 1").execute().records().get(0);
        return List.of(r.get("lead").asString(), r.get("part").asString(), r.get("uscc").asString());
    }

    static final String VISITS = "id joint jointDepartments { id } jointParts { id }";

    @Test
    void aJointInspectionIsOneVisitWithEveryParticipatingDepartmentInTheAnalystsAnswersAndTheDossier_PLAN15() {
        List<String> joint = demoJointInspection();
        String lead = joint.get(0);
        String part = joint.get(1);
        String uscc = joint.get(2);
        // The analyst's list of the enterprise's inspections: the joint inspection once, as the lead's, with both departments.
        List<Map<String, Object>> visits = list(analystApi().document("query($u: ID!) { subjectInspections(uscc: $u) { " + VISITS + " } }")
                .variable("u", uscc).execute().path("subjectInspections").entity(List.class).get());
        assertThat(visits).extracting(v -> v.get("id")).contains(lead).doesNotContain(part);
        assertThat(visits).filteredOn(v -> lead.equals(v.get("id"))).singleElement().satisfies(v -> {
            assertThat(v.get("joint")).isEqualTo(true);
            assertThat(list(v.get("jointDepartments"))).extracting(d -> d.get("id")).containsExactly("HRSS-430200", "MS-430200");
            assertThat(list(v.get("jointParts"))).extracting(d -> d.get("id")).containsExactly(part);
        });
        // Every entry is a visit: a single department's names that department alone.
        assertThat(visits).allSatisfy(v -> {
            assertThat(v.get("joint")).isEqualTo(!list(v.get("jointParts")).isEmpty());
            assertThat(list(v.get("jointDepartments"))).hasSize(1 + list(v.get("jointParts")).size());
        });
        // The pre-inspection dossier (METH-07) lists the same visits, the participant's officer reading it as the lead's does.
        for (var reader : List.of(officer("MS-430200"), officer("HRSS-430200"))) {
            List<Map<String, Object>> earlier = list(graphQl(reader).document("query($u: ID!) { preInspectionDossier(uscc: $u) { inspections { " + VISITS + " } } }")
                    .variable("u", uscc).execute().path("preInspectionDossier.inspections").entity(List.class).get());
            assertThat(earlier).isEqualTo(visits);
        }
        // A part names the same departments (it is that visit's).
        graphQl().document("query($i: ID!) { inspection(id: $i) { joint jointDepartments { id } jointOf { id } } }").variable("i", part).execute()
                .path("inspection.joint").entity(Boolean.class).isEqualTo(true)
                .path("inspection.jointDepartments[*].id").entityList(String.class).containsExactly("HRSS-430200", "MS-430200")
                .path("inspection.jointOf.id").entity(String.class).isEqualTo(lead);
        assertError(analystApi().document("query($u: ID!) { subjectInspections(uscc: $u) { id } }").variable("u", newUscc()).execute(), "uscc", "NOT_FOUND");
    }

    // ---- the demo group the README walks through

    @Test
    void theDemoHoldingGroupAnswersAsTheReadmeSays() {
        // The README names these ids; the demo derives them from fixed seeds.
        assertThat(org.supervisionhub.api.demo.ExploreDemo.uscc(4)).isEqualTo("93430102EXP000004C");
        assertThat(org.supervisionhub.api.demo.ExploreDemo.uscc(6)).isEqualTo("93430102EXP000006J");
        assertThat(org.supervisionhub.api.demo.ExploreDemo.person("周建国")).isEqualTo("P5NA7HQWEEHMBD7BH");
        assertThat(org.supervisionhub.api.demo.ExploreDemo.person("刘洋")).isEqualTo("PAAYSC6M2LCBUYYRP");
        String zhou = "P5NA7HQWEEHMBD7BH";
        Map<String, Object> l3 = owners("93430102EXP000004C", 0.25, null);
        assertThat(shares(l3).keySet()).containsExactly(zhou, org.supervisionhub.api.demo.ExploreDemo.person("赵强"));
        assertThat(shares(l3).get(zhou)).isCloseTo(0.7 * 0.8 * 0.6 * 0.55 + 0.2, within(1e-9));
        assertThat(dbl(l3.get("untracedShare"))).isCloseTo(0.4 * 0.55, within(1e-9));
        assertThat(map(map(l3.get("actualController")).get("person"))).containsEntry("id", zhou);
        Map<String, Object> b = owners("93430102EXP000006J", 0.1, null);
        assertThat(shares(b).get(org.supervisionhub.api.demo.ExploreDemo.person("王芳"))).isCloseTo(0.6 / 0.9, within(1e-9));
        assertThat(shares(b).get(zhou)).isCloseTo(0.5 * 0.4 / 0.9, within(1e-9));
        analystApi().document("{ subjectGraph(subject: {personId: \"PAAYSC6M2LCBUYYRP\"}) { truncated subject { degree omitted { type count } } } }")
                .execute().path("subjectGraph.truncated").entity(Boolean.class).isEqualTo(true)
                .path("subjectGraph.subject.degree").entity(Integer.class).isEqualTo(40)
                .path("subjectGraph.subject.omitted[0].count").entity(Integer.class).isEqualTo(15);
        // 岳麓建材 is clean; 橘洲餐饮, listed, is two hops away through their shared legal representative.
        analystApi().document("{ restrictionExposure(subject: {uscc: \"93430102EXP000004C\"}) { subject { restricted }"
                        + " exposed { node { id hops } } } }").execute()
                .path("restrictionExposure.subject.restricted").entity(Boolean.class).isEqualTo(false)
                .path("restrictionExposure.exposed[0].node.id").entity(String.class).isEqualTo("93430102EXP000007M")
                .path("restrictionExposure.exposed[0].node.hops").entity(Integer.class).isEqualTo(2);
        analystApi().document("{ paths(from: {personId: \"P5NA7HQWEEHMBD7BH\"}, to: {uscc: \"93430102EXP000007M\"}) { shortestLength } }")
                .execute().path("paths.shortestLength").entity(Integer.class).isEqualTo(3);
    }
}
