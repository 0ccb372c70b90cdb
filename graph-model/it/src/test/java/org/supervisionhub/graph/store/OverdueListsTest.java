package org.supervisionhub.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.archive.BorrowingStatus;
import org.supervisionhub.domain.archive.Consent;
import org.supervisionhub.domain.archive.Loan;
import org.supervisionhub.domain.archive.ReturnCondition;
import org.supervisionhub.domain.followup.CaseStatus;
import org.supervisionhub.domain.followup.PenaltyProcedure;
import org.supervisionhub.domain.inspection.Delegation;
import org.supervisionhub.domain.inspection.InspectionResult;
import org.supervisionhub.domain.inspection.Overdue;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultContent;
import org.supervisionhub.domain.inspection.ResultStatus;
import org.supervisionhub.graph.archive.ArchiveRepository;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.graph.archive.Archives.Borrowing;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;
import org.supervisionhub.graph.followup.FollowUpRepository;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.followup.FollowUps.PenaltyDecision;
import org.supervisionhub.graph.inspection.ResultRepository;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.inspection.Results.ProposedResult;

/**
 * The overdue lists' Cypher against the domain's rules, on a real Neo4j: records on both sides of every boundary (due
 * today, due yesterday, a Friday deadline seen on the weekend and on Monday, a deadline on the eve of the National Day
 * holidays seen during them), and for each day the list the query returns is exactly the records the domain rule calls
 * overdue, in the list's order. The deadlines themselves are working days (PUB-03, PUB-04, PUB-06, computed with the
 * holiday calendar when set); overdue runs from the calendar day after, weekend or holiday alike.
 */
class OverdueListsTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static final String DEPARTMENT = "HRSS-370202";
    static final String OTHER = "HRSS-370203";
    static final OffsetDateTime NOW = OffsetDateTime.of(2027, 5, 20, 2, 0, 0, 0, ZoneOffset.UTC);
    /** A Friday, and the Thursday before the National Day holidays (1-7 October 2027). */
    static final LocalDate FRIDAY = LocalDate.of(2027, 6, 4);
    static final LocalDate HOLIDAY_EVE = LocalDate.of(2027, 9, 30);
    static final List<LocalDate> DAYS = List.of(FRIDAY.minusDays(1), FRIDAY, FRIDAY.plusDays(1), FRIDAY.plusDays(2), FRIDAY.plusDays(3),
            FRIDAY.plusDays(4), HOLIDAY_EVE, HOLIDAY_EVE.plusDays(1), HOLIDAY_EVE.plusDays(7), HOLIDAY_EVE.plusDays(8));

    static ResultRepository results;
    static ArchiveRepository archives;
    static FollowUpRepository followUps;
    static final List<String> resultIds = new ArrayList<>();
    static final List<String> loanIds = new ArrayList<>();
    static final List<String> penaltyIds = new ArrayList<>();
    /** The tasks as the domain reads them: whether active, the window's end, and their inspections. */
    record TaskFixture(String id, String department, boolean active, LocalDate windowEnd, List<Overdue.TaskInspection> inspections) {
    }
    static final List<TaskFixture> tasks = new ArrayList<>();

    static <T> T done(Outcome<T> o) {
        return o.orElseThrow(vs -> new IllegalStateException("refused: " + vs));
    }

    @BeforeAll
    static void records() {
        Neo4jClient client = Neo4jClient.create(graph.driver());
        results = new ResultRepository(client);
        archives = new ArchiveRepository(client);
        followUps = new FollowUpRepository(client);
        assertThat(FRIDAY.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(HOLIDAY_EVE.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);

        // PUB-03, PUB-04: publication deadlines, set at approval.
        result("P-FRI", DEPARTMENT, ResultCategory.NO_PROBLEM_FOUND, null, FRIDAY, false);
        result("P-MON", DEPARTMENT, ResultCategory.NO_PROBLEM_FOUND, null, FRIDAY.plusDays(3), false);
        result("P-EVE", DEPARTMENT, ResultCategory.REQUIRED_INFO_NOT_DISCLOSED, null, HOLIDAY_EVE, false);
        result("P-PUB", DEPARTMENT, ResultCategory.NO_PROBLEM_FOUND, null, FRIDAY.minusDays(7), true);
        Result withheld = result("P-WH", DEPARTMENT, ResultCategory.NO_PROBLEM_FOUND, null, FRIDAY.minusDays(1), true);
        results.withhold(ResultStatus.PUBLISHED, done(withheld.lifecycle(false).withhold()), "涉密", "leader", DEPARTMENT, NOW);
        result("P-PROPOSED", DEPARTMENT, ResultCategory.NO_PROBLEM_FOUND, null, null, false);
        result("P-ELSEWHERE", OTHER, ResultCategory.NO_PROBLEM_FOUND, null, FRIDAY.minusDays(7), false);
        // FOLLOW-02: ordered corrections.
        result("R-FRI", DEPARTMENT, ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, FRIDAY, FRIDAY.plusDays(20), false);
        result("R-FRI-PUB", DEPARTMENT, ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, FRIDAY, FRIDAY.plusDays(20), true);
        result("R-EVE", DEPARTMENT, ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, HOLIDAY_EVE, HOLIDAY_EVE.plusDays(20), false);
        Result corrected = result("R-DONE", DEPARTMENT, ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, FRIDAY.minusDays(1),
                FRIDAY.plusDays(20), false);
        results.rectified(ResultStatus.APPROVED, done(corrected.lifecycle(false).recordRectification(FRIDAY.minusDays(2))), "已整改", "officer", NOW);
        result("R-PROPOSED", DEPARTMENT, ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, FRIDAY.minusDays(5), null, false);

        // Loans of a file of the department.
        archives.create(new ArchiveFile("ARC-INS-P-FRI", "INS-P-FRI", "91370202MA3C00001X", DEPARTMENT, NOW.toLocalDate(), NOW.toLocalDate().plusYears(3),
                List.of(), "archivist", NOW));
        Loan fri = lent("L-FRI", FRIDAY);
        lent("L-EVE", HOLIDAY_EVE);
        requested("L-REQ", FRIDAY.minusDays(3));
        Loan back = lent("L-BACK", FRIDAY.minusDays(3));
        archives.returned(BorrowingStatus.LENT, done(back.giveBack(FRIDAY.minusDays(4), ReturnCondition.INTACT, null, FRIDAY)), null, "archivist");
        Loan refused = requested("L-REFUSED", FRIDAY.minusDays(3));
        archives.refuse(BorrowingStatus.REQUESTED, done(refused.refuse()), "leader", "不予借阅");
        assertThat(fri.status()).isEqualTo(BorrowingStatus.LENT);

        // PUB-06: penalty decisions of a case.
        followUps.create(new EnforcementCase("CASE-O", "RES-INS-R-FRI", "91370202MA3C00001X", DEPARTMENT, "立1号", NOW.toLocalDate(), "涉嫌",
                CaseStatus.OPEN, null, null, null, "officer", NOW));
        penalty("PEN-FRI", FRIDAY, PenaltyProcedure.GENERAL);
        penalty("PEN-EVE", HOLIDAY_EVE, PenaltyProcedure.GENERAL);
        penalty("PEN-SIMPLE", null, PenaltyProcedure.SIMPLE);
        penalty("PEN-PUB", FRIDAY.minusDays(3), PenaltyProcedure.GENERAL);
        followUps.publishPenalty("PEN-PUB", "officer", NOW);

        // PLAN-06: tasks past their window, with inspections concluded or not by an approved result.
        Overdue.TaskInspection open = new Overdue.TaskInspection(true, null);
        Overdue.TaskInspection proposed = new Overdue.TaskInspection(true, ResultStatus.PROPOSED);
        Overdue.TaskInspection approved = new Overdue.TaskInspection(true, ResultStatus.APPROVED);
        Overdue.TaskInspection published = new Overdue.TaskInspection(true, ResultStatus.PUBLISHED);
        Overdue.TaskInspection replaced = new Overdue.TaskInspection(false, null);
        task("T-FRI", DEPARTMENT, true, FRIDAY, List.of(open, proposed, approved, replaced));
        task("T-EVE", DEPARTMENT, true, HOLIDAY_EVE, List.of(open));
        task("T-DONE", DEPARTMENT, true, FRIDAY.minusDays(1), List.of(approved, published, replaced));
        task("T-MERGED", DEPARTMENT, false, FRIDAY.minusDays(1), List.of(open));
        task("T-NOWINDOW", DEPARTMENT, true, null, List.of(open));
        task("T-ELSEWHERE", OTHER, true, FRIDAY.minusDays(1), List.of(open));
    }

    /** A task of the department with its inspections, each with a result of the given status (none where null). */
    static void task(String id, String department, boolean active, LocalDate windowEnd, List<Overdue.TaskInspection> inspections) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", id);
        p.put("department", department);
        p.put("status", active ? "ACTIVE" : "MERGED");
        p.put("windowEnd", windowEnd);
        graph.driver().executableQuery("CREATE (:SamplingTask {id: $id, title: $id, departmentId: $department, status: $status, windowEnd: $windowEnd})")
                .withParameters(p).execute();
        for (int i = 0; i < inspections.size(); i++) {
            Overdue.TaskInspection in = inspections.get(i);
            Map<String, Object> q = new java.util.HashMap<>();
            q.put("id", id + "-I" + i);
            q.put("task", id);
            q.put("status", in.active() ? "ACTIVE" : "REPLACED");
            q.put("result", in.result() == null ? null : in.result().name());
            graph.driver().executableQuery("CREATE (:Inspection {id: $id, taskId: $task, status: $status})"
                    + " FOREACH (s IN CASE WHEN $result IS NULL THEN [] ELSE [$result] END |"
                    + " CREATE (:InspectionResult {id: 'RES-' + $id, inspectionId: $id, status: s}))").withParameters(q).execute();
        }
        tasks.add(new TaskFixture(id, department, active, windowEnd, inspections));
    }

    /** A result of a new inspection, proposed; approved with {@code publishBy} unless that is null; published if asked. */
    static Result result(String n, String department, ResultCategory category, LocalDate rectificationDeadline, LocalDate publishBy, boolean publish) {
        graph.driver().executableQuery("CREATE (:Inspection {id: $id})").withParameters(Map.of("id", "INS-" + n)).execute();
        String id = "RES-INS-" + n;
        results.create(new ProposedResult(id, "INS-" + n, "91370202MA3C00001X", department, department, Delegation.NONE,
                new ResultContent(category, "事实", NOW.toLocalDate().minusDays(3), rectificationDeadline), "officer", NOW));
        if (publishBy != null) {
            results.approve(id, ResultStatus.PROPOSED, "leader", NOW, department, null, publishBy, DeadlineBasis.CALENDAR, NOW.toLocalDate(), 20);
        }
        if (publish) {
            results.publish(id, ResultStatus.APPROVED, "officer", NOW, null);
        }
        if (department.equals(DEPARTMENT)) {
            resultIds.add(id);
        }
        return results.byId(List.of(id)).get(id);
    }

    static Loan requested(String id, LocalDate dueOn) {
        archives.create(new Borrowing(id, "ARC-INS-P-FRI", "张三", "HRSS-430100", "复查", dueOn, BorrowingStatus.REQUESTED, "officer", NOW, null, null,
                null, null, null, null, null, null, null, null), DEPARTMENT);
        loanIds.add(id);
        return archives.lockBorrowing(id).orElseThrow().lifecycle();
    }

    /** Requested, then consented by the two (ARCH-09) through the domain. */
    static Loan lent(String id, LocalDate dueOn) {
        Loan once = done(requested(id, dueOn).consent(Consent.DEPARTMENT_HEAD, "head"));
        archives.consent(BorrowingStatus.REQUESTED, once, Consent.DEPARTMENT_HEAD, "head", NOW);
        Loan lent = done(once.consent(Consent.LEADER_IN_CHARGE, "leader"));
        archives.consent(BorrowingStatus.REQUESTED, lent, Consent.LEADER_IN_CHARGE, "leader", NOW);
        return archives.lockBorrowing(id).orElseThrow().lifecycle();
    }

    static void penalty(String id, LocalDate publishBy, PenaltyProcedure procedure) {
        followUps.create(new PenaltyDecision(id, "CASE-O", "91370202MA3C00001X", DEPARTMENT, id + "号", NOW.toLocalDate(), procedure, "罚款",
                publishBy, null, null, "officer", NOW, publishBy == null ? null : DeadlineBasis.CALENDAR, publishBy == null ? null : 7));
        penaltyIds.add(id);
    }

    @Test
    void theUnpublishedResultsListIsWhatTheDomainCallsOverduePUB03_PUB04() {
        List<Result> all = List.copyOf(results.byId(resultIds).values());
        for (LocalDate today : DAYS) {
            List<String> expected = all.stream().filter(r -> Overdue.publication(r.status(), r.publishBy(), today))
                    .sorted(Comparator.comparing(Result::publishBy).thenComparing(Result::id)).map(Result::id).toList();
            assertThat(results.overdue(Set.of(DEPARTMENT), today)).as("on " + today).extracting(Result::id).containsExactlyElementsOf(expected);
        }
        assertThat(ids(results.overdue(Set.of(DEPARTMENT), FRIDAY))).as("due today").doesNotContain("RES-INS-P-FRI");
        assertThat(ids(results.overdue(Set.of(DEPARTMENT), FRIDAY.plusDays(1)))).as("the Saturday after").contains("RES-INS-P-FRI")
                .doesNotContain("RES-INS-P-MON", "RES-INS-P-PUB", "RES-INS-P-WH", "RES-INS-P-PROPOSED", "RES-INS-P-ELSEWHERE");
        assertThat(ids(results.overdue(Set.of(DEPARTMENT), HOLIDAY_EVE.plusDays(1)))).as("a holiday").contains("RES-INS-P-EVE");
    }

    @Test
    void theOverdueCorrectionsListIsWhatTheDomainCallsOverdueFOLLOW02() {
        List<Result> all = List.copyOf(results.byId(resultIds).values());
        for (LocalDate today : DAYS) {
            List<String> expected = all.stream().filter(r -> Overdue.rectification(r.status(), r.rectificationDeadline(), r.rectifiedOn(), today))
                    .sorted(Comparator.comparing(Result::rectificationDeadline).thenComparing(Result::id)).map(Result::id).toList();
            assertThat(results.overdueRectifications(Set.of(DEPARTMENT), today)).as("on " + today).extracting(Result::id)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(ids(results.overdueRectifications(Set.of(DEPARTMENT), FRIDAY))).isEmpty();
        assertThat(ids(results.overdueRectifications(Set.of(DEPARTMENT), FRIDAY.plusDays(1)))).containsExactly("RES-INS-R-FRI", "RES-INS-R-FRI-PUB");
    }

    @Test
    void theOverdueLoansListIsWhatTheDomainCallsOverdue() {
        List<Borrowing> all = loanIds.stream().map(id -> archives.lockBorrowing(id).orElseThrow()).toList();
        for (LocalDate today : DAYS) {
            List<String> expected = all.stream().filter(b -> b.lifecycle().overdueOn(today))
                    .sorted(Comparator.comparing(Borrowing::dueOn).thenComparing(Borrowing::id)).map(Borrowing::id).toList();
            assertThat(archives.overdueLoans(Set.of(DEPARTMENT), today)).as("on " + today).extracting(Borrowing::id).containsExactlyElementsOf(expected);
        }
        assertThat(archives.overdueLoans(Set.of(DEPARTMENT), FRIDAY)).isEmpty();
        assertThat(archives.overdueLoans(Set.of(DEPARTMENT), FRIDAY.plusDays(1))).extracting(Borrowing::id).containsExactly("L-FRI");
        assertThat(archives.overdueLoans(Set.of(OTHER), FRIDAY.plusDays(1))).isEmpty();
    }

    @Test
    void theOverduePenaltyDecisionsListIsWhatTheDomainCallsOverduePUB06() {
        List<PenaltyDecision> all = penaltyIds.stream().map(id -> followUps.lockPenalty(id).orElseThrow()).toList();
        for (LocalDate today : DAYS) {
            List<String> expected = all.stream().filter(d -> d.lifecycle().overdueOn(d.publishBy(), today))
                    .sorted(Comparator.comparing(PenaltyDecision::publishBy).thenComparing(PenaltyDecision::id)).map(PenaltyDecision::id).toList();
            assertThat(followUps.overduePenalties(Set.of(DEPARTMENT), today)).as("on " + today).extracting(PenaltyDecision::id)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(followUps.overduePenalties(Set.of(DEPARTMENT), HOLIDAY_EVE)).extracting(PenaltyDecision::id).containsExactly("PEN-FRI");
        assertThat(followUps.overduePenalties(Set.of(DEPARTMENT), HOLIDAY_EVE.plusDays(1))).extracting(PenaltyDecision::id)
                .containsExactly("PEN-FRI", "PEN-EVE");
    }

    @Test
    void theOverdueTasksListIsWhatTheDomainCallsOverduePLAN06() {
        for (LocalDate today : DAYS) {
            List<String> expected = tasks.stream().filter(t -> t.department().equals(DEPARTMENT))
                    .filter(t -> Overdue.openInspections(t.active(), t.windowEnd(), t.inspections(), today) > 0)
                    .sorted(Comparator.comparing(TaskFixture::windowEnd).thenComparing(TaskFixture::id))
                    .map(t -> t.id() + "/" + Overdue.openInspections(t.active(), t.windowEnd(), t.inspections(), today)).toList();
            assertThat(results.overdueTasks(Set.of(DEPARTMENT), today)).as("on " + today).extracting(t -> t.taskId() + "/" + t.openInspections())
                    .containsExactlyElementsOf(expected);
        }
        assertThat(results.overdueTasks(Set.of(DEPARTMENT), FRIDAY)).as("the window ends today").isEmpty();
        assertThat(results.overdueTasks(Set.of(DEPARTMENT), FRIDAY.plusDays(1))).extracting(t -> t.taskId() + "/" + t.openInspections())
                .containsExactly("T-FRI/2");
        assertThat(results.overdueTasks(Set.of(DEPARTMENT), HOLIDAY_EVE.plusDays(1))).extracting(t -> t.taskId() + "/" + t.openInspections())
                .containsExactly("T-FRI/2", "T-EVE/1");
    }

    static List<String> ids(List<Result> rs) {
        return rs.stream().map(Result::id).toList();
    }
}
