package org.supervisionhub.graph.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;
import org.supervisionhub.graph.inspection.Results.Amendment;
import org.supervisionhub.graph.inspection.Results.ProposedResult;
import org.supervisionhub.domain.inspection.Delegation;
import org.supervisionhub.domain.inspection.InspectionResult;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultStatus;
import org.supervisionhub.graph.publicsite.PublicSiteRepository;
import org.supervisionhub.graph.store.Guarded;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * {@code InspectionResult} nodes ({@code (:InspectionResult)-[:OF]->(:Inspection)}, one per inspection) and their
 * {@code ResultAmendment}s. State changes go through {@link #lock} first, in the caller's transaction.
 */
public class ResultRepository {

    static final String CREATE = "MATCH (i:Inspection {id: $r.inspectionId})"
            + " CREATE (r:InspectionResult {id: $r.id, inspectionId: $r.inspectionId, uscc: $r.uscc,"
            + " inspectingDepartment: $r.inspectingDepartment, drawingDepartment: $r.drawingDepartment, delegation: $r.delegation,"
            + " category: $r.category, facts: $r.facts, endedOn: $r.endedOn, rectificationDeadline: $r.rectificationDeadline,"
            + " status: 'PROPOSED', proposedBy: $r.proposedBy, proposedAt: $r.proposedAt, amendments: 0})-[:OF]->(i)";
    /**
     * Every status change writes the state the domain's {@code InspectionResult} decided on, and only over the state it decided
     * from: a statement that finds the result in another state changes nothing and the change fails (see {@link #transition}).
     */
    static final String GUARD = "MATCH (r:InspectionResult {id: $id}) WHERE r.status = $from";
    static final String LOCK = "MATCH (r:InspectionResult {id: $id}) SET r.lock = true REMOVE r.lock RETURN r {.*} AS row";
    static final String REPROPOSE = GUARD + " SET r.category = $category, r.facts = $facts,"
            + " r.endedOn = $endedOn, r.rectificationDeadline = $rectificationDeadline, r.proposedBy = $actor, r.proposedAt = $at,"
            + " r.status = 'PROPOSED', r.reviewedBy = null, r.reviewedAt = null";
    static final String RETURN = GUARD + " SET r.status = 'RETURNED', r.returnedBy = $actor, r.returnedAt = $at,"
            + " r.returnReason = $reason, r.reviewedBy = null, r.reviewedAt = null";
    static final String REVIEW = GUARD + " SET r.status = 'REVIEWED', r.reviewedBy = $actor, r.reviewedAt = $at";
    static final String APPROVE = GUARD + " SET r.status = 'APPROVED', r.approvedBy = $actor,"
            + " r.approvedAt = $at, r.approvingDepartment = $department, r.filedWith = $filedWith, r.publishBy = $publishBy,"
            + " r.publishByBasis = $publishByBasis, r.publishByFrom = $publishByFrom, r.publishByWorkingDays = $publishByWorkingDays";
    /** Publishing also keeps the enterprise's name on the result, for the public name search (see {@link PublicSiteRepository#SEARCH_NAME}). */
    static final String PUBLISH = GUARD + " SET r.status = 'PUBLISHED', r.publishedBy = $actor, r.publishedAt = $at,"
            + " r.publicUntil = $publicUntil, r.enterpriseName = COLLECT { MATCH (e:Enterprise {uscc: r.uscc}) RETURN e.name }[0]";
    /*
     * The changes that keep the status are guarded the same way, and by what the domain decided from besides: feedback
     * and a correction are recorded once (PUB-09, FOLLOW-01), a result is withheld once (PUB-11), and an amendment is
     * written over the amendments the result had (ARCH-05), so two decided from the same state do not both pass.
     */
    /** PUB-12: a corrected publication after an upheld objection; a public period starts again. */
    static final String REPUBLISH = GUARD + " SET r.correctedAt = $at, r.publicUntil = $publicUntil";
    static final String FEEDBACK = GUARD + " AND r.feedbackOn IS NULL SET r.feedbackChannel = $channel, r.feedbackOn = $on,"
            + " r.feedbackNote = $note, r.feedbackBy = $actor, r.feedbackRecordedAt = $at";
    static final String AMEND = GUARD + " AND coalesce(r.amendments, 0) = $number - 1 SET r.amendments = $number, r += $changes"
            + " CREATE (r)-[:AMENDED]->(:ResultAmendment {number: $number, at: $at, field: $field, before: $before,"
            + " after: $after, reason: $reason, handler: $handler, approver: $approver})";
    static final String RECTIFIED = GUARD + " AND r.rectifiedOn IS NULL SET r.rectifiedOn = $on, r.rectificationNote = $note,"
            + " r.rectificationRecordedBy = $actor, r.rectificationRecordedAt = $at";
    /** FOLLOW-02: ordered corrections past their deadline with no correction recorded (the domain's {@code Overdue.rectification}). */
    static final String OVERDUE_RECTIFICATIONS = "MATCH (r:InspectionResult) WHERE r.inspectingDepartment IN $departments"
            + " AND r.rectificationDeadline < $today AND r.rectifiedOn IS NULL AND r.status IN ['APPROVED', 'PUBLISHED']"
            + " RETURN r {.*} AS row ORDER BY r.rectificationDeadline, r.id";
    static final String BY_ID = "MATCH (r:InspectionResult) WHERE r.id IN $ids RETURN r {.*} AS row";
    static final String AMENDMENTS = "UNWIND $ids AS id MATCH (:InspectionResult {id: id})-[:AMENDED]->(a:ResultAmendment)"
            + " RETURN id AS key, a {.*, resultId: id} AS row ORDER BY id, a.number";
    /** PUB-03, PUB-04: approved results not published by {@code publishBy} (set at approval; the domain's {@code Overdue.publication}). */
    static final String OVERDUE = "MATCH (r:InspectionResult) WHERE r.inspectingDepartment IN $departments AND r.status <> 'PUBLISHED'"
            + " AND r.publishBy IS NOT NULL AND r.publishBy < $today RETURN r {.*} AS row ORDER BY r.publishBy, r.id";
    /**
     * PLAN-06: active tasks of the departments whose window ended before today with active inspections lacking an approved
     * result (the domain's {@code Overdue.openInspections}).
     */
    static final String OVERDUE_TASKS = "MATCH (t:SamplingTask {status: 'ACTIVE'}) WHERE t.departmentId IN $departments AND t.windowEnd < $today"
            + " WITH t, COUNT { MATCH (i:Inspection {taskId: t.id}) WHERE i.status = 'ACTIVE' AND NOT EXISTS {"
            + " MATCH (r:InspectionResult {inspectionId: i.id}) WHERE r.status IN ['APPROVED', 'PUBLISHED'] } } AS open WHERE open > 0"
            + " RETURN t {taskId: t.id, .title, .departmentId, .windowEnd, open: open} AS row ORDER BY t.windowEnd, t.id";
    /** PUB-11: a result withheld as unsuitable for disclosure is no longer shown to the public. */
    static final String PUBLISHED_OF = "UNWIND $usccs AS uscc MATCH (r:InspectionResult {uscc: uscc}) WHERE r.status = 'PUBLISHED' AND r.withheldAt IS NULL"
            + " RETURN uscc AS key, r {.*} AS row ORDER BY uscc, r.publishedAt DESC";

    /** PUB-11: withholds a published result from the public, recording who decided it, when and on which legal ground. */
    static final String WITHHOLD = GUARD + " AND r.withheldAt IS NULL SET r.withheldAt = $at, r.withheldBy = $actor,"
            + " r.withheldByDepartment = $department, r.withheldReason = $reason";
    static final String WITHHOLDINGS = "MATCH (r:InspectionResult) WHERE r.id IN $ids AND r.withheldAt IS NOT NULL"
            + " RETURN r.id AS key, r {resultId: r.id, at: r.withheldAt, actor: r.withheldBy, department: r.withheldByDepartment,"
            + " reason: r.withheldReason} AS row";

    private final Neo4jClient client;

    public ResultRepository(Neo4jClient client) {
        this.client = client;
    }

    public void create(ProposedResult r) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", r.id());
        m.put("inspectionId", r.inspectionId());
        m.put("uscc", r.uscc());
        m.put("inspectingDepartment", r.inspectingDepartment());
        m.put("drawingDepartment", r.drawingDepartment());
        m.put("delegation", r.delegation().name());
        m.put("category", r.content().category().name());
        m.put("facts", r.content().facts());
        m.put("endedOn", r.content().endedOn());
        m.put("rectificationDeadline", r.content().rectificationDeadline());
        m.put("proposedBy", r.proposedBy());
        m.put("proposedAt", r.proposedAt());
        client.query(CREATE).bind(m).to("r").run();
    }

    /** Runs a status change guarded by {@link #GUARD}; fails if the result was not in {@code from}. */
    private void transition(String cypher, Map<String, Object> p, ResultStatus from) {
        p.put("from", from.name());
        Guarded.write(client, cypher, p, "result " + p.get("id") + " is no longer " + from);
    }

    public Optional<Result> lock(String id) {
        return client.query(LOCK).bind(id).to("id").fetchAs(Result.class).mappedBy((t, r) -> result(r.get("row"))).one();
    }

    public void repropose(String id, ResultStatus from, ResultCategory category, String facts, LocalDate endedOn, LocalDate rectificationDeadline,
                          String actor, OffsetDateTime at) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("category", category.name());
        p.put("facts", facts);
        p.put("endedOn", endedOn);
        p.put("rectificationDeadline", rectificationDeadline);
        p.put("actor", actor);
        p.put("at", at);
        transition(REPROPOSE, p, from);
    }

    public void sendBack(String id, ResultStatus from, String reason, String actor, OffsetDateTime at) {
        transition(RETURN, new HashMap<>(Map.of("id", id, "reason", reason, "actor", actor, "at", at)), from);
    }

    public void review(String id, ResultStatus from, String actor, OffsetDateTime at) {
        transition(REVIEW, new HashMap<>(Map.of("id", id, "actor", actor, "at", at)), from);
    }

    /** {@code publishBy}: n working days after {@code publishByFrom} (PUB-03, PUB-04), on the calendar basis given. */
    public void approve(String id, ResultStatus from, String actor, OffsetDateTime at, String department, String filedWith, LocalDate publishBy,
                        DeadlineBasis publishByBasis, LocalDate publishByFrom, int publishByWorkingDays) {
        Map<String, Object> p = new HashMap<>();
        p.put("publishByBasis", publishByBasis.name());
        p.put("publishByFrom", publishByFrom);
        p.put("publishByWorkingDays", publishByWorkingDays);
        p.put("id", id);
        p.put("actor", actor);
        p.put("at", at);
        p.put("department", department);
        p.put("filedWith", filedWith);
        p.put("publishBy", publishBy);
        transition(APPROVE, p, from);
    }

    /** {@code publicUntil}: the last day of the public period before feedback (PUB-08), where one applies. */
    public void publish(String id, ResultStatus from, String actor, OffsetDateTime at, LocalDate publicUntil) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("actor", actor);
        p.put("at", at);
        p.put("publicUntil", publicUntil);
        transition(PUBLISH, p, from);
    }

    /** PUB-12: {@code again} was published again (corrected) from {@code from}; a new public period ends on {@code publicUntil}. */
    public void republish(ResultStatus from, InspectionResult again, OffsetDateTime at, LocalDate publicUntil) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", again.id().value());
        p.put("at", at);
        p.put("publicUntil", publicUntil);
        transition(REPUBLISH, p, from);
    }

    /** PUB-09: the feedback the domain accepted on a result in {@code from} that had none. */
    public void feedback(ResultStatus from, InspectionResult fed, Results.Feedback f) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", fed.id().value());
        p.put("channel", f.channel().name());
        p.put("on", f.givenOn());
        p.put("note", f.note());
        p.put("actor", f.givenBy());
        p.put("at", f.recordedAt());
        transition(FEEDBACK, p, from);
    }

    /**
     * ARCH-05: records amendment number {@code a.number()} and applies {@code changes} (the field's new value, and what follows
     * from it), over a result in {@code from} with the amendments before it.
     */
    public void amend(ResultStatus from, Amendment a, Map<String, Object> changes) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", a.resultId());
        p.put("number", a.number());
        p.put("field", a.field());
        p.put("changes", changes);
        p.put("at", a.at());
        p.put("before", a.before());
        p.put("after", a.after());
        p.put("reason", a.reason());
        p.put("handler", a.handler());
        p.put("approver", a.approver());
        transition(AMEND, p, from);
    }

    /** FOLLOW-01: the correction the domain recorded ({@code rectified.rectifiedOn()}) on a result in {@code from} that had none. */
    public void rectified(ResultStatus from, InspectionResult rectified, String note, String actor, OffsetDateTime at) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", rectified.id().value());
        p.put("on", rectified.rectifiedOn());
        p.put("note", note);
        p.put("actor", actor);
        p.put("at", at);
        transition(RECTIFIED, p, from);
    }

    public List<Result> overdueRectifications(Collection<String> departments, LocalDate today) {
        return List.copyOf(KeyedRows.unique(client, OVERDUE_RECTIFICATIONS, Map.of("departments", List.copyOf(departments), "today", today),
                ResultRepository::result, Result::id).values());
    }

    public Map<String, Result> byId(Collection<String> ids) {
        return KeyedRows.unique(client, BY_ID, Map.of("ids", List.copyOf(ids)), ResultRepository::result, Result::id);
    }

    public Map<String, List<Amendment>> amendments(Collection<String> ids) {
        return KeyedRows.grouped(client, AMENDMENTS, Map.of("ids", List.copyOf(ids)), m -> new Amendment(m.get("resultId").asString(),
                m.get("number").asInt(), Values.dateTime(m.get("at")), m.get("field").asString(), Values.str(m.get("before")),
                Values.str(m.get("after")), Values.str(m.get("reason")), Values.str(m.get("handler")), Values.str(m.get("approver"))));
    }

    public List<Result> overdue(Collection<String> departments, LocalDate today) {
        return List.copyOf(KeyedRows.unique(client, OVERDUE, Map.of("departments", List.copyOf(departments), "today", today),
                ResultRepository::result, Result::id).values());
    }

    public List<Results.OverdueTask> overdueTasks(Collection<String> departments, LocalDate today) {
        return List.copyOf(KeyedRows.unique(client, OVERDUE_TASKS, Map.of("departments", List.copyOf(departments), "today", today),
                m -> new Results.OverdueTask(m.get("taskId").asString(), Values.str(m.get("title")), m.get("departmentId").asString(),
                        Values.date(m.get("windowEnd")), m.get("open").asInt()), Results.OverdueTask::taskId).values());
    }

    public Map<String, List<Result>> publishedOf(Collection<String> usccs) {
        return KeyedRows.grouped(client, PUBLISHED_OF, Map.of("usccs", List.copyOf(usccs)), ResultRepository::result);
    }

    /** PUB-11: the domain withheld {@code withheld}, a result in {@code from} not withheld before. */
    public void withhold(ResultStatus from, InspectionResult withheld, String reason, String actor, String department, OffsetDateTime at) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", withheld.id().value());
        p.put("reason", reason);
        p.put("actor", actor);
        p.put("department", department);
        p.put("at", at);
        transition(WITHHOLD, p, from);
    }

    /** PUB-11: the withholding of each result that has one, by result id. */
    public Map<String, Results.Withholding> withholdings(Collection<String> ids) {
        return KeyedRows.unique(client, WITHHOLDINGS, Map.of("ids", List.copyOf(ids)), m -> new Results.Withholding(
                m.get("resultId").asString(), Values.dateTime(m.get("at")), m.get("actor").asString(), Values.str(m.get("department")),
                m.get("reason").asString()), Results.Withholding::resultId);
    }

    static Result result(MapAccessor m) {
        return new Result(m.get("id").asString(), m.get("inspectionId").asString(), m.get("uscc").asString(),
                m.get("inspectingDepartment").asString(), Values.str(m.get("drawingDepartment")),
                Delegation.valueOf(m.get("delegation").asString()), ResultCategory.valueOf(m.get("category").asString()),
                Values.str(m.get("facts")), Values.date(m.get("endedOn")), Values.date(m.get("rectificationDeadline")),
                ResultStatus.valueOf(m.get("status").asString()), Values.str(m.get("proposedBy")), Values.dateTime(m.get("proposedAt")),
                Values.str(m.get("reviewedBy")), Values.dateTime(m.get("reviewedAt")), Values.str(m.get("returnedBy")),
                Values.dateTime(m.get("returnedAt")), Values.str(m.get("returnReason")), Values.str(m.get("approvedBy")),
                Values.dateTime(m.get("approvedAt")), Values.str(m.get("approvingDepartment")), Values.str(m.get("filedWith")),
                Values.date(m.get("publishBy")), Values.str(m.get("publishedBy")), Values.dateTime(m.get("publishedAt")),
                m.get("amendments").asInt(0), Values.date(m.get("rectifiedOn")), Values.str(m.get("rectificationNote")),
                Values.date(m.get("publicUntil")), Values.dateTime(m.get("correctedAt")), m.get("feedbackOn").isNull() ? null
                : new Results.Feedback(Results.FeedbackChannel.valueOf(m.get("feedbackChannel").asString()), Values.date(m.get("feedbackOn")), Values.str(m.get("feedbackNote")),
                Values.str(m.get("feedbackBy")), Values.dateTime(m.get("feedbackRecordedAt"))),
                m.get("publishByBasis").isNull() ? null : DeadlineBasis.valueOf(m.get("publishByBasis").asString()));
    }
}
