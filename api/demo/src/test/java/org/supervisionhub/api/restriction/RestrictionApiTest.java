package org.supervisionhub.api.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;
import reactor.core.Disposable;

/**
 * Restriction checks through the GraphQL API on the real graph, against the catalogue shipped in the repository:
 * the five invariants of {@code restriction-propagation.md}, every reach, time travel, batches and receipts.
 */
class RestrictionApiTest extends HubIntegrationTest {

    static final String ANSWER = """
            fragment A on RestrictionAnswer { subject { kind id known } domain asOf restricted digest receiptId
              restrictions { ...R } alerts { ...R } freshness { source state } }
            fragment R on AppliedRestriction { effect domain measureId measureVersion reach startsAt expectedEnd alternativePaths
              measure { id version legalBasis } trigger { id type uscc issuingDepartmentId listedAt }
              path { nodes { kind id } relationships { type from to validFrom validTo } } }
            """;
    static final String CHECK = ANSWER + """
            query($s: SubjectInput!, $d: RestrictionDomain!, $at: DateTime) {
              restrictionCheck(subject: $s, domain: $d, purpose: "test approval 2026-001", asOf: $at) { ...A } }
            """;

    @Autowired
    Driver driver;

    /** A listed enterprise X with its branch B, B's branch Z, holder H, other enterprise Y of X's representative, and people. */
    record World(String x, String b, String z, String h, String y, String yBranch, String rep, String gone, String late, String listing) {
    }

    HttpGraphQlTester partner() {
        return graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000"));
    }

    World world() {
        HttpGraphQlTester admin = graphQl(admin());
        String x = enterprise(admin, "被列入严重违法名单的公司");
        String b = enterprise(admin, "分公司");
        String z = enterprise(admin, "分公司的分支机构");
        String h = enterprise(admin, "控股股东公司");
        String y = enterprise(admin, "法定代表人的另一家公司");
        String yBranch = enterprise(admin, "另一家公司的分公司");
        String rep = person(admin, "法定代表人");
        String gone = person(admin, "2023年离任董事");
        String late = person(admin, "列入后离任经理");
        link(admin, "BRANCH", Map.of("uscc", b), x, null, null, "2020-01-01", null);
        link(admin, "BRANCH", Map.of("uscc", z), b, null, null, "2021-01-01", null);
        link(admin, "BRANCH", Map.of("uscc", yBranch), y, null, null, "2024-02-01", null);
        link(admin, "SHAREHOLDER", Map.of("uscc", h), x, null, 60.0, "2019-01-01", null);
        link(admin, "LEGAL_REPRESENTATIVE", Map.of("personId", rep), x, null, null, "2018-01-01", null);
        link(admin, "LEGAL_REPRESENTATIVE", Map.of("personId", rep), y, null, null, "2024-01-01", null);
        link(admin, "OFFICER", Map.of("personId", gone), x, "DIRECTOR", null, "2019-01-01", "2023-06-01");
        link(admin, "OFFICER", Map.of("personId", late), x, "MANAGER", null, "2022-01-01", "2025-06-01");
        String listing = graphQl(officer("MS-430100")).document("""
                        mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id type activeFrom } }""")
                .variable("in", Map.of("uscc", x, "type", "SERIOUS_VIOLATION_LIST", "issuingDepartmentId", "MS-430100",
                        "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", "测试", "listedAt", "2025-03-01T09:00:00+08:00"))
                .execute().path("recordCreditListing.id").entity(String.class).get();
        return new World(x, b, z, h, y, yBranch, rep, gone, late, listing);
    }

    String enterprise(HttpGraphQlTester admin, String name) {
        String uscc = newUscc();
        admin.document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", uscc, "name", name, "orgType", "COMPANY", "regionCode", "430102"))
                .execute().path("upsertEnterprise.uscc").entity(String.class).isEqualTo(uscc);
        return uscc;
    }

    String person(HttpGraphQlTester admin, String name) {
        return admin.document("mutation($in: PersonInput!) { upsertPerson(input: $in) { personId } }")
                .variable("in", Map.of("nationalId", "TEST-" + nextKey(), "name", name)).execute()
                .path("upsertPerson.personId").entity(String.class).get();
    }

