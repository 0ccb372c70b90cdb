package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.api.inspection.InspectionFixtures.error;
import static org.supervisionhub.api.inspection.InspectionFixtures.input;
import static org.supervisionhub.api.inspection.InspectionFixtures.ok;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * Results through the GraphQL API on the real graph, on inspections of the demo's executed draws: the approval chain
 * of each delegation (APPR-01..04), publication deadlines in working days (PUB-03, PUB-04), the listing guard
 * (FOLLOW-04), amendments (ARCH-05) and what the public sees.
 */
class InspectionResultApiTest extends HubIntegrationTest {

    static final String RESULT = "id status delegation category publishBy overdue approvingDepartment filedWith amendments { number field before after reason }";
    static final String PROPOSE = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { " + RESULT + " } }";

    @Autowired
    Driver driver;

    /**
     * The day these expectations were worked out for: 2026, whose holidays the working-day calendar knows, after every
     * end date below and before the deadlines that must not have passed (publishBy 2026-12-28 is not overdue).
     */
    static final OffsetDateTime TODAY = OffsetDateTime.parse("2026-12-04T10:00:00+08:00");
    Instant restoreTo;
    long setAt;

    @BeforeEach
    void setClock() {
        restoreTo = clock.instant();
        setAt = System.nanoTime();
        clock.set(TODAY.toInstant());
    }

    /** The context, and its clock, is shared: put it back where it would have been. */
    @AfterEach
    void restoreClock() {
        clock.set(restoreTo.plusNanos(System.nanoTime() - setAt));
    }

    /**
     * An active inspection drawn and inspected by HRSS-430100 that has no result yet, of an enterprise never listed,
     * under a task whose window is 2026 (a copy of a demo inspection: the demo's year follows the clock).
     */
    String inspection() {
        return InspectionFixtures.inspection(this::graphQl, clock, driver, "HRSS-430100", LocalDate.of(2026, 12, 31));
    }

    /**
     * The same, inspected by the subordinate HRSS-430102 for HRSS-430100: drawn by HRSS-430100 among the enterprises of
     * region 430102 and dispatched to the county level (DRAW-14).
     */
    String inspectionByLowerLevel() {
        return InspectionFixtures.dispatched(this::graphQl, clock, driver, "HRSS-430100", "430102", "COUNTY", LocalDate.of(2026, 12, 31));
    }

    static String step(String mutation, String id) {
        return "mutation { " + mutation + "(id: \"" + id + "\") { " + RESULT + " } }";
    }

    @Test
    void aResultOfTheDrawingDepartmentIsProposedApprovedByItsLeaderAndDueTwentyWorkingDaysAfterTheEndAPPR01PUB03() {
        String inspectionId = inspection();
        // 2026-09-18 is a Friday; the Mid-Autumn and National Day holidays and the adjusted working days 09-20 and 10-10 fall inside.
        Map<String, Object> proposed = ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "NO_PROBLEM_FOUND", "2026-09-18", null, null)));
        assertThat(proposed).containsEntry("status", "PROPOSED").containsEntry("delegation", "NONE");
        String id = (String) proposed.get("id");

        assertThat(error(graphQl(officer("HRSS-430100")), step("publishInspectionResult", id), Map.of()))
                .isEqualTo("ILLEGAL_TRANSITION id APPR-04");
        assertThat(error(graphQl(officer("HRSS-430100")), step("approveInspectionResult", id), Map.of()))
                .isEqualTo("FORBIDDEN Mutation.approveInspectionResult");
        assertThat(error(graphQl(leader("HRSS-430102")), step("approveInspectionResult", id), Map.of())).isEqualTo("FORBIDDEN id APPR-01");
        assertThat(error(graphQl(leader("HRSS-430100")), step("reviewInspectionResult", id), Map.of()))
                .isEqualTo("ILLEGAL_TRANSITION id APPR-02");

        Map<String, Object> approved = ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), "approveInspectionResult", Map.of());
        assertThat(approved).containsEntry("status", "APPROVED").containsEntry("approvingDepartment", "HRSS-430100")
                .containsEntry("publishBy", "2026-10-22").containsEntry("overdue", true);
        // Approving twice is not a transition.
        assertThat(error(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), Map.of()))
                .isEqualTo("ILLEGAL_TRANSITION id APPR-01");
        List<String> overdue = graphQl(leader("HRSS-430100")).document("{ overdueInspectionResults(departmentId: \"HRSS-430100\") { id } }")
                .execute().path("overdueInspectionResults[*].id").entityList(String.class).get();
        assertThat(overdue).contains(id);

        Map<String, Object> published = ok(graphQl(officer("HRSS-430100")), step("publishInspectionResult", id), "publishInspectionResult", Map.of());
        assertThat(published).containsEntry("status", "PUBLISHED").containsEntry("overdue", false);
        assertThat(graphQl(leader("HRSS-430100")).document("{ overdueInspectionResults(departmentId: \"HRSS-430100\") { id } }")
                .execute().path("overdueInspectionResults[*].id").entityList(String.class).get()).doesNotContain(id);
    }

    @Test
    void aDelegatedResultIsReviewedBelowAndApprovedAboveAPPR02() {
        String inspectionId = inspectionByLowerLevel();
        assertThat(error(graphQl(officer("HRSS-430102")), PROPOSE, Map.of("in", input(inspectionId, "REQUIRED_INFO_NOT_DISCLOSED", "2026-11-02", null, null))))
                .isEqualTo("REQUIRED input.delegation APPR-02");
        assertThat(error(graphQl(officer("HRSS-430100")), PROPOSE, Map.of("in", input(inspectionId, "REQUIRED_INFO_NOT_DISCLOSED", "2026-11-02", null, "DELEGATED"))))
                .isEqualTo("FORBIDDEN input.inspectionId APPR-01");
        String id = (String) ok(graphQl(officer("HRSS-430102")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "REQUIRED_INFO_NOT_DISCLOSED", "2026-11-02", null, "DELEGATED"))).get("id");
        assertThat(error(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), Map.of())).isEqualTo("ILLEGAL_TRANSITION id APPR-02");
        assertThat(error(graphQl(leader("HRSS-430100")), step("reviewInspectionResult", id), Map.of())).isEqualTo("FORBIDDEN id APPR-02");
        assertThat(ok(graphQl(leader("HRSS-430102")), step("reviewInspectionResult", id), "reviewInspectionResult", Map.of()))
                .containsEntry("status", "REVIEWED");
        assertThat(error(graphQl(leader("HRSS-430102")), step("approveInspectionResult", id), Map.of())).isEqualTo("FORBIDDEN id APPR-02");
        // The approver sends it back with a reason; the team proposes again, and it goes through review once more.
        String sendBack = "mutation { returnInspectionResult(id: \"" + id + "\", reason: \"事实认定不清，请补充证据\") { status returnReason returnedBy } }";
        assertThat(error(graphQl(leader("HRSS-430102")), sendBack, Map.of())).isEqualTo("FORBIDDEN id APPR-01..03");
        assertThat(ok(graphQl(leader("HRSS-430100")), sendBack, "returnInspectionResult", Map.of())).containsEntry("status", "RETURNED")
                .containsEntry("returnReason", "事实认定不清，请补充证据");
        assertThat(error(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), Map.of())).isEqualTo("ILLEGAL_TRANSITION id APPR-02");
        assertThat(ok(graphQl(officer("HRSS-430102")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "DISCLOSED_INFO_FALSIFIED", "2026-11-02", null, "DELEGATED")))).containsEntry("status", "PROPOSED")
                .containsEntry("category", "DISCLOSED_INFO_FALSIFIED");
        ok(graphQl(leader("HRSS-430102")), step("reviewInspectionResult", id), "reviewInspectionResult", Map.of());
        assertThat(ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), "approveInspectionResult", Map.of()))
                .containsEntry("status", "APPROVED").containsEntry("approvingDepartment", "HRSS-430100").containsEntry("filedWith", null);
    }

    @Test
    void anAuthorisedResultIsApprovedBelowAndFiledAboveAPPR03() {
        String inspectionId = inspectionByLowerLevel();
        String id = (String) ok(graphQl(officer("HRSS-430102")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "UNREACHABLE_AT_REGISTERED_ADDRESS", "2026-11-02", null, "AUTHORISED"))).get("id");
        assertThat(error(graphQl(leader("HRSS-430102")), step("reviewInspectionResult", id), Map.of())).isEqualTo("ILLEGAL_TRANSITION id APPR-02");
        assertThat(ok(graphQl(leader("HRSS-430102")), step("approveInspectionResult", id), "approveInspectionResult", Map.of()))
                .containsEntry("status", "APPROVED").containsEntry("approvingDepartment", "HRSS-430102").containsEntry("filedWith", "HRSS-430100");
    }

    @Test
    void anOrderedCorrectionIsDueFromItsDeadlineAndAnApprovedResultChangesOnlyByRecordedAmendmentsPUB04ARCH05() {
        String inspectionId = inspection();
        assertThat(error(graphQl(officer("HRSS-430100")), PROPOSE,
                Map.of("in", input(inspectionId, "PROBLEM_FOUND_RECTIFICATION_ORDERED", "2026-11-02", null, null))))
                .isEqualTo("REQUIRED input.rectificationDeadline FOLLOW-01");
        String id = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "PROBLEM_FOUND_RECTIFICATION_ORDERED", "2026-11-02", "2026-11-30", null))).get("id");
        assertThat(ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), "approveInspectionResult", Map.of()))
                .containsEntry("publishBy", "2026-12-28").containsEntry("overdue", false);

        // Approved: proposing again is refused; the correction is an amendment, by a leader, with a reason, recorded.
        assertThat(error(graphQl(officer("HRSS-430100")), PROPOSE,
                Map.of("in", input(inspectionId, "NO_PROBLEM_FOUND", "2026-11-02", null, null)))).isEqualTo("IMMUTABLE input.inspectionId APPR-04");
        String amend = "mutation($f: AmendableResultField!, $v: String) { amendInspectionResult(id: \"" + id
                + "\", field: $f, value: $v, reason: \"整改期限经批准提前\") { " + RESULT + " } }";
        assertThat(error(graphQl(officer("HRSS-430100")), amend, Map.of("f", "RECTIFICATION_DEADLINE", "v", "2026-11-23")))
                .isEqualTo("FORBIDDEN Mutation.amendInspectionResult");
        Map<String, Object> amended = ok(graphQl(leader("HRSS-430100")), amend, "amendInspectionResult",
                Map.of("f", "RECTIFICATION_DEADLINE", "v", "2026-11-23"));
        assertThat(amended).containsEntry("publishBy", "2026-12-21").containsEntry("status", "APPROVED");
        assertThat(amended.get("amendments")).isEqualTo(List.of(Map.of("number", 1, "field", "RECTIFICATION_DEADLINE", "before", "2026-11-30",
                "after", "2026-11-23", "reason", "整改期限经批准提前")));
        // A category that needs no deadline while one is set is refused, and nothing changes.
        assertThat(error(graphQl(leader("HRSS-430100")), amend, Map.of("f", "CATEGORY", "v", "NO_PROBLEM_FOUND")))
                .isEqualTo("INVALID_VALUE rectificationDeadline PUB-04");
        assertThat(graphQl(leader("HRSS-430100")).document("{ inspectionResult(inspectionId: \"" + inspectionId + "\") { category } }")
                .execute().path("inspectionResult.category").entity(String.class).get()).isEqualTo("PROBLEM_FOUND_RECTIFICATION_ORDERED");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void noProblemFoundIsNotPublishedWhileListedAndThePublicSeesOnlyPublishedResultsWithoutNamesFOLLOW04() {
        String inspectionId = inspection();
        String uscc = driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.uscc AS u").withParameters(Map.of("id", inspectionId))
                .execute().records().get(0).get("u").asString();
        String id = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "NO_PROBLEM_FOUND", "2026-11-02", null, null))).get("id");
        ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), "approveInspectionResult", Map.of());
        String listing = graphQl(officer("MS-430100")).document("mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }")
                .variable("in", Map.of("uscc", uscc, "type", "ABNORMAL_OPERATION_LIST", "issuingDepartmentId", "MS-430100",
                        "legalBasis", "《企业经营异常名录管理暂行办法》第四条", "reason", "未按期公示年报"))
                .execute().path("recordCreditListing.id").entity(String.class).get();
        assertThat(error(graphQl(officer("HRSS-430100")), step("publishInspectionResult", id), Map.of())).isEqualTo("CONFLICT id FOLLOW-04");
        String published = "{ publishedInspectionResults(uscc: \"" + uscc + "\") { uscc category inspectingDepartment publishedAt } }";
        assertThat(graphQl().document(published).execute().path("publishedInspectionResults").entityList(Map.class).get()).isEmpty();
        // Results before publication are not the public's, nor other departments'.
        graphQl().document("{ inspectionResult(inspectionId: \"" + inspectionId + "\") { id } }").execute().errors()
                .satisfy(errors -> assertThat(errors).anySatisfy(e -> assertThat(e.getExtensions().get("code")).isEqualTo("UNAUTHENTICATED")));
        graphQl(officer("HRSS-430102")).document("{ inspectionResult(inspectionId: \"" + inspectionId + "\") { id } }").execute()
                .path("inspectionResult").valueIsNull();

        graphQl(officer("MS-430100")).document("mutation { removeRestrictionTrigger(id: \"" + listing + "\", reason: \"已补报年报\") { id } }")
                .execute().path("removeRestrictionTrigger.id").entity(String.class).isEqualTo(listing);
        ok(graphQl(officer("HRSS-430100")), step("publishInspectionResult", id), "publishInspectionResult", Map.of());
        List<Map> seen = graphQl().document(published).execute().path("publishedInspectionResults").entityList(Map.class).get();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).containsEntry("category", "NO_PROBLEM_FOUND").containsEntry("inspectingDepartment", "HRSS-430100")
                .containsOnlyKeys("uscc", "category", "inspectingDepartment", "publishedAt");
    }

    @Test
    void aResultThatFoundASeriousViolationListsTheEnterpriseAndRestrictionChecksSeeItFOLLOW05() {
        String inspectionId = inspection();
        String uscc = driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.uscc AS u").withParameters(Map.of("id", inspectionId))
                .execute().records().get(0).get("u").asString();
        String id = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "PROBLEM_FOUND_PENDING_FOLLOW_UP", "2026-11-02", null, null))).get("id");
        String list = "mutation($t: RestrictionTriggerType!) { listFromInspectionResult(id: \"" + id + "\", type: $t,"
                + " legalBasis: \"《保障农民工工资支付条例》第四十八条\", reason: \"拒不支付农民工工资\") { id type uscc issuingDepartmentId } }";
        assertThat(error(graphQl(officer("HRSS-430100")), list, Map.of("t", "SERIOUS_VIOLATION_LIST"))).isEqualTo("ILLEGAL_TRANSITION id APPR-04");
        ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), "approveInspectionResult", Map.of());
        assertThat(error(graphQl(officer("HRSS-430100")), list, Map.of("t", "ADMINISTRATIVE_PENALTY"))).isEqualTo("INVALID_VALUE type FOLLOW-04");
        assertThat(error(graphQl(officer("HRSS-430102")), list, Map.of("t", "SERIOUS_VIOLATION_LIST"))).isEqualTo("FORBIDDEN id FOLLOW-04");
        Map<String, Object> listing = ok(graphQl(officer("HRSS-430100")), list, "listFromInspectionResult", Map.of("t", "SERIOUS_VIOLATION_LIST"));
        assertThat(listing).containsEntry("type", "SERIOUS_VIOLATION_LIST").containsEntry("uscc", uscc).containsEntry("issuingDepartmentId", "HRSS-430100");
        assertThat(graphQl(leader("HRSS-430100")).document("{ inspectionResult(inspectionId: \"" + inspectionId + "\") { listings { id } } }")
                .execute().path("inspectionResult.listings[*].id").entityList(String.class).get()).containsExactly((String) listing.get("id"));
        // The listing is a restriction trigger like any other: bidding is barred from now on.
        graphQl(as(org.supervisionhub.api.access.Role.PARTNER, "PARTNER-BIDDING-430000")).document(
                        "{ restrictionCheck(subject: {uscc: \"" + uscc + "\"}, domain: BIDDING_TENDERING, purpose: \"招标资格审查\") {"
                                + " restricted restrictions { trigger { id } } } }").execute()
                .path("restrictionCheck.restricted").entity(Boolean.class).isEqualTo(true)
                .path("restrictionCheck.restrictions[*].trigger.id").entityList(String.class).contains((String) listing.get("id"));
        // A result that found nothing lists nothing.
        String other = inspection();
        String clean = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(other, "NO_PROBLEM_FOUND", "2026-11-02", null, null))).get("id");
        ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", clean), "approveInspectionResult", Map.of());
        assertThat(error(graphQl(officer("HRSS-430100")), list.replace(id, clean), Map.of("t", "ABNORMAL_OPERATION_LIST")))
                .isEqualTo("CONFLICT id FOLLOW-04");
    }

    @Test
    void anOrderedCorrectionPastItsDeadlineIsOverdueUntilItIsRecordedOnceFOLLOW01FOLLOW02() {
        String inspectionId = inspection();
        String id = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "PROBLEM_FOUND_RECTIFICATION_ORDERED", "2026-09-01", "2026-10-09", null))).get("id");
        String overdue = "{ overdueRectifications(departmentId: \"HRSS-430100\") { id } }";
        // Not yet approved: nothing was ordered officially.
        assertThat(graphQl(leader("HRSS-430100")).document(overdue).execute().path("overdueRectifications[*].id").entityList(String.class).get())
                .doesNotContain(id);
        ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), "approveInspectionResult", Map.of());
        assertThat(graphQl(leader("HRSS-430100")).document(overdue).execute().path("overdueRectifications[*].id").entityList(String.class).get())
                .contains(id);
        String rectify = "mutation($on: Date!) { recordRectification(id: \"" + id + "\", rectifiedOn: $on, note: \"已补签劳动合同，经复查属实\") {"
                + " rectifiedOn rectificationNote } }";
        assertThat(error(graphQl(officer("HRSS-430100")), rectify, Map.of("on", "2099-01-01"))).isEqualTo("INVALID_VALUE rectifiedOn DATE-NOT-IN-FUTURE");
        assertThat(error(graphQl(officer("HRSS-430102")), rectify, Map.of("on", "2026-11-20"))).isEqualTo("FORBIDDEN id FOLLOW-01");
        assertThat(ok(graphQl(officer("HRSS-430100")), rectify, "recordRectification", Map.of("on", "2026-11-20")))
                .containsEntry("rectifiedOn", "2026-11-20");
        assertThat(error(graphQl(officer("HRSS-430100")), rectify, Map.of("on", "2026-11-21"))).isEqualTo("IMMUTABLE id FOLLOW-01");
        assertThat(graphQl(leader("HRSS-430100")).document(overdue).execute().path("overdueRectifications[*].id").entityList(String.class).get())
                .doesNotContain(id);
        // A result that ordered nothing has no correction to record.
        String other = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspection(), "REQUIRED_INFO_NOT_DISCLOSED", "2026-11-02", null, null))).get("id");
        ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", other), "approveInspectionResult", Map.of());
        assertThat(error(graphQl(officer("HRSS-430100")), rectify.replace(id, other), Map.of("on", "2026-11-20")))
                .isEqualTo("ILLEGAL_TRANSITION id FOLLOW-01");
    }
}
