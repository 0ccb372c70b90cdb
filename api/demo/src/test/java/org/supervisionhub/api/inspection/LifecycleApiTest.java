package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.api.inspection.InspectionFixtures.error;
import static org.supervisionhub.api.inspection.InspectionFixtures.input;
import static org.supervisionhub.api.inspection.InspectionFixtures.ok;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.DemoIssuer;
import org.supervisionhub.api.demo.SamplingDemo;
import org.supervisionhub.api.access.Role;

/**
 * After approval, through the GraphQL API on the real graph: feedback and objections under each jurisdiction's rules
 * (PUB-08, PUB-09, OBJ-01, OBJ-02, PUB-12), cases, penalty decisions and referrals (FOLLOW-06..10, PUB-06), serious
 * non-cooperation (NONCOOP-*), archives (ARCH-*) and the overdue list. Departments of Tianjin (12), Suixian (411422) and
 * Qingdao (3702) are added to the graph so each jurisdiction's profile governs one.
 */
class LifecycleApiTest extends HubIntegrationTest {

    static final String RESULT = "id status category publishBy publicUntil correctedAt feedback { channel givenOn givenBy }"
            + " amendments { field before after reason handler approver }";
    static final String PROPOSE = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { id } }";

    /** Today on the hub's (test) clock. */
    LocalDate today() {
        return clock.today();
    }

    @Autowired
    Driver driver;

    /** Departments this class adds ({@link #department}): they govern no enterprise, so nothing can be drawn for them. */
    final java.util.Set<String> added = new java.util.HashSet<>();

    /** An HR&SS county department in {@code regionCode}, under a region that is its own top. */
    void department(String id, String regionCode) {
        added.add(id);
        driver.executableQuery("""
                MERGE (top:Region {code: $top}) ON CREATE SET top.name = $top, top.level = 'PROVINCE'
                MERGE (r:Region {code: $code}) ON CREATE SET r.name = $code, r.level = 'COUNTY'
                MERGE (r)-[:PART_OF]->(top)
                MERGE (d:Department {id: $id}) ON CREATE SET d.name = $id, d.sector = 'HR_SOCIAL_SECURITY', d.level = 'COUNTY'
                MERGE (d)-[:GOVERNS]->(r)""").withParameters(Map.of("id", id, "code", regionCode, "top", regionCode.substring(0, 2) + "0000")).execute();
    }

    /**
     * An inspection of {@code department} under a task whose window ends on {@code windowEnd}: drawn through the API; for
     * a department this class added (another jurisdiction, no enterprises of its own), a copy written with Cypher.
     */
    String inspection(String department, LocalDate windowEnd) {
        return added.contains(department) ? InspectionFixtures.copiedInto(driver, department, windowEnd)
                : InspectionFixtures.inspection(this::graphQl, clock, driver, department, windowEnd);
    }

    /** The task an inspection was drawn for. */
    String taskOf(String inspectionId) {
        return driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.taskId AS t").withParameters(Map.of("id", inspectionId)).execute()
                .records().get(0).get("t").asString();
    }

    /** The end of the current year: a window open today that lies in one plan year (PLAN-17). */
    LocalDate yearEnd() {
        return today().withMonth(12).withDayOfMonth(31);
    }

    /** The result of a new inspection of {@code department}, proposed and approved by it. */
    String approved(String department, String category, LocalDate endedOn, LocalDate deadline) {
        String inspectionId = inspection(department, added.contains(department) ? today().plusDays(30) : yearEnd());
        String id = (String) ok(graphQl(officer(department)), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, category, endedOn.toString(), deadline == null ? null : deadline.toString(), null))).get("id");
        ok(graphQl(leader(department)), "mutation { approveInspectionResult(id: \"" + id + "\") { id } }", "approveInspectionResult", Map.of());
        return id;
    }

    Map<String, Object> result(String id, DemoIssuer.Subject who) {
        String inspectionId = id.substring("RES-".length());
        return ok(graphQl(who), "{ inspectionResult(inspectionId: \"" + inspectionId + "\") { " + RESULT + " } }", "inspectionResult", Map.of());
    }

    static String call(String mutation, String args, String selection) {
        return "mutation { " + mutation + "(" + args + ") { " + selection + " } }";
    }

    static DemoIssuer.Subject secondLeader(String department) {
        return new DemoIssuer.Subject("leader2@" + department, List.of(Role.LEADER), department, null, null);
    }

    /** Uploads a file and records it as evidence of the inspection; its id. */
    @SuppressWarnings("unchecked")
    String evidence(String department, String inspectionId) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(("拒绝进入现场的视频 " + nextKey()).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "现场视频.txt";
            }
        }).contentType(MediaType.TEXT_PLAIN);
        Map<String, Object> stored = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token(officer(department))).build().post().uri("/evidence/files")
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body.build()).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        Map<String, Object> in = new LinkedHashMap<>(Map.of("inspectionId", inspectionId, "sha256", stored.get("sha256"), "type", "AUDIOVISUAL_ELECTRONIC",
                "method", "ON_SITE", "description", "执法记录仪视频", "supports", "不配合检查情节严重"));
        return (String) ok(graphQl(officer(department)), "mutation($in: EvidenceInput!) { recordEvidence(input: $in) { id } }", "recordEvidence",
                Map.of("in", in)).get("id");
    }

    @Test
    void inTianjinAResultIsPublishedFirstFedBackAfterThePublicPeriodAndAnUpheldObjectionRepublishesItCorrectedPUB08OBJ01PUB12() {
        String tj = "HRSS-120101";
        department(tj, "120101");
        String id = approved(tj, "DISCLOSED_INFO_FALSIFIED", today().minusDays(3), null);
        String feedback = call("recordResultFeedback", "id: \"" + id + "\", channel: WRITTEN, givenOn: \"" + today() + "\"", RESULT);
        assertThat(error(graphQl(officer(tj)), feedback, Map.of())).isEqualTo("ILLEGAL_TRANSITION id PUB-08");

        Map<String, Object> published = ok(graphQl(officer(tj)), call("publishInspectionResult", "id: \"" + id + "\"", RESULT),
                "publishInspectionResult", Map.of());
        assertThat(published).containsEntry("publicUntil", today().plusDays(7).toString());
        assertThat(error(graphQl(officer(tj)), feedback, Map.of())).isEqualTo("CONFLICT givenOn PUB-08");

        String lodge = call("lodgeResultObjection", "resultId: \"" + id + "\", objector: \"某某公司\", grounds: \"参保人数差额系统计口径不同\", receivedOn: \""
                + today() + "\"", "id status kind reviewingDepartment");
        assertThat(error(graphQl(officer("HRSS-430100")), lodge, Map.of())).isEqualTo("FORBIDDEN resultId OBJ-01");
        Map<String, Object> objection = ok(graphQl(officer(tj)), lodge, "lodgeResultObjection", Map.of());
        assertThat(objection).containsEntry("status", "UNDER_REVIEW").containsEntry("kind", "TARGET_OBJECTION").containsEntry("reviewingDepartment", tj);
        assertThat(error(graphQl(officer(tj)), lodge, Map.of())).isEqualTo("CONFLICT resultId OBJ-01");
        String uscc = (String) ok(graphQl(leader(tj)), "{ inspectionResult(inspectionId: \"" + id.substring(4) + "\") { uscc } }", "inspectionResult",
                Map.of()).get("uscc");
        String publicView = "{ publishedInspectionResults(uscc: \"" + uscc + "\") { category underReview correctedAt } }";
        assertThat(graphQl().document(publicView).execute().path("publishedInspectionResults").entityList(Map.class).get())
                .anySatisfy(p -> assertThat(p).containsEntry("category", "DISCLOSED_INFO_FALSIFIED").containsEntry("underReview", true));
        assertThat(graphQl(leader(tj)).document("{ objectionsUnderReview(departmentId: \"" + tj + "\") { id } }").execute()
                .path("objectionsUnderReview[*].id").entityList(String.class).get()).contains((String) objection.get("id"));

        String oid = (String) objection.get("id");
        assertThat(error(graphQl(leader(tj)), call("decideResultObjection", "id: \"" + oid + "\", outcome: UPHELD, decision: \"异议成立\"", "id"),
                Map.of())).isEqualTo("REQUIRED corrections PUB-12");
        assertThat(error(graphQl(leader(tj)), call("decideResultObjection", "id: \"" + oid + "\", outcome: UPHELD, decision: \"异议成立\","
                + " corrections: [{field: CATEGORY, value: \"NOT_A_CATEGORY\"}]", "id"), Map.of())).isEqualTo("INVALID_VALUE corrections[0].value RESULT-01");
        Map<String, Object> decided = ok(graphQl(leader(tj)), call("decideResultObjection", "id: \"" + oid + "\", outcome: UPHELD,"
                + " decision: \"经复核，公示信息未弄虚作假，属未按规定公示\", corrections: [{field: CATEGORY, value: \"REQUIRED_INFO_NOT_DISCLOSED\"}]",
                "status decidedBy"), "decideResultObjection", Map.of());
        assertThat(decided).containsEntry("status", "UPHELD").containsEntry("decidedBy", "leader@" + tj);
        assertThat(error(graphQl(leader(tj)), call("decideResultObjection", "id: \"" + oid + "\", outcome: DISMISSED, decision: \"x\"", "id"),
                Map.of())).isEqualTo("ILLEGAL_TRANSITION id OBJ-01");

        Map<String, Object> corrected = result(id, leader(tj));
        assertThat(corrected).containsEntry("category", "REQUIRED_INFO_NOT_DISCLOSED").containsEntry("status", "PUBLISHED")
                .containsEntry("publicUntil", today().plusDays(7).toString());
        assertThat(corrected.get("correctedAt")).isNotNull();
        assertThat((List<Map<String, Object>>) corrected.get("amendments")).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("field", "CATEGORY").containsEntry("before", "DISCLOSED_INFO_FALSIFIED")
                    .containsEntry("after", "REQUIRED_INFO_NOT_DISCLOSED").containsEntry("handler", "officer@" + tj).containsEntry("approver", "leader@" + tj);
            assertThat((String) a.get("reason")).startsWith("Objection " + oid + " upheld");
        });
        assertThat(graphQl().document(publicView).execute().path("publishedInspectionResults").entityList(Map.class).get())
                .anySatisfy(p -> assertThat(p).containsEntry("category", "REQUIRED_INFO_NOT_DISCLOSED").containsEntry("underReview", false));
        // The public period started again with the corrected publication.
        assertThat(error(graphQl(officer(tj)), feedback, Map.of())).isEqualTo("CONFLICT givenOn PUB-08");
    }

    @Test
    @SuppressWarnings("unchecked")
    void elsewhereFeedbackFollowsApprovalOnceAndASuperiorMayReviewASubordinatesResultPUB09OBJ02() {
        String id = approved("HRSS-430100", "UNREACHABLE_AT_REGISTERED_ADDRESS", today().minusDays(2), null);
        String feedback = call("recordResultFeedback", "id: \"" + id + "\", channel: IN_PERSON, givenOn: \"" + today() + "\", note: \"当面告知\"", RESULT);
        assertThat(error(graphQl(officer("HRSS-430102")), feedback, Map.of())).isEqualTo("FORBIDDEN id PUB-09");
        // ONSITE-02: an inspector on no team of the inspection does not give it; an officer gives it for the team.
        assertThat(error(graphQl(inspector("INSP-FB", "HRSS-430100")), feedback, Map.of())).isEqualTo("FORBIDDEN id ONSITE-02");
        assertThat((Map<String, Object>) ok(graphQl(officer("HRSS-430100")), feedback, "recordResultFeedback", Map.of()).get("feedback"))
                .containsEntry("channel", "IN_PERSON").containsEntry("givenOn", today().toString());
        assertThat(error(graphQl(officer("HRSS-430100")), feedback, Map.of())).isEqualTo("IMMUTABLE id PUB-09");

        String review = call("openSuperiorReview", "resultId: \"" + id + "\", grounds: \"抽查复核\"", "id status kind objector reviewingDepartment");
        assertThat(error(graphQl(leader("HRSS-430100")), review, Map.of())).isEqualTo("FORBIDDEN resultId OBJ-02");
        assertThat(error(graphQl(leader("HRSS-430102")), review, Map.of())).isEqualTo("FORBIDDEN resultId OBJ-02");
        Map<String, Object> opened = ok(graphQl(leader("HRSS-430000")), review, "openSuperiorReview", Map.of());
        assertThat(opened).containsEntry("kind", "SUPERIOR_REVIEW").containsEntry("reviewingDepartment", "HRSS-430000")
                .containsEntry("status", "UNDER_REVIEW");
        String oid = (String) opened.get("id");
        assertThat(error(graphQl(leader("HRSS-430100")), call("decideResultObjection", "id: \"" + oid + "\", outcome: DISMISSED, decision: \"维持\"",
                "id"), Map.of())).isEqualTo("FORBIDDEN id OBJ-01, OBJ-02");
        assertThat(error(graphQl(leader("HRSS-430000")), call("decideResultObjection", "id: \"" + oid + "\", outcome: DISMISSED, decision: \"维持\","
                + " corrections: [{field: FACTS, value: \"x\"}]", "id"), Map.of())).isEqualTo("INVALID_VALUE corrections OBJ-01");
        assertThat(ok(graphQl(leader("HRSS-430000")), call("decideResultObjection", "id: \"" + oid + "\", outcome: DISMISSED, decision: \"维持原结果\"",
                "status"), "decideResultObjection", Map.of())).containsEntry("status", "DISMISSED");
        assertThat(result(id, leader("HRSS-430100"))).containsEntry("category", "UNREACHABLE_AT_REGISTERED_ADDRESS")
                .containsEntry("amendments", List.of()).containsEntry("publicUntil", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void casesPenaltyDecisionsAndReferralsFollowAProblemFoundAndSuixianPublishesGeneralProcedureDecisionsInSevenWorkingDaysFOLLOW06to10PUB06() {
        // In 2026, whose holidays the working-day calendar knows, after the dates below.
        clock.runAt(java.time.OffsetDateTime.parse("2026-10-30T10:00:00+08:00"), this::casesAndPenaltiesIn2026);
    }

    @SuppressWarnings("unchecked")
    private void casesAndPenaltiesIn2026() {
        String sx = "HRSS-411422";
        department(sx, "411422");
        String nothing = approved(sx, "NO_PROBLEM_FOUND", LocalDate.parse("2026-09-25"), null);
        String caseInput = "mutation($in: CaseInput!) { openCase(input: $in) { id status departmentId } }";
        assertThat(error(graphQl(officer(sx)), caseInput, Map.of("in", Map.of("resultId", nothing, "caseNumber", "睢人社立〔2026〕1号",
                "openedOn", "2026-09-28", "summary", "x")))).isEqualTo("CONFLICT input.resultId FOLLOW-03");
        String id = approved(sx, "PROBLEM_FOUND_PENDING_FOLLOW_UP", LocalDate.parse("2026-09-25"), null);

        String refer = "mutation($in: ReferralInput!) { referInspectionResult(input: $in) { id destination recipientDepartment suspectedCrime } }";
        assertThat(error(graphQl(officer(sx)), refer, Map.of("in", Map.of("resultId", id, "destination", "OTHER_REGULATOR", "recipient", "睢县市场监督管理局",
                "reason", "涉嫌犯罪", "suspectedCrime", true, "referredOn", "2026-09-26")))).isEqualTo("INVALID_VALUE input.destination FOLLOW-09");
        assertThat(error(graphQl(officer(sx)), refer, Map.of("in", Map.of("resultId", id, "destination", "HRSS_INTERNAL", "recipientDepartmentId", "MS-430102",
                "reason", "案源移交", "referredOn", "2026-09-26")))).isEqualTo("INVALID_VALUE input.recipientDepartmentId FOLLOW-08");
        Map<String, Object> referral = ok(graphQl(officer(sx)), refer, "referInspectionResult", Map.of("in", Map.of("resultId", id,
                "destination", "HRSS_INTERNAL", "recipientDepartmentId", "HRSS-430100", "reason", "涉嫌克扣工资，移交劳动保障监察机构立案查处",
                "referredOn", "2026-09-26")));
        assertThat(referral).containsEntry("recipientDepartment", "HRSS-430100").containsEntry("suspectedCrime", false);
        assertThat(graphQl(officer("HRSS-430100")).document("{ referralsReceived(departmentId: \"HRSS-430100\") { id } }").execute()
                .path("referralsReceived[*].id").entityList(String.class).get()).contains((String) referral.get("id"));

        // The receiving enforcement body opens the case (FOLLOW-08); a department with no part in it cannot.
        Map<String, Object> caseIn = Map.of("resultId", id, "caseNumber", "睢人社立〔2026〕" + nextKey() + "号", "openedOn", "2026-09-28",
                "summary", "涉嫌克扣工资");
        assertThat(error(graphQl(officer("HRSS-430102")), caseInput, Map.of("in", caseIn))).isEqualTo("FORBIDDEN input.resultId FOLLOW-06");
        Map<String, Object> opened = ok(graphQl(officer(sx)), caseInput, "openCase", Map.of("in", caseIn));
        assertThat(opened).containsEntry("status", "OPEN").containsEntry("departmentId", sx);
        assertThat(error(graphQl(officer(sx)), caseInput, Map.of("in", caseIn))).isEqualTo("DUPLICATE input.caseNumber");
        String caseId = (String) opened.get("id");
        String close = call("closeCase", "id: \"" + caseId + "\", closedOn: \"2026-10-20\", outcome: PENALTY_IMPOSED, note: \"已作出处罚决定\"",
                "status outcome");
        assertThat(error(graphQl(officer(sx)), close, Map.of())).isEqualTo("CONFLICT outcome FOLLOW-10");

        // 2026-09-29 + 7 working days: 09-30, (National Day 10-01..07), 10-08, 10-09, 10-10 (adjusted working Saturday), 10-12, 10-13, 10-14.
        String penalty = "mutation($in: PenaltyDecisionInput!) { recordPenaltyDecision(input: $in) { id publishBy publishedAt } }";
        Map<String, Object> decision = ok(graphQl(officer(sx)), penalty, "recordPenaltyDecision", Map.of("in", Map.of("caseId", caseId,
                "decisionNumber", "睢人社罚〔2026〕7号", "decidedOn", "2026-09-29", "procedure", "GENERAL", "content", "罚款人民币2万元")));
        assertThat(decision).containsEntry("publishBy", "2026-10-14");
        String pid = (String) decision.get("id");
        String overdue = "{ overdueWork(departmentId: \"" + sx + "\") { penaltyDecisions { id } } }";
        assertThat(graphQl(leader(sx)).document(overdue).execute().path("overdueWork.penaltyDecisions[*].id").entityList(String.class).get()).contains(pid);
        ok(graphQl(officer(sx)), call("publishPenaltyDecision", "id: \"" + pid + "\"", "id"), "publishPenaltyDecision", Map.of());
        assertThat(error(graphQl(officer(sx)), call("publishPenaltyDecision", "id: \"" + pid + "\"", "id"), Map.of())).isEqualTo("ILLEGAL_TRANSITION id PUB-06");
        assertThat(graphQl(leader(sx)).document(overdue).execute().path("overdueWork.penaltyDecisions[*].id").entityList(String.class).get())
                .doesNotContain(pid);
        String uscc = (String) ok(graphQl(leader(sx)), "{ inspectionResult(inspectionId: \"" + id.substring(4) + "\") { uscc cases { id penaltyDecisions { id } } referrals { id } } }",
                "inspectionResult", Map.of()).get("uscc");
        assertThat(graphQl().document("{ publishedPenaltyDecisions(uscc: \"" + uscc + "\") { decisionNumber content } }").execute()
                .path("publishedPenaltyDecisions[*].decisionNumber").entityList(String.class).get()).contains("睢人社罚〔2026〕7号");
        assertThat(ok(graphQl(officer(sx)), close, "closeCase", Map.of())).containsEntry("status", "CLOSED").containsEntry("outcome", "PENALTY_IMPOSED");
        assertThat(error(graphQl(officer(sx)), close, Map.of())).isEqualTo("ILLEGAL_TRANSITION id FOLLOW-06");

        // Where no deadline is set (HN), a general-procedure decision has none.
        String hn = approved("HRSS-430100", "PROBLEM_FOUND_PENDING_FOLLOW_UP", LocalDate.parse("2026-09-25"), null);
        String hnCase = (String) ok(graphQl(officer("HRSS-430100")), caseInput, "openCase", Map.of("in", Map.of("resultId", hn,
                "caseNumber", "长人社立" + nextKey(), "openedOn", "2026-09-28", "summary", "涉嫌克扣工资"))).get("id");
        assertThat(ok(graphQl(officer("HRSS-430100")), penalty, "recordPenaltyDecision", Map.of("in", Map.of("caseId", hnCase,
                "decisionNumber", "长人社罚1号", "decidedOn", "2026-09-29", "procedure", "GENERAL", "content", "罚款")))).containsEntry("publishBy", null);
    }

    @Test
    void seriousNonCooperationIsRecordedWithEvidenceBeforeTheResultNamesItNONCOOP01NONCOOP02() {
        String inspectionId = inspection("HRSS-430100", yearEnd());
        Map<String, Object> proposal = input(inspectionId, "SERIOUS_NON_COOPERATION", today().minusDays(1).toString(), null, null);
        assertThat(error(graphQl(officer("HRSS-430100")), PROPOSE, Map.of("in", proposal))).isEqualTo("CONFLICT input.category NONCOOP-02");
        String record = "mutation($in: NonCooperationInput!) { recordNonCooperation(input: $in) { id circumstances evidenceIds } }";
        Map<String, Object> in = new LinkedHashMap<>(Map.of("inspectionId", inspectionId, "circumstances", List.of("REFUSED_ENTRY", "REFUSED_MATERIALS"),
                "description", "企业负责人拒绝检查人员进入生产场所，拒不提供工资台账", "occurredOn", today().minusDays(1).toString(), "evidenceIds", List.of()));
        assertThat(error(graphQl(officer("HRSS-430100")), record, Map.of("in", in))).isEqualTo("REQUIRED input.evidenceIds NONCOOP-02");
        in.put("evidenceIds", List.of("EVID-NOT-OF-THIS-INSPECTION"));
        assertThat(error(graphQl(officer("HRSS-430100")), record, Map.of("in", in))).isEqualTo("INVALID_VALUE input.evidenceIds NONCOOP-02");
        String evidenceId = evidence("HRSS-430100", inspectionId);
        in.put("evidenceIds", List.of(evidenceId));
        assertThat(error(graphQl(officer("HRSS-430102")), record, Map.of("in", in))).isEqualTo("FORBIDDEN input.inspectionId NONCOOP-02");
        assertThat(ok(graphQl(officer("HRSS-430100")), record, "recordNonCooperation", Map.of("in", in)))
                .containsEntry("circumstances", List.of("REFUSED_ENTRY", "REFUSED_MATERIALS")).containsEntry("evidenceIds", List.of(evidenceId));
        assertThat(graphQl(leader("HRSS-430100")).document("{ inspectionNonCooperation(inspectionId: \"" + inspectionId + "\") { evidenceIds } }")
                .execute().path("inspectionNonCooperation[*].evidenceIds[*]").entityList(String.class).get()).containsExactly(evidenceId);
        assertThat(graphQl(officer("HRSS-430102")).document("{ inspectionNonCooperation(inspectionId: \"" + inspectionId + "\") { id } }")
                .execute().path("inspectionNonCooperation").entityList(Map.class).get()).isEmpty();
        assertThat(ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult", Map.of("in", proposal))).containsKey("id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void archivedFilesAreKeptChangedOnlyByAnAmendmentASecondPersonApprovesAndLentWithTwoConsentsARCH01to11() {
        // HN allows no change at all to archived material (ARCH-04).
        String hnInspection = inspection("HRSS-430100", today().minusDays(10));
        String overdueTasks = "{ overdueWork(departmentId: \"HRSS-430100\") { tasks { taskId openInspections } } }";
        assertThat(graphQl(leader("HRSS-430100")).document(overdueTasks).execute().path("overdueWork.tasks").entityList(Map.class).get())
                .contains(Map.of("taskId", taskOf(hnInspection), "openInspections", 1));
        String archive = "mutation($id: ID!, $years: Int) { archiveInspection(inspectionId: $id, retentionYears: $years) { id retainUntil contents } }";
        String hnResult = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(hnInspection, "NO_PROBLEM_FOUND", today().minusDays(12).toString(), null, null))).get("id");
        assertThat(error(graphQl(officer("HRSS-430100")), archive, Map.of("id", hnInspection))).isEqualTo("ILLEGAL_TRANSITION inspectionId ARCH-01");
        ok(graphQl(leader("HRSS-430100")), "mutation { approveInspectionResult(id: \"" + hnResult + "\") { id } }", "approveInspectionResult", Map.of());
        // The task's one inspection is concluded: the task is no longer overdue.
        assertThat(graphQl(leader("HRSS-430100")).document(overdueTasks).execute().path("overdueWork.tasks[*].taskId").entityList(String.class).get())
                .doesNotContain(hnInspection);
        assertThat(error(graphQl(officer("HRSS-430100")), archive, Map.of("id", hnInspection, "years", 2))).isEqualTo("INVALID_VALUE retentionYears ARCH-03");
        Map<String, Object> file = ok(graphQl(officer("HRSS-430100")), archive, "archiveInspection", Map.of("id", hnInspection));
        assertThat(file).containsEntry("retainUntil", today().plusYears(3).toString());
        assertThat((List<String>) file.get("contents")).contains("RESULT " + hnResult);
        assertThat(error(graphQl(officer("HRSS-430100")), archive, Map.of("id", hnInspection))).isEqualTo("ARCHIVED inspectionId ARCH-05");
        Map<String, Object> lateEvidence = new LinkedHashMap<>(Map.of("inspectionId", hnInspection, "sha256", "0".repeat(64), "type", "PHYSICAL",
                "method", "ON_SITE", "description", "补充", "supports", "补充"));
        assertThat(error(graphQl(officer("HRSS-430100")), "mutation($in: EvidenceInput!) { recordEvidence(input: $in) { id } }",
                Map.of("in", lateEvidence))).isEqualTo("ARCHIVED input.inspectionId ARCH-05");
        assertThat(error(graphQl(leader("HRSS-430100")), call("amendInspectionResult", "id: \"" + hnResult + "\", field: FACTS, value: \"改\", reason: \"笔误\"",
                "id"), Map.of())).isEqualTo("ARCHIVED id ARCH-05");
        String request = "mutation($f: ID!) { requestArchiveAmendment(fileId: $f, content: \"更正检查事实笔误\", reason: \"笔误\", resultField: FACTS,"
                + " resultValue: \"抽查劳动合同20份，均符合规定。\") { id status handler } }";
        assertThat(error(graphQl(officer("HRSS-430100")), request, Map.of("f", file.get("id")))).isEqualTo("FORBIDDEN_CHANGE fileId ARCH-04");

        // Elsewhere (the default profile, here Qingdao) an approved change is made, handled by one person and approved by another (ARCH-05).
        String qd = "HRSS-370202";
        department(qd, "370202");
        String qdResult = approved(qd, "NO_PROBLEM_FOUND", today().minusDays(12), null);
        String qdInspection = qdResult.substring(4);
        String fileId = (String) ok(graphQl(leader(qd)), archive, "archiveInspection", Map.of("id", qdInspection, "years", 10)).get("id");
        String own = (String) ok(graphQl(leader(qd)), request, "requestArchiveAmendment", Map.of("f", fileId)).get("id");
        assertThat(error(graphQl(leader(qd)), call("decideArchiveAmendment", "id: \"" + own + "\", approve: true", "id"), Map.of()))
                .isEqualTo("SAME_PERSON id ARCH-05");
        Map<String, Object> asked = ok(graphQl(officer(qd)), request, "requestArchiveAmendment", Map.of("f", fileId));
        assertThat(asked).containsEntry("status", "PENDING").containsEntry("handler", "officer@" + qd);
        assertThat(ok(graphQl(leader(qd)), call("decideArchiveAmendment", "id: \"" + asked.get("id") + "\", approve: true", "status approver"),
                "decideArchiveAmendment", Map.of())).containsEntry("status", "APPROVED").containsEntry("approver", "leader@" + qd);
        Map<String, Object> amended = result(qdResult, leader(qd));
        assertThat((List<Map<String, Object>>) amended.get("amendments")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("field", "FACTS").containsEntry("after", "抽查劳动合同20份，均符合规定。")
                .containsEntry("handler", "officer@" + qd).containsEntry("approver", "leader@" + qd));

        // Borrowing: registered by the requester, two consents by two leaders, then checked on return (ARCH-09, ARCH-11).
        String borrow = "mutation($in: ArchiveBorrowingInput!) { requestArchiveBorrowing(input: $in) { id status } }";
        // Refused requests name the input's fields: due back after today (ARCH-09), a file that exists.
        assertThat(error(graphQl(officer("HRSS-430100")), borrow, Map.of("in", Map.of("fileId", fileId, "borrower", "张三", "purpose", "复查复核",
                "dueOn", today().toString())))).isEqualTo("INVALID_VALUE input.dueOn");
        assertThat(error(graphQl(officer("HRSS-430100")), borrow, Map.of("in", Map.of("fileId", "ARC-NONE", "borrower", "张三", "purpose", "复查复核",
                "dueOn", today().plusDays(14).toString())))).isEqualTo("NOT_FOUND input.fileId");
        String loan = (String) ok(graphQl(officer("HRSS-430100")), borrow, "requestArchiveBorrowing", Map.of("in", Map.of("fileId", fileId,
                "borrower", "张三", "purpose", "复查复核", "dueOn", today().plusDays(14).toString()))).get("id");
        String head = call("consentArchiveBorrowing", "id: \"" + loan + "\", consent: DEPARTMENT_HEAD", "status headConsentBy");
        String inCharge = call("consentArchiveBorrowing", "id: \"" + loan + "\", consent: LEADER_IN_CHARGE", "status leaderConsentBy");
        String giveBack = call("returnArchiveFile", "id: \"" + loan + "\", returnedOn: \"" + today() + "\", condition: DAMAGED", "status condition");
        assertThat(error(graphQl(leader("HRSS-430100")), head, Map.of())).isEqualTo("FORBIDDEN id ARCH-09");
        assertThat(error(graphQl(officer(qd)), giveBack, Map.of())).isEqualTo("ILLEGAL_TRANSITION id ARCH-11");
        assertThat(ok(graphQl(leader(qd)), head, "consentArchiveBorrowing", Map.of())).containsEntry("status", "REQUESTED");
        assertThat(error(graphQl(leader(qd)), head, Map.of())).isEqualTo("ILLEGAL_TRANSITION consent ARCH-09");
        assertThat(error(graphQl(leader(qd)), inCharge, Map.of())).isEqualTo("SAME_PERSON consent ARCH-09");
        assertThat(ok(graphQl(secondLeader(qd)), inCharge, "consentArchiveBorrowing", Map.of())).containsEntry("status", "LENT");
        assertThat(error(graphQl(officer(qd)), giveBack, Map.of())).isEqualTo("REQUIRED notes ARCH-11");
        assertThat(ok(graphQl(officer(qd)), call("returnArchiveFile", "id: \"" + loan + "\", returnedOn: \"" + today() + "\", condition: DAMAGED,"
                + " notes: \"第3页有水渍\"", "status condition returnNotes"), "returnArchiveFile", Map.of()))
                .containsEntry("status", "RETURNED").containsEntry("condition", "DAMAGED");
        assertThat(graphQl(officer("HRSS-430100")).document("{ archiveFile(inspectionId: \"" + qdInspection + "\") { id } }").execute()
                .path("archiveFile").valueIsNull());
        assertThat(ok(graphQl(leader(qd)), "{ archiveFile(inspectionId: \"" + qdInspection + "\") { amendments { status } borrowings { status } } }",
                "archiveFile", Map.of())).containsEntry("borrowings", List.of(Map.of("status", "RETURNED")));
    }

    @Test
    void inQingdaoTheWholeTeamSignsARecordTheTargetRefusedToSignONSITE06() {
        String qd = "HRSS-370202";
        department(qd, "370202");
        String inspectionId = inspection(qd, today().plusDays(30));
        // A team of three assigned inspectors with their certificates.
        List<Map<String, Object>> team = driver.executableQuery("""
                MATCH (p:Inspector) WHERE p.certificateNo IS NOT NULL AND (p.certificateValidTo IS NULL OR p.certificateValidTo >= $today)
                WITH p ORDER BY p.inspectorId LIMIT 3 WITH collect(p) AS team MATCH (i:Inspection {id: $id})
                UNWIND range(0, size(team) - 1) AS k WITH i, team[k] AS p, k
                CREATE (i)-[:ASSIGNED {position: k + 1, mode: 'RANDOM'}]->(p)
                RETURN p.inspectorId AS inspectorId, p.certificateNo AS certificateNo ORDER BY k""").withParameters(Map.of("id", inspectionId, "today", today())).execute()
                .records().stream().map(r -> (Map<String, Object>) new LinkedHashMap<String, Object>(r.asMap())).toList();
        assertThat(team).hasSize(3);
        String item = driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.itemCodes[0] AS item").withParameters(Map.of("id", inspectionId))
                .execute().records().get(0).get("item").asString();
        Map<String, Object> in = new LinkedHashMap<>(Map.of("inspectionId", inspectionId, "conductedAt", clock.now().minusHours(1).toString(),
                "findings", List.of(Map.of("itemCode", item, "facts", "企业拒绝提供工资台账")), "present", team.subList(0, 2),
                "refusalReason", "企业负责人拒绝签字"));
        String record = "mutation($in: InspectionRecordInput!) { recordInspection(input: $in) { present { inspectorId } } }";
        assertThat(error(graphQl(officer(qd)), record, Map.of("in", in))).isEqualTo("INVALID_VALUE input.present ONSITE-06");
        in.put("present", team);
        assertThat(ok(graphQl(officer(qd)), record, "recordInspection", Map.of("in", in))).extractingByKey("present").asList().hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoCarriesItsInspectionsThroughEveryStage() {
        Map<String, Object> counts = driver.executableQuery("""
                MATCH (r:InspectionResult {inspectingDepartment: 'HRSS-430100'}) WHERE r.proposedBy STARTS WITH 'demo-'
                WITH collect(r) AS results, collect(DISTINCT r.category) AS categories, collect(r.inspectionId) AS ids
                RETURN size(categories) AS categories, size(results) AS results,
                  COUNT { MATCH (x:InspectionRecord) WHERE x.inspectionId IN ids } AS records,
                  COUNT { MATCH (e:Evidence) WHERE e.inspectionId IN ids } AS evidence,
                  COUNT { MATCH (n:NonCooperation) WHERE n.inspectionId IN ids } AS nonCooperation,
                  COUNT { MATCH (o:ResultObjection {status: 'UNDER_REVIEW'}) WHERE o.resultId IN [r IN results | r.id] } AS objections,
                  COUNT { MATCH (f:Referral) WHERE f.resultId IN [r IN results | r.id] } AS referrals,
                  COUNT { MATCH (:PenaltyDecision)-[:DECIDES]->(c:EnforcementCase) WHERE c.resultId IN [r IN results | r.id] } AS penalties,
                  COUNT { MATCH (t:RestrictionTrigger) WHERE t.sourceRef IN [r IN results | r.id] } AS listings,
                  COUNT { MATCH (:ArchiveBorrowing)-[:OF]->(a:ArchiveFile) WHERE a.inspectionId IN ids } AS loans,
                  COUNT { MATCH (n:InspectionNotice {departmentId: 'HRSS-430100'}) } AS notices""").execute().records().get(0).asMap();
        // Every target of the demo's visit day was visited: a record, evidence and a result each, one result of each category.
        assertThat((Long) counts.get("results")).isGreaterThanOrEqualTo(8L);
        assertThat(counts).containsEntry("categories", 8L).containsEntry("records", counts.get("results")).containsEntry("evidence", counts.get("results"))
                .containsEntry("nonCooperation", 1L).containsEntry("objections", 1L).containsEntry("referrals", 1L).containsEntry("penalties", 2L)
                .containsEntry("listings", 1L).containsEntry("loans", 1L);
        // The demo announces visits still to come only while its windows are open (from May to December).
        if (!today().plusDays(3).isAfter(SamplingDemo.windowEnd(SamplingDemo.planYear(today())))) {
            assertThat((Long) counts.get("notices")).isGreaterThanOrEqualTo(3L);
        }
        // Market supervision's and HR&SS's unified draws meet on some enterprises: fewer visits than inspections there.
        LocalDate today = clock.today();
        Map<String, Object> plan = ok(graphQl(admin()), "{ jointVisits(regionCode: \"430000\", from: \"" + today + "\", to: \"" + today.plusDays(300)
                + "\") { inspections visits } }", "jointVisits", Map.of());
        assertThat((Integer) plan.get("visits")).isLessThan((Integer) plan.get("inspections"));
        // Some visit of the plan serves both departments (found through the API, not picked with Cypher), and that
        // enterprise's own visits show it too.
        String shared = null;
        String after = null;
        String page = "query($from: Date!, $to: Date!, $after: String) { jointVisits(regionCode: \"430000\", from: $from, to: $to) {"
                + " items(first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { uscc departments { departmentId } } } } } }";
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("from", today.toString(), "to", today.plusDays(300).toString()));
            variables.put("after", after);
            Map<String, Object> items = (Map<String, Object>) ok(graphQl(admin()), page, "jointVisits", variables).get("items");
            shared = ((List<Map<String, Object>>) items.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node"))
                    .filter(v -> departmentKinds((List<Map<String, Object>>) v.get("departments")).containsAll(List.of("MS-", "HRS")))
                    .map(v -> (String) v.get("uscc")).findFirst().orElse(null);
            Map<String, Object> info = (Map<String, Object>) items.get("pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        } while (shared == null && after != null);
        assertThat(shared).as("a joint visit of market supervision and HR&SS in the demo's plan").isNotNull();
        List<Map<String, Object>> visits = graphQl(admin()).document("{ enterpriseJointVisits(uscc: \"" + shared + "\") { departments { departmentId } } }")
                .execute().path("enterpriseJointVisits").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(visits).anySatisfy(v -> assertThat(departmentKinds((List<Map<String, Object>>) v.get("departments"))).contains("MS-", "HRS"));
    }

    private static List<String> departmentKinds(List<Map<String, Object>> departments) {
        return departments.stream().map(d -> ((String) d.get("departmentId")).substring(0, 3)).toList();
    }
}
