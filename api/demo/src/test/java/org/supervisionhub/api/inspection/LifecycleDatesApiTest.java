package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.api.inspection.InspectionFixtures.error;
import static org.supervisionhub.api.inspection.InspectionFixtures.input;
import static org.supervisionhub.api.inspection.InspectionFixtures.ok;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

/**
 * Dates that agree with each other (LifecycleDates), through the API: records and results outside the task's window or
 * before the notified visit, results ending before their record started, publication before the result's own date or
 * the window, notices on another day than the inspectors were assigned for, feedback before approval, a case closed
 * before its penalty decision, non-cooperation and evidence outside the window. Bad input changes nothing.
 */
class LifecycleDatesApiTest extends HubIntegrationTest {

    static final String D = "HRSS-430100";
    static final String PROPOSE = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { id } }";
    static final String RECORD = "mutation($in: InspectionRecordInput!) { recordInspection(input: $in) { id } }";

    @Autowired
    Driver driver;

    /**
     * Mid-July: the windows below (a quarter back to a month on; half a year back to a month back) each lie in one plan
     * year, as PLAN-17 has every task's window. 2027, so that the window two years on (2029) is in a year of D's no other
     * test plans in (SamplingApiTest's DRAW-13 test creates D's plan for 2028).
     */
    static final OffsetDateTime TODAY = OffsetDateTime.parse("2027-07-15T10:00:00+08:00");

    @BeforeEach
    void setClock() {
        clockForThisTest(TODAY);
    }

    LocalDate today() {
        return clock.today();
    }

    /** An inspection of D, drawn through the API, under a task whose window is [from, to]. */
    String inspection(LocalDate from, LocalDate to) {
        return InspectionFixtures.inspection(this::graphQl, clock, driver, D, from, to);
    }

    void cypher(String query, Map<String, Object> params) {
        driver.executableQuery(query).withParameters(params).execute();
    }

    /**
     * Inspectors assigned for the day of {@code visitAt} and a notice announcing it, both three days before the visit
     * (NOTICE-01: the team first; NOTICE-05: a market subject is told at least 24 hours ahead).
     */
    void notified(String inspectionId, OffsetDateTime visitAt) {
        String drawId = driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.drawId AS d").withParameters(Map.of("id", inspectionId))
                .execute().records().get(0).get("d").asString();
        clock.runAt(visitAt.minusDays(3), () -> {
            ok(graphQl(officer(D)), "mutation($d: ID!, $on: Date!) { assignInspectors(drawId: $d, departmentId: \"" + D + "\", plannedOn: $on) { flagged } }",
                    "assignInspectors", Map.of("d", drawId, "on", visitAt.toLocalDate().toString()));
            ok(graphQl(officer(D)), "mutation($in: InspectionNoticeInput!) { issueInspectionNotice(input: $in) { id } }", "issueInspectionNotice",
                    Map.of("in", Map.of("inspectionId", inspectionId, "visitAt", visitAt.toString(), "delivery", "POST", "materials", List.of("劳动合同"),
                            "cooperation", "请负责人在场", "contact", "0731-00000000")));
        });
    }

    /** The inspectors assigned to the inspection, with their certificates, as present on site. */
    List<Map<String, Object>> team(String inspectionId) {
        return driver.executableQuery("""
                MATCH (:Inspection {id: $id})-[a:ASSIGNED]->(p:Inspector) WHERE a.droppedAt IS NULL WITH p ORDER BY a.position
                RETURN p.inspectorId AS inspectorId, p.certificateNo AS certificateNo""").withParameters(Map.of("id", inspectionId))
                .execute().records().stream().map(r -> (Map<String, Object>) new LinkedHashMap<String, Object>(r.asMap())).toList();
    }

    Map<String, Object> record(String inspectionId, OffsetDateTime conductedAt, List<Map<String, Object>> present) {
        String item = driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.itemCodes[0] AS item").withParameters(Map.of("id", inspectionId))
                .execute().records().get(0).get("item").asString();
        return new LinkedHashMap<>(Map.of("inspectionId", inspectionId, "conductedAt", conductedAt.toString(),
                "findings", List.of(Map.of("itemCode", item, "facts", "抽查劳动合同10份")), "present", present, "signedBy", "张三",
                "signerRole", "LEGAL_REPRESENTATIVE"));
    }

    String propose(String inspectionId, LocalDate endedOn, String category) {
        return (String) ok(graphQl(officer(D)), PROPOSE, "proposeInspectionResult", Map.of("in", input(inspectionId, category, endedOn.toString(), null, null)))
                .get("id");
    }

    boolean hasResult(String inspectionId) {
        return !driver.executableQuery("MATCH (r:InspectionResult {inspectionId: $id}) RETURN r.id").withParameters(Map.of("id", inspectionId))
                .execute().records().isEmpty();
    }

    @Test
    void recordsAndResultsOutsideTheTasksWindowAreRefusedAndNothingIsWrittenPLAN17() {
        // The issue: a window that opens in a later year; a record and a result dated now.
        String later = inspection(today().plusYears(2), today().plusYears(2).withMonth(12).withDayOfMonth(31));
        Map<String, Object> in = record(later, clock.now().minusHours(2), List.of());
        assertThat(error(graphQl(officer(D)), RECORD, Map.of("in", in))).isEqualTo("INVALID_VALUE input.conductedAt PLAN-17");
        assertThat(error(graphQl(officer(D)), PROPOSE, Map.of("in", input(later, "NO_PROBLEM_FOUND", today().minusDays(1).toString(), null, null))))
                .isEqualTo("INVALID_VALUE input.endedOn PLAN-17");
        // A window that closed a month ago.
        String closed = inspection(today().minusMonths(6), today().minusMonths(1));
        assertThat(error(graphQl(officer(D)), PROPOSE, Map.of("in", input(closed, "NO_PROBLEM_FOUND", today().minusDays(1).toString(), null, null))))
                .isEqualTo("INVALID_VALUE input.endedOn PLAN-17");
        assertThat(hasResult(later) || hasResult(closed)).isFalse();
        assertThat(driver.executableQuery("MATCH (x:InspectionRecord {inspectionId: $id}) RETURN x").withParameters(Map.of("id", later)).execute()
                .records()).isEmpty();
        // Non-cooperation and evidence belong to the window too.
        String noncoop = "mutation($in: NonCooperationInput!) { recordNonCooperation(input: $in) { id } }";
        assertThat(error(graphQl(officer(D)), noncoop, Map.of("in", Map.of("inspectionId", later, "circumstances", List.of("REFUSED_ENTRY"),
                "description", "拒绝进入", "occurredOn", today().minusDays(1).toString(), "evidenceIds", List.of()))))
                .isEqualTo("INVALID_VALUE input.occurredOn PLAN-17");
        String evidence = "mutation($in: EvidenceInput!) { recordEvidence(input: $in) { id } }";
        assertThat(error(graphQl(officer(D)), evidence, Map.of("in", Map.of("inspectionId", later, "sha256", "a".repeat(64), "type", "OTHER",
                "method", "ON_SITE", "description", "照片", "supports", "结论")))).isEqualTo("INVALID_VALUE input.inspectionId PLAN-17");
    }

    @Test
    void recordsAndResultsBeforeTheNotifiedVisitAndResultsEndingBeforeTheirRecordStartedAreRefusedNOTICE06_ENDNOTBEFORESTART() {
        String id = inspection(today().minusMonths(3), today().plusMonths(1));
        notified(id, clock.now().minusDays(5));
        List<Map<String, Object>> present = team(id);
        assertThat(error(graphQl(officer(D)), RECORD, Map.of("in", record(id, clock.now().minusDays(8), present))))
                .isEqualTo("INVALID_VALUE input.conductedAt NOTICE-06");
        assertThat(error(graphQl(officer(D)), PROPOSE, Map.of("in", input(id, "NO_PROBLEM_FOUND", today().minusDays(8).toString(), null, null))))
                .isEqualTo("INVALID_VALUE input.endedOn NOTICE-06");
        ok(graphQl(officer(D)), RECORD, "recordInspection", Map.of("in", record(id, clock.now().minusDays(2), present)));
        assertThat(error(graphQl(officer(D)), PROPOSE, Map.of("in", input(id, "NO_PROBLEM_FOUND", today().minusDays(3).toString(), null, null))))
                .isEqualTo("INVALID_VALUE input.endedOn END-NOT-BEFORE-START");
        assertThat(hasResult(id)).isFalse();
        propose(id, today().minusDays(1), "NO_PROBLEM_FOUND");
    }

    @Test
    void approvalAndPublicationAreNotBeforeTheResultsOwnDateNorTheWindowAndFeedbackNotBeforeApprovalPUB03_PLAN17_PUB09() {
        String id = inspection(today().minusMonths(3), today().plusMonths(1));
        String result = propose(id, today().minusDays(1), "NO_PROBLEM_FOUND");
        String approve = "mutation { approveInspectionResult(id: \"" + result + "\") { status } }";
        String publish = "mutation { publishInspectionResult(id: \"" + result + "\") { status } }";
        // Tokens are minted at the clock's time, and checked on it: callers get theirs after the clock is set back.
        Instant now = clock.instant();
        try {
            clock.set(now.minus(Duration.ofDays(3)));
            assertThat(error(graphQl(leader(D)), approve, Map.of())).isEqualTo("INVALID_VALUE id APPROVAL-NOT-BEFORE-RESULT");
        } finally {
            clock.set(now);
        }
        ok(graphQl(leader(D)), approve, "approveInspectionResult", Map.of());
        // PUB-09: the result fed back is the approved one: not before its approval.
        String feedback = "mutation { recordResultFeedback(id: \"" + result + "\", channel: WRITTEN, givenOn: \"" + today().minusDays(1) + "\") { id } }";
        assertThat(error(graphQl(officer(D)), feedback, Map.of())).isEqualTo("INVALID_VALUE givenOn PUB-09");
        try {
            clock.set(clock.instant().minus(Duration.ofDays(3)));
            assertThat(error(graphQl(officer(D)), publish, Map.of())).isEqualTo("INVALID_VALUE id PUB-03");
        } finally {
            clock.set(now);
        }
        // A result accepted before these checks, on a task whose window has since moved to a later year: not published before it opens.
        // Written with Cypher on purpose: the domain cannot move a drawn task's window (IMMUTABLE, DRAW-01); this is data from before.
        cypher("MATCH (i:Inspection {id: $id}) MATCH (t:SamplingTask {id: i.taskId}) SET t.windowStart = $from, t.windowEnd = $to",
                Map.of("id", id, "from", today().plusYears(2), "to", today().plusYears(2).plusMonths(6)));
        assertThat(error(graphQl(officer(D)), publish, Map.of())).isEqualTo("INVALID_VALUE id PLAN-17");
        assertThat(driver.executableQuery("MATCH (r:InspectionResult {id: $id}) RETURN r.status AS s").withParameters(Map.of("id", result)).execute()
                .records().get(0).get("s").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aCaseIsNotClosedBeforeItsPenaltyDecisionFOLLOW10() {
        String id = inspection(today().minusMonths(3), today().plusMonths(1));
        String result = propose(id, today().minusDays(10), "PROBLEM_FOUND_PENDING_FOLLOW_UP");
        ok(graphQl(leader(D)), "mutation { approveInspectionResult(id: \"" + result + "\") { id } }", "approveInspectionResult", Map.of());
        String caseId = (String) ok(graphQl(officer(D)), "mutation($in: CaseInput!) { openCase(input: $in) { id } }", "openCase",
                Map.of("in", Map.of("resultId", result, "caseNumber", "长人社立" + nextKey(), "openedOn", today().minusDays(8).toString(),
                        "summary", "涉嫌克扣工资"))).get("id");
        ok(graphQl(leader(D)), "mutation($in: PenaltyDecisionInput!) { recordPenaltyDecision(input: $in) { id } }", "recordPenaltyDecision",
                Map.of("in", Map.of("caseId", caseId, "decisionNumber", "长人社罚" + nextKey(), "decidedOn", today().minusDays(3).toString(),
                        "procedure", "GENERAL", "content", "罚款")));
        String close = "mutation { closeCase(id: \"" + caseId + "\", closedOn: \"%s\", outcome: PENALTY_IMPOSED, note: \"已处罚\") { status } }";
        assertThat(error(graphQl(officer(D)), close.formatted(today().minusDays(5)), Map.of())).isEqualTo("INVALID_VALUE closedOn FOLLOW-10");
        assertThat(ok(graphQl(officer(D)), close.formatted(today()), "closeCase", Map.of())).containsEntry("status", "CLOSED");
    }
}