    void link(HttpGraphQlTester admin, String type, Map<String, Object> from, String to, String role, Double share, String validFrom,
              String validTo) {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("type", type, "from", from, "toUscc", to, "validFrom", validFrom));
        if (role != null) {
            in.put("role", role);
        }
        if (share != null) {
            in.put("sharePct", share);
        }
        if (validTo != null) {
            in.put("validTo", validTo);
        }
        admin.document("mutation($in: LinkInput!) { upsertLink(input: $in) { type } }").variable("in", in).execute()
                .path("upsertLink.type").entity(String.class).isEqualTo(type);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> check(Map<String, Object> subject, String domain, String asOf) {
        return partner().document(CHECK).variable("s", subject).variable("d", domain).variable("at", asOf).execute()
                .path("restrictionCheck").entity(Map.class).get();
    }

    Map<String, Object> enterpriseCheck(String uscc, String domain, String asOf) {
        return check(Map.of("uscc", uscc), domain, asOf);
    }

    @SuppressWarnings("unchecked")
    static List<String> applied(Map<String, Object> answer, String list) {
        return ((List<Map<String, Object>>) answer.get(list)).stream()
                .map(r -> r.get("effect") + " " + r.get("measureId") + " " + r.get("reach")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> pathOf(Map<String, Object> answer, String list, int i) {
        Map<String, Object> path = (Map<String, Object>) ((List<Map<String, Object>>) answer.get(list)).get(i).get("path");
        return ((List<Map<String, Object>>) path.get("nodes")).stream().map(n -> (String) n.get("id")).toList();
    }

    /** Refused listings and sanctions name the fields of the operation's input, each refusal at once; nothing is recorded. */
    @Test
    void refusedListingsAndSanctionsNameTheInputsFields() {
        List<String> listing = fields(graphQl(officer("MS-430100")).document("""
                        mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }""")
                .variable("in", Map.of("uscc", "12345", "type", "SERIOUS_VIOLATION_LIST", "issuingDepartmentId", "MS-430100",
                        "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", " ")));
        assertThat(listing).containsExactlyInAnyOrder("INVALID_USCC input.uscc", "REQUIRED input.reason");
        assertThat(fields(graphQl(officer("MS-430100")).document("""
                        mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }""")
                .variable("in", Map.of("uscc", newUscc(), "type", "SERIOUS_VIOLATION_LIST", "issuingDepartmentId", "MS-430100",
                        "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", "测试")))).containsExactly("NOT_FOUND input.uscc");
        List<String> sanction = fields(graphQl(officer("MS-430100")).document("mutation($in: SanctionInput!) { recordSanction(input: $in) { id } }")
                .variable("in", Map.of("uscc", newUscc(), "issuingDepartmentId", "MS-430100", "decisionNo", "拒绝罚字〔2026〕1号",
                        "legalBasis", "《行政处罚法》", "reason", "测试", "penalties", List.of(), "fineAmount", "-5", "major", false)));
        assertThat(sanction).contains("REQUIRED input.penalties", "INVALID_VALUE input.fineAmount");
    }

    static List<String> fields(GraphQlTester.Request<?> request) {
        List<String> out = new ArrayList<>();
        request.execute().errors().satisfy(errors -> errors.forEach(e -> out.add(e.getExtensions().get("code") + " " + e.getExtensions().get("field"))));
        return out;
    }

    @Test
    void invariant1RemovedTriggerHasNoEffectFromItsRemovalAndFullEffectBefore() {
        World w = world();
        assertThat(enterpriseCheck(w.x(), "BIDDING_TENDERING", "2025-02-28T12:00:00+08:00").get("restricted")).isEqualTo(false);
        Map<String, Object> listed = enterpriseCheck(w.x(), "BIDDING_TENDERING", "2025-08-01T12:00:00+08:00");
        assertThat(listed.get("restricted")).isEqualTo(true);
        assertThat(applied(listed, "restrictions")).containsExactly("BAR SV-BID-SELF SELF");
        assertThat(pathOf(listed, "restrictions", 0)).containsExactly(w.x());

        graphQl(officer("MS-430100")).document("mutation { removeRestrictionTrigger(id: \"" + w.listing()
                        + "\", reason: \"信用修复\", removedAt: \"2026-01-10T00:00:00+08:00\") { removedAt history { kind } } }")
                .execute().path("removeRestrictionTrigger.history[*].kind").entityList(String.class).containsExactly("LISTED", "REMOVED");
        assertThat(enterpriseCheck(w.x(), "BIDDING_TENDERING", "2026-01-09T23:59:59+08:00").get("restricted")).isEqualTo(true);
        assertThat(enterpriseCheck(w.x(), "BIDDING_TENDERING", "2026-01-10T00:00:00+08:00").get("restricted")).isEqualTo(false);
        assertThat(enterpriseCheck(w.x(), "BIDDING_TENDERING", null).get("restricted")).isEqualTo(false);
        assertThat(enterpriseCheck(w.b(), "BIDDING_TENDERING", "2026-02-01T00:00:00+08:00").get("restricted")).isEqualTo(false);
    }

    @Test
    void invariant2LinksThatEndedBeforeTheTriggerDoNotCarryItAndThoseEndingAfterDo() {
        World w = world();
        String asOf = "2025-08-01T12:00:00+08:00";
        assertThat(check(Map.of("personId", w.gone()), "PRACTICE_AND_OFFICE_QUALIFICATIONS", asOf).get("restricted")).isEqualTo(false);
        Map<String, Object> late = check(Map.of("personId", w.late()), "PRACTICE_AND_OFFICE_QUALIFICATIONS", asOf);
        assertThat(applied(late, "restrictions")).containsExactly("RESTRICT SV-OFFICE-KP KEY_PERSONNEL");
        Map<String, Object> rep = check(Map.of("personId", w.rep()), "PRACTICE_AND_OFFICE_QUALIFICATIONS", asOf);
        assertThat(applied(rep, "restrictions")).containsExactly("BAR SV-OFFICE-LR LEGAL_REPRESENTATIVE");
        assertThat(pathOf(rep, "restrictions", 0)).containsExactly(w.rep(), w.x());
        // The measure's maximum duration (P3Y) bounds the expected end.
        @SuppressWarnings("unchecked")
        Map<String, Object> bar = ((List<Map<String, Object>>) rep.get("restrictions")).get(0);
        assertThat(java.time.OffsetDateTime.parse((String) bar.get("expectedEnd")).toInstant())
                .isEqualTo(java.time.Instant.parse("2028-03-01T01:00:00Z"));
    }

    @Test
    void everyReachFindsItsSubjectsAndNothingBeyondTheMeasuresReachAndHopsInvariant3() {
        World w = world();
        String asOf = "2025-08-01T12:00:00+08:00";
        Map<String, Object> branch = enterpriseCheck(w.b(), "BIDDING_TENDERING", asOf);
        assertThat(applied(branch, "restrictions")).containsExactly("RESTRICT SV-BID-BRANCH BRANCHES");
        assertThat(pathOf(branch, "restrictions", 0)).containsExactly(w.b(), w.x());
        // SV-BID-BRANCH reaches one hop: the branch of the branch is not reached.
        assertThat(enterpriseCheck(w.z(), "BIDDING_TENDERING", asOf).get("restricted")).isEqualTo(false);
        Map<String, Object> holder = enterpriseCheck(w.h(), "QUALIFICATION_REVIEW", asOf);
        assertThat(applied(holder, "restrictions")).containsExactly("RESTRICT SV-QUAL-CTRL CONTROLLING_SHAREHOLDERS");
        assertThat(applied(enterpriseCheck(w.h(), "BIDDING_TENDERING", asOf), "alerts")).containsExactly("ALERT SV-BID-CTRL CONTROLLING_SHAREHOLDERS");
        Map<String, Object> other = enterpriseCheck(w.y(), "BIDDING_TENDERING", asOf);
        assertThat(other.get("restricted")).isEqualTo(false);
        assertThat(applied(other, "alerts")).containsExactly("ALERT SV-BID-EOP ENTERPRISES_OF_PERSON");
        assertThat(pathOf(other, "alerts", 0)).containsExactly(w.y(), w.rep(), w.x());
        // Not transitive: Y is reached, not listed, so nothing flows on from Y to its branch.
        Map<String, Object> yBranch = enterpriseCheck(w.yBranch(), "BIDDING_TENDERING", asOf);
        assertThat(applied(yBranch, "restrictions")).isEmpty();
        assertThat(applied(yBranch, "alerts")).isEmpty();
        // A domain with no measure for the reach: the branch is not restricted in honours.
        assertThat(enterpriseCheck(w.b(), "HONOURS", asOf).get("restricted")).isEqualTo(false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invariant4EveryPathExistsInTheGraphAtAsOf() {
        World w = world();
        String asOf = "2025-08-01T12:00:00+08:00";
        List<Map<String, Object>> all = new ArrayList<>();
        for (String uscc : List.of(w.b(), w.h(), w.y())) {
            Map<String, Object> a = enterpriseCheck(uscc, "BIDDING_TENDERING", asOf);
            all.addAll((List<Map<String, Object>>) a.get("restrictions"));
            all.addAll((List<Map<String, Object>>) a.get("alerts"));
        }
        all.addAll((List<Map<String, Object>>) check(Map.of("personId", w.late()), "PRACTICE_AND_OFFICE_QUALIFICATIONS", asOf).get("restrictions"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(4);
        for (Map<String, Object> r : all) {
            Map<String, Object> path = (Map<String, Object>) r.get("path");
            List<Map<String, Object>> rels = (List<Map<String, Object>>) path.get("relationships");
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) path.get("nodes");
            assertThat(nodes.get(nodes.size() - 1).get("id")).isEqualTo(((Map<String, Object>) r.get("trigger")).get("uscc"));
            for (Map<String, Object> rel : rels) {
                String type = Map.of("BRANCH", "BRANCH_OF", "SHAREHOLDER", "SHAREHOLDER_OF", "LEGAL_REPRESENTATIVE", "LEGAL_REPRESENTATIVE_OF",
                        "OFFICER", "OFFICER_OF").get((String) rel.get("type"));
                long n = driver.executableQuery("MATCH (a)-[r:" + type + "]->(b:Enterprise {uscc: $to}) WHERE coalesce(a.uscc, a.personId) = $from"
                                + " AND r.validFrom = date($validFrom) AND r.validFrom <= date($asOf) RETURN count(r) AS n")
                        .withParameters(Map.of("from", rel.get("from"), "to", rel.get("to"), "validFrom", rel.get("validFrom"),
                                "asOf", "2025-08-01")).execute().records().get(0).get("n").asLong();
                assertThat(n).as("relationship %s in the graph at asOf", rel).isEqualTo(1);
            }
        }
    }

    @Test
    void invariant5SameQuestionSameAnswerAndDigestAndEachCheckLeavesAReceipt() {
        World w = world();
        String asOf = "2025-08-01T12:00:00+08:00";
        Map<String, Object> first = enterpriseCheck(w.b(), "GOVERNMENT_PROCUREMENT", asOf);
        Map<String, Object> second = enterpriseCheck(w.b(), "GOVERNMENT_PROCUREMENT", asOf);
        assertThat(second.get("digest")).isEqualTo(first.get("digest"));
        assertThat(second.get("restrictions")).isEqualTo(first.get("restrictions"));
        assertThat(second.get("receiptId")).isNotEqualTo(first.get("receiptId"));
        // Another asOf is another question.
        assertThat(enterpriseCheck(w.b(), "GOVERNMENT_PROCUREMENT", "2025-08-02T12:00:00+08:00").get("digest")).isNotEqualTo(first.get("digest"));

        String receipt = (String) first.get("receiptId");
        partner().document("mutation { recordRestrictionDecision(receiptId: \"" + receipt
                        + "\", decision: APPLIED, reference: \"ZFCG-2026-001\") { id } }").execute()
                .path("recordRestrictionDecision.id").entity(String.class).isEqualTo(receipt);
        var fetched = partner().document("{ restrictionReceipt(id: \"" + receipt + "\") { purpose domain restricted digest"
                + " answer { digest restricted receiptId restrictions { measureId } } decisions { decision reference actor } } }").execute();
        fetched.path("restrictionReceipt.purpose").entity(String.class).isEqualTo("test approval 2026-001");
        fetched.path("restrictionReceipt.digest").entity(String.class).isEqualTo((String) first.get("digest"));
        fetched.path("restrictionReceipt.answer.digest").entity(String.class).isEqualTo((String) first.get("digest"));
        fetched.path("restrictionReceipt.answer.restrictions[*].measureId").entityList(String.class).contains("SV-GP-BRANCH");
        fetched.path("restrictionReceipt.decisions[0].decision").entity(String.class).isEqualTo("APPLIED");
        // The stored answer is in canonical form: reading and writing it again changes nothing.
        String stored = driver.executableQuery("MATCH (r:CheckReceipt {id: $id}) RETURN r.answer AS a").withParameters(Map.of("id", receipt))
                .execute().records().get(0).get("a").asString();
        assertThat(RestrictionChecker.CANONICAL.writeValueAsString(RestrictionChecker.CANONICAL.readValue(stored, RestrictionViews.Stored.class)))
                .isEqualTo(stored);
        // Another department's officer does not see it.
        graphQl(officer("HRSS-430100")).document("{ restrictionReceipt(id: \"" + receipt + "\") { id } }").execute()
                .path("restrictionReceipt").valueIsNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchAnswersEachRequestIndependentlyInOrderAndRejectsABadOneWithoutRecordingAnything() {
        World w = world();
        String asOf = "2025-08-01T12:00:00+08:00";
        List<Map<String, Object>> requests = List.of(
                Map.of("subject", Map.of("uscc", w.y()), "domain", "BIDDING_TENDERING", "purpose", "tender 1", "asOf", asOf),
                Map.of("subject", Map.of("personId", w.rep()), "domain", "NEW_COMPANY_REGISTRATION", "purpose", "new company", "asOf", asOf),
                Map.of("subject", Map.of("uscc", newUscc()), "domain", "HONOURS", "purpose", "honour", "asOf", asOf),
                Map.of("subject", Map.of("uscc", w.x()), "domain", "BIDDING_TENDERING", "purpose", "tender 2", "asOf", "2024-01-01T00:00:00Z"));
        String doc = ANSWER + "query($r: [RestrictionCheckInput!]!) { restrictionChecks(requests: $r) { ...A } }";
        List<Map<String, Object>> answers = partner().document(doc).variable("r", requests).execute()
                .path("restrictionChecks").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(answers).extracting(a -> ((Map<String, Object>) a.get("subject")).get("id"))
                .containsExactly(w.y(), w.rep(), ((Map<String, Object>) requests.get(2).get("subject")).get("uscc"), w.x());
        assertThat(applied(answers.get(0), "alerts")).containsExactly("ALERT SV-BID-EOP ENTERPRISES_OF_PERSON");
        assertThat(applied(answers.get(1), "restrictions")).containsExactly("RESTRICT SV-NEWCO-LR LEGAL_REPRESENTATIVE");
        assertThat(((Map<String, Object>) answers.get(2).get("subject")).get("known")).isEqualTo(false);
        assertThat(answers.get(3).get("restricted")).isEqualTo(false);
        assertThat(answers).extracting(a -> a.get("receiptId")).doesNotHaveDuplicates().doesNotContainNull();
        // Each answer equals the same question asked alone.
        assertThat(answers.get(0).get("digest")).isEqualTo(enterpriseCheck(w.y(), "BIDDING_TENDERING", asOf).get("digest"));

        long before = receiptCount();
        partner().document(doc).variable("r", List.of(requests.get(0),
                        Map.of("subject", Map.of("uscc", w.x(), "personId", w.rep()), "domain", "HONOURS", "purpose", "x")))
                .execute().errors().satisfy(errors -> assertThat(errors).anySatisfy(e -> {
                    assertThat(e.getExtensions().get("field")).isEqualTo("requests[1].subject");
                    assertThat(e.getExtensions().get("code")).isEqualTo("INVALID_VALUE");
                }));
        assertThat(receiptCount()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLongBatchReadInPartsAnswersEveryQuestionAsAskedAloneInOrderWithAReceiptEach() {
        World w = world();
        String asOf = "2025-08-01T12:00:00+08:00";
        List<Map<String, Object>> four = List.of(
                Map.of("subject", Map.of("uscc", w.y()), "domain", "BIDDING_TENDERING", "purpose", "tender", "asOf", asOf),
                Map.of("subject", Map.of("personId", w.rep()), "domain", "NEW_COMPANY_REGISTRATION", "purpose", "new company", "asOf", asOf),
                Map.of("subject", Map.of("uscc", w.x()), "domain", "BIDDING_TENDERING", "purpose", "tender", "asOf", "2024-01-01T00:00:00Z"),
                Map.of("subject", Map.of("uscc", w.b()), "domain", "SAFETY_PERMITS", "purpose", "permit", "asOf", asOf));
        // More than two parts' worth of questions (RestrictionChecker.PART_MIN each), the four repeated in turn.
        int n = 2 * RestrictionChecker.PART_MIN + 101;
        List<Map<String, Object>> requests = java.util.stream.IntStream.range(0, n).mapToObj(i -> four.get(i % 4)).toList();
        long before = receiptCount();
        String doc = "query($r: [RestrictionCheckInput!]!) { restrictionChecks(requests: $r) { subject { id } restricted digest receiptId } }";
        List<Map<String, Object>> answers = partner().document(doc).variable("r", requests).execute()
                .path("restrictionChecks").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(answers).hasSize(n);
        List<Object> alone = four.stream().map(q -> (Object) partner().document(doc).variable("r", List.of(q)).execute()
                .path("restrictionChecks[0].digest").entity(String.class).get()).toList();
        for (int i = 0; i < n; i++) {
            assertThat(answers.get(i).get("digest")).as("answer %d", i).isEqualTo(alone.get(i % 4));
            assertThat(((Map<String, Object>) answers.get(i).get("subject")).get("id")).as("answer %d", i)
                    .isEqualTo(((Map<String, Object>) four.get(i % 4).get("subject")).values().iterator().next());
        }
        assertThat(answers.get(0).get("restricted")).isNotEqualTo(answers.get(1).get("restricted"));
        assertThat(answers).extracting(a -> a.get("receiptId")).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(receiptCount()).isEqualTo(before + n + 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void measureChangesAreVersionedAndAnswersAsOfEarlierMomentsKeepTheVersionInForceThen() {
        World w = world();
        String id = "TEST-SAFE-" + nextKey();
        String upsert = "mutation($in: RestrictionMeasureInput!) { upsertRestrictionMeasure(input: $in, reason: \"review\") { id version effect inForceFrom } }";
        Map<String, Object> input = new LinkedHashMap<>(Map.of("id", id, "triggerType", "SERIOUS_VIOLATION_LIST", "domain", "SAFETY_PERMITS",
                "effect", "ALERT", "reach", "BRANCHES", "legalBasis", "测试依据", "validFrom", "2014-10-01"));
        String v1 = graphQl(admin()).document(upsert).variable("in", input).execute().path("upsertRestrictionMeasure.inForceFrom").entity(String.class).get();
        // Versions are stamped by the hub's clock: moving it on keeps them 20 ms apart without waiting.
        clock.advance(java.time.Duration.ofMillis(20));
        Map<String, Object> alert = enterpriseCheck(w.b(), "SAFETY_PERMITS", null);
        assertThat(applied(alert, "alerts")).contains("ALERT " + id + " BRANCHES");
        input.put("effect", "BAR");
        graphQl(admin()).document(upsert).variable("in", input).execute().path("upsertRestrictionMeasure.version").entity(Integer.class).isEqualTo(2);
        clock.advance(java.time.Duration.ofMillis(20));
        assertThat(applied(enterpriseCheck(w.b(), "SAFETY_PERMITS", null), "restrictions")).contains("BAR " + id + " BRANCHES");
        // Between the two versions, version 1 applied.
        String between = java.time.OffsetDateTime.parse(v1).plusNanos(5_000_000).toString();
        Map<String, Object> then = enterpriseCheck(w.b(), "SAFETY_PERMITS", between);
        assertThat(applied(then, "alerts")).contains("ALERT " + id + " BRANCHES");
        graphQl().document("{ restrictionMeasure(id: \"" + id + "\") { version history { version effect } } }").execute()
                .path("restrictionMeasure.history[*].effect").entityList(String.class).containsExactly("ALERT", "BAR");

        // A reach that does not chain cannot have hops; refused with the field named, nothing stored.
        input.put("reach", "SELF");
        input.put("maxHops", 2);
        graphQl(admin()).document(upsert).variable("in", input).execute().errors().satisfy(errors ->
                assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("field")).isEqualTo("input.maxHops")));
        graphQl().document("{ restrictionMeasure(id: \"" + id + "\") { version } }").execute()
                .path("restrictionMeasure.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void catalogueCoversAllThirteenDomainsAndTheProfileAnswersEachOne() {
        List<String> domains = graphQl().document("{ restrictionMeasures { domain } }").execute()
                .path("restrictionMeasures[*].domain").entityList(String.class).get();
        assertThat(domains.stream().distinct().count()).isEqualTo(13);
        World w = world();
        Map<String, Object> profile = partner().document("""
                        query($u: ID!) { restrictionProfile(subject: {uscc: $u}, purpose: "profile", asOf: "2025-08-01T12:00:00+08:00") {
                          restricted answers { domain restricted receiptId } } }""").variable("u", w.x()).execute()
                .path("restrictionProfile").entity(Map.class).get();
        List<Map<String, Object>> answers = (List<Map<String, Object>>) profile.get("answers");
        assertThat(answers).hasSize(13);
        assertThat(profile.get("restricted")).isEqualTo(true);
        assertThat(answers.stream().filter(a -> Boolean.TRUE.equals(a.get("restricted"))).map(a -> a.get("domain")))
                .contains("BIDDING_TENDERING", "GOVERNMENT_PROCUREMENT", "HONOURS").doesNotContain("ENTRY_EXIT");
    }

    static final String CHANGES = ANSWER + """
            subscription($s: [SubjectInput!]!, $d: [RestrictionDomain!]) {
              restrictionChanges(subjects: $s, domains: $d, purpose: "watch bidders 2026", includeCurrent: true) {
                causes triggerIds measureIds wasRestricted previousDigest answer { ...A } } }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void subscribersAreToldOfAListingAndItsRemovalOnEverySubjectItReachesAndOfNothingElse() throws InterruptedException {
        HttpGraphQlTester admin = graphQl(admin());
        String x = enterprise(admin, "订阅测试公司");
        String b = enterprise(admin, "订阅测试分公司");
        String unrelated = enterprise(admin, "无关公司");
        link(admin, "BRANCH", Map.of("uscc", b), x, null, null, "2020-01-01", null);
        BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Disposable subscription = webSocket(token(as(Role.PARTNER, "PARTNER-BIDDING-430000"))).document(CHANGES)
                .variable("s", List.of(Map.of("uscc", x), Map.of("uscc", b), Map.of("uscc", unrelated)))
                .variable("d", List.of("BIDDING_TENDERING")).executeSubscription().toFlux()
                .subscribe(r -> events.add(r.path("restrictionChanges").entity(Map.class).get()), failed::set);
        try {
            List<Map<String, Object>> current = take(events, 3, failed);
            assertThat(current).extracting(RestrictionApiTest::subjectOf).containsExactly(x, b, unrelated);
            assertThat(current).allSatisfy(e -> {
                assertThat(e.get("causes")).isEqualTo(List.of("CURRENT"));
                assertThat(e.get("wasRestricted")).isNull();
                assertThat(answerOf(e).get("restricted")).isEqualTo(false);
            });

            String listing = graphQl(officer("MS-430100")).document("""
                            mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }""")
                    .variable("in", Map.of("uscc", x, "type", "SERIOUS_VIOLATION_LIST", "issuingDepartmentId", "MS-430100",
                            "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", "订阅测试",
                            "listedAt", clock.now().minusHours(1).toString()))
                    .execute().path("recordCreditListing.id").entity(String.class).get();
            List<Map<String, Object>> listed = take(events, 2, failed);
            assertThat(listed).extracting(RestrictionApiTest::subjectOf).containsExactly(x, b);
            assertThat(listed).allSatisfy(e -> {
                assertThat(e.get("causes")).isEqualTo(List.of("LISTED"));
                assertThat((List<String>) e.get("triggerIds")).contains(listing);
                assertThat(e.get("wasRestricted")).isEqualTo(false);
                assertThat(answerOf(e).get("restricted")).isEqualTo(true);
            });
            assertThat(applied(answerOf(listed.get(0)), "restrictions")).containsExactly("BAR SV-BID-SELF SELF");
            assertThat(applied(answerOf(listed.get(1)), "restrictions")).containsExactly("RESTRICT SV-BID-BRANCH BRANCHES");
            // The event's answer is the check's answer at that moment, and it left a receipt under the subscription's purpose.
            String receipt = (String) answerOf(listed.get(1)).get("receiptId");
            partner().document("{ restrictionReceipt(id: \"" + receipt + "\") { purpose restricted digest } }").execute()
                    .path("restrictionReceipt.purpose").entity(String.class).isEqualTo("watch bidders 2026")
                    .path("restrictionReceipt.digest").entity(String.class).isEqualTo((String) answerOf(listed.get(1)).get("digest"));

            graphQl(officer("MS-430100")).document("mutation { removeRestrictionTrigger(id: \"" + listing
                    + "\", reason: \"信用修复\") { id } }").execute().path("removeRestrictionTrigger.id").entity(String.class).isEqualTo(listing);
            List<Map<String, Object>> removed = take(events, 2, failed);
            assertThat(removed).extracting(RestrictionApiTest::subjectOf).containsExactly(x, b);
            for (int i = 0; i < 2; i++) {
                Map<String, Object> e = removed.get(i);
                assertThat(e.get("causes")).isEqualTo(List.of("REMOVED"));
                assertThat(e.get("wasRestricted")).isEqualTo(true);
                assertThat(e.get("previousDigest")).isEqualTo(answerOf(listed.get(i)).get("digest"));
                assertThat(answerOf(e).get("restricted")).isEqualTo(false);
            }
            // The unrelated enterprise's answer never changed: no event for it, then or later.
            assertThat(events.poll(3, TimeUnit.SECONDS)).isNull();
            assertThat(failed.get()).isNull();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void subscriptionsNeedAValidTokenOfAPermittedRoleAndAValidRequest() {
        String doc = "subscription($s: [SubjectInput!]!) { restrictionChanges(subjects: $s, purpose: \"watch\") { causes } }";
        List<Map<String, String>> one = List.of(Map.of("uscc", newUscc()));
        assertThat(subscriptionErrors(webSocket(null), doc, one)).containsExactly("UNAUTHENTICATED Subscription.restrictionChanges");
        assertThat(subscriptionErrors(webSocket(token(analyst())), doc, one)).containsExactly("FORBIDDEN Subscription.restrictionChanges");
        // 13 domains x 77 subjects = 1,001 pairs: over the limit of one subscription.
        List<Map<String, String>> many = java.util.stream.IntStream.range(0, 77).mapToObj(i -> Map.of("uscc", newUscc())).toList();
        String partner = token(as(Role.PARTNER, "PARTNER-BIDDING-430000"));
        assertThat(subscriptionErrors(webSocket(partner), doc, many)).containsExactly("INVALID_VALUE subjects");
        assertThat(subscriptionErrors(webSocket(partner), doc, List.of(Map.of("uscc", "not-a-uscc"))))
                .containsExactly("INVALID_USCC subjects[0].uscc");
        // A token that does not verify closes the connection before any operation runs.
        assertThatThrownBy(() -> webSocket(partner + "x").document(doc).variable("s", one).executeSubscription().toFlux()
                .blockFirst(Duration.ofSeconds(20))).hasMessageContaining("4401");
    }

    static List<String> subscriptionErrors(WebSocketGraphQlTester tester, String doc, List<Map<String, String>> subjects) {
        List<ResponseError> errors = new ArrayList<>();
        try {
            GraphQlTester.Response first = tester.document(doc).variable("s", subjects).executeSubscription().toFlux()
                    .blockFirst(Duration.ofSeconds(20));
            if (first != null) {
                first.errors().satisfy(errors::addAll);
            }
        } catch (SubscriptionErrorException e) {
            errors.addAll(e.getErrors());
        }
        assertThat(errors).as("errors of a refused subscription").isNotEmpty();
        return errors.stream().map(err -> err.getExtensions().get("code") + " " + err.getExtensions().get("field")).toList();
    }

    static List<Map<String, Object>> take(BlockingQueue<Map<String, Object>> events, int n, AtomicReference<Throwable> failed)
            throws InterruptedException {
        List<Map<String, Object>> out = new ArrayList<>();
        while (out.size() < n) {
            Map<String, Object> e = events.poll(20, TimeUnit.SECONDS);
            assertThat(e).as("event %d of %d (stream failure: %s)", out.size() + 1, n, failed.get()).isNotNull();
            out.add(e);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> answerOf(Map<String, Object> event) {
        return (Map<String, Object>) event.get("answer");
    }

    @SuppressWarnings("unchecked")
    static Object subjectOf(Map<String, Object> event) {
        return ((Map<String, Object>) answerOf(event).get("subject")).get("id");
    }

    long receiptCount() {
        return driver.executableQuery("MATCH (r:CheckReceipt) RETURN count(r) AS n").execute().records().get(0).get("n").asLong();
    }
}
