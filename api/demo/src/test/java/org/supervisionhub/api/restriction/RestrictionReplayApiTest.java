package org.supervisionhub.api.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.restriction.RestrictionChecker.Evaluated;
import org.supervisionhub.graph.restriction.ReceiptRepository;
import org.supervisionhub.graph.restriction.Restrictions.Receipt;

/**
 * Answers that replay (restriction-propagation.md invariant 5, OVER-05/OVER-08 accountability): a check asked again with
 * a receipt's {@code asOf} and knowledge time {@code knownAt} gives the receipt's digest byte for byte, whatever was
 * recorded since: a credit repair, a link's end, a new legal representative, a new listing or sanction. The last class of
 * the suite (junit-platform.properties), so that it replays every receipt the suite made.
 */
@Order(Integer.MAX_VALUE)
class RestrictionReplayApiTest extends HubIntegrationTest {

    static final String CHECK = """
            query($s: SubjectInput!, $d: RestrictionDomain!, $at: DateTime, $k: DateTime) {
              restrictionCheck(subject: $s, domain: $d, purpose: "replay 2026-009", asOf: $at, knownAt: $k) {
                restricted digest receiptId restrictions { measureId expectedEnd trigger { id } } } }
            """;
    static final String PROFILE = """
            query($s: SubjectInput!) { restrictionProfile(subject: $s, purpose: "replay profile 2026-010") { answers { receiptId digest } } }
            """;
    static final String RECEIPT = "query($id: ID!) { restrictionReceipt(id: $id) { asOf knownAt checkedAt digest } }";
    static final String LISTING = "mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }";
    static final String REMOVE = "mutation($id: ID!) { removeRestrictionTrigger(id: $id, reason: \"信用修复\") { removedAt } }";

    @Autowired
    ReceiptRepository receipts;

    @Autowired
    RestrictionChecker checker;

    HttpGraphQlTester partner() {
        return graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000"));
    }

    HttpGraphQlTester asAdmin() {
        return graphQl(HubIntegrationTest.admin());
    }

    String enterprise(String name) {
        String uscc = newUscc();
        asAdmin().document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                .variable("in", Map.of("uscc", uscc, "name", name, "orgType", "COMPANY", "regionCode", "430102"))
                .execute().path("upsertEnterprise.uscc").entity(String.class).isEqualTo(uscc);
        return uscc;
    }

    String person(String name) {
        return asAdmin().document("mutation($in: PersonInput!) { upsertPerson(input: $in) { personId } }")
                .variable("in", Map.of("nationalId", "REPLAY-" + nextKey(), "name", name)).execute()
                .path("upsertPerson.personId").entity(String.class).get();
    }

    void link(String type, Map<String, Object> from, String to, String role, String validFrom) {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("type", type, "from", from, "toUscc", to, "validFrom", validFrom));
        if (role != null) {
            in.put("role", role);
        }
        asAdmin().document("mutation($in: LinkInput!) { upsertLink(input: $in) { type } }").variable("in", in).execute()
                .path("upsertLink.type").entity(String.class).isEqualTo(type);
    }

    void endLink(String type, Map<String, Object> from, String to, String validFrom, String validTo) {
        asAdmin().document("mutation($in: EndLinkInput!) { endLink(input: $in) { validTo } }")
                .variable("in", Map.of("type", type, "from", from, "toUscc", to, "validFrom", validFrom, "validTo", validTo)).execute()
                .path("endLink.validTo").entity(String.class).isEqualTo(validTo);
    }

    String list(String uscc, String listedAt) {
        return graphQl(officer("MS-430100")).document(LISTING).variable("in", Map.of("uscc", uscc, "type", "SERIOUS_VIOLATION_LIST",
                        "issuingDepartmentId", "MS-430100", "legalBasis", "《市场监督管理严重违法失信名单管理办法》", "reason", "重放测试",
                        "listedAt", listedAt))
                .execute().path("recordCreditListing.id").entity(String.class).get();
    }

    void repair(String triggerId) {
        graphQl(officer("MS-430100")).document(REMOVE).variable("id", triggerId).execute().path("removeRestrictionTrigger.removedAt").hasValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> check(Map<String, Object> subject, String domain, Object asOf, Object knownAt) {
        return partner().document(CHECK).variable("s", subject).variable("d", domain).variable("at", asOf).variable("k", knownAt).execute()
                .path("restrictionCheck").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> receipt(Object id) {
        return partner().document(RECEIPT).variable("id", id).execute().path("restrictionReceipt").entity(Map.class).get();
    }

    @Test
    void afterACreditRepairTheFirstAnswerIsReproducedKnowingWhatWasRecordedThenAndTheRepairedOneKnowingNowInvariant5() {
        String x = enterprise("信用修复前被查询的公司");
        String listing = list(x, "2025-03-01T09:00:00+08:00");
        Map<String, Object> first = check(Map.of("uscc", x), "BIDDING_TENDERING", null, null);
        assertThat(first.get("restricted")).isEqualTo(true);
        Map<String, Object> r = receipt(first.get("receiptId"));
        assertThat(r.get("knownAt")).as("asked at now, knowing now").isEqualTo(r.get("asOf"));

        repair(listing);

        // As of the first moment, knowing what was recorded then: the receipt's answer, byte for byte.
        Map<String, Object> replayed = check(Map.of("uscc", x), "BIDDING_TENDERING", r.get("asOf"), r.get("knownAt"));
        assertThat(replayed.get("digest")).isEqualTo(first.get("digest")).isEqualTo(r.get("digest"));
        assertThat(replayed.get("restrictions")).isEqualTo(first.get("restrictions"));
        // As of the first moment, knowing now: still restricted then, but the answer shows the repair recorded since.
        Map<String, Object> knowingNow = check(Map.of("uscc", x), "BIDDING_TENDERING", r.get("asOf"), null);
        assertThat(knowingNow.get("restricted")).isEqualTo(true);
        assertThat(knowingNow.get("digest")).isNotEqualTo(first.get("digest"));
        @SuppressWarnings("unchecked")
        Map<String, Object> bar = ((List<Map<String, Object>>) knowingNow.get("restrictions")).get(0);
        assertThat(bar.get("expectedEnd")).isNotNull();
        // Now: repaired.
        assertThat(check(Map.of("uscc", x), "BIDDING_TENDERING", null, null).get("restricted")).isEqualTo(false);
        // Knowledge time is not in the future.
        List<Object> codes = new ArrayList<>();
        partner().document(CHECK).variable("s", Map.of("uscc", x)).variable("d", "BIDDING_TENDERING").variable("at", null)
                .variable("k", clock.now().plusDays(1).toString()).execute().errors()
                .satisfy(errors -> errors.forEach(e -> codes.add(e.getExtensions().get("code") + " " + e.getExtensions().get("field"))));
        assertThat(codes).containsExactly("INVALID_VALUE knownAt");
    }

    /**
     * Makes a rich set of receipts (listing, checks along branches, representatives and key personnel, a link's end, a new
     * representative, a sanction, a credit repair, checks in between), then replays EVERY receipt in the graph, this
     * class's and those other tests of the shared context left, and finds each one's digest again.
     */
    @Test
    void everyReceiptInTheGraphReplaysToItsDigestAskedWithItsAsOfAndKnownAtInvariant5() {
        String x = enterprise("重放：被列入名单的公司");
        String b = enterprise("重放：分公司");
        String y = enterprise("重放：法定代表人的另一家公司");
        String rep = person("重放：法定代表人");
        String next = person("重放：新任法定代表人");
        String manager = person("重放：经理");
        link("BRANCH", Map.of("uscc", b), x, null, "2020-01-01");
        link("LEGAL_REPRESENTATIVE", Map.of("personId", rep), x, null, "2018-01-01");
        link("LEGAL_REPRESENTATIVE", Map.of("personId", rep), y, null, "2024-01-01");
        link("OFFICER", Map.of("personId", manager), x, "MANAGER", "2022-01-01");
        List<Map<String, Object>> subjects = List.of(Map.of("uscc", x), Map.of("uscc", b), Map.of("uscc", y), Map.of("personId", rep),
                Map.of("personId", manager), Map.of("personId", next));
        List<Map<String, Object>> mine = new ArrayList<>();
        Runnable checkAll = () -> subjects.forEach(s -> {
            mine.add(check(s, "BIDDING_TENDERING", null, null));
            mine.add(check(s, "PRACTICE_AND_OFFICE_QUALIFICATIONS", "2025-08-01T12:00:00+08:00", null));
        });
        checkAll.run();
        String listing = list(x, "2025-03-01T09:00:00+08:00");
        checkAll.run();
        endLink("BRANCH", Map.of("uscc", b), x, "2020-01-01", "2025-06-01");
        endLink("OFFICER", Map.of("personId", manager), x, "2022-01-01", "2025-07-01");
        checkAll.run();
        link("LEGAL_REPRESENTATIVE", Map.of("personId", next), x, null, "2025-05-01");
        checkAll.run();
        graphQl(officer("MS-430100")).document("mutation($in: SanctionInput!) { recordSanction(input: $in) { id } }")
                .variable("in", Map.of("uscc", y, "issuingDepartmentId", "MS-430100", "decisionNo", "重放罚字〔2026〕1号",
                        "legalBasis", "《行政处罚法》", "reason", "重放测试", "penalties", List.of("FINE"), "fineAmount", "2000000",
                        "major", true))
                .execute().path("recordSanction.id").hasValue();
        partner().document(PROFILE).variable("s", Map.of("uscc", y)).execute().path("restrictionProfile.answers").hasValue();
        checkAll.run();
        repair(listing);
        checkAll.run();
        assertThat(mine).anySatisfy(a -> assertThat(a.get("restricted")).isEqualTo(true));

        // This class's receipts through the API: asked with the receipt's asOf and knownAt, the same digest.
        for (Map<String, Object> answer : mine) {
            Map<String, Object> r = receipt(answer.get("receiptId"));
            Receipt stored = receipts.byId(List.of((String) answer.get("receiptId"))).get(answer.get("receiptId"));
            Map<String, Object> subject = "ENTERPRISE".equals(stored.subjectKind()) ? Map.of("uscc", stored.subjectId())
                    : Map.of("personId", stored.subjectId());
            assertThat(check(subject, stored.domain().name(), r.get("asOf"), r.get("knownAt")).get("digest"))
                    .as("replay of " + answer.get("receiptId")).isEqualTo(answer.get("digest"));
        }

        // Every receipt in the graph (other test classes' too, and those replays): evaluated again, nothing recorded.
        List<String> mismatches = new ArrayList<>();
        int total = 0;
        for (int skip = 0; ; skip += 500) {
            List<Receipt> page = receipts.all(skip, 500);
            for (Receipt r : page) {
                Evaluated again = checker.replay(r);
                if (!again.digest().equals(r.digest())) {
                    mismatches.add(r.id() + " " + r.subjectKind() + " " + r.subjectId() + " " + r.domain() + " asOf " + r.asOf()
                            + " knownAt " + r.knownAt() + " checkedAt " + r.checkedAt());
                }
            }
            total += page.size();
            if (page.size() < 500) {
                break;
            }
        }
        assertThat(total).isGreaterThanOrEqualTo(mine.size() * 2);
        assertThat(mismatches).as("receipts whose replay differs").isEmpty();
        assertThat(OffsetDateTime.parse((String) receipt(mine.get(0).get("receiptId")).get("knownAt"))).isNotNull();
    }
}
