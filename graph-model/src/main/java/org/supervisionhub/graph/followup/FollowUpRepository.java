package org.supervisionhub.graph.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.followup.Case;
import org.supervisionhub.domain.followup.CaseOutcome;
import org.supervisionhub.domain.followup.CaseStatus;
import org.supervisionhub.domain.followup.PenaltyProcedure;
import org.supervisionhub.domain.followup.ReferralDestination;
import org.supervisionhub.graph.followup.FollowUps.EnforcementCase;
import org.supervisionhub.graph.followup.FollowUps.NonCooperation;
import org.supervisionhub.domain.followup.NonCooperationCircumstance;
import org.supervisionhub.graph.followup.FollowUps.PenaltyDecision;
import org.supervisionhub.graph.followup.FollowUps.Referral;
import org.supervisionhub.graph.store.Guarded;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/**
 * What follows a result: {@code (:EnforcementCase)-[:FOLLOWS]->(:InspectionResult)}, {@code (:PenaltyDecision)-[:DECIDES]->(:EnforcementCase)},
 * {@code (:Referral)-[:FOLLOWS]->(:InspectionResult)}, and {@code (:NonCooperation)-[:DURING]->(:Inspection)} with
 * {@code -[:SUPPORTED_BY]->(:Evidence)}. Changes go through a {@code lock*} first, in the caller's transaction.
 */
public class FollowUpRepository {

    static final String CREATE_CASE = "MATCH (r:InspectionResult {id: $p.resultId}) CREATE (c:EnforcementCase $p)-[:FOLLOWS]->(r)";
    static final String LOCK_CASE = "MATCH (c:EnforcementCase {id: $id}) SET c.lock = true REMOVE c.lock RETURN c {.*} AS row";
    /** FOLLOW-06, FOLLOW-10: written only over the status the domain's {@code Case} decided from (see {@link Guarded}). */
    static final String CLOSE_CASE = "MATCH (c:EnforcementCase {id: $id}) WHERE c.status = $from SET c.status = $to, c.closedOn = $on,"
            + " c.outcome = $outcome, c.closingNote = $note";
    static final String CASES_OF_RESULTS = "UNWIND $ids AS id MATCH (c:EnforcementCase {resultId: id}) RETURN id AS key, c {.*} AS row"
            + " ORDER BY id, c.openedOn, c.id";
    static final String CASE_NUMBER_TAKEN = "RETURN EXISTS { MATCH (c:EnforcementCase {departmentId: $department, caseNumber: $number}) } AS taken";

    static final String CREATE_PENALTY = "MATCH (c:EnforcementCase {id: $p.caseId}) CREATE (d:PenaltyDecision $p)-[:DECIDES]->(c)";
    static final String LOCK_PENALTY = "MATCH (d:PenaltyDecision {id: $id}) SET d.lock = true REMOVE d.lock RETURN d {.*} AS row";
    /** PUB-06: published once; written only over an unpublished decision. */
    static final String PUBLISH_PENALTY = "MATCH (d:PenaltyDecision {id: $id}) WHERE d.publishedAt IS NULL SET d.publishedAt = $at, d.publishedBy = $actor";
    static final String PENALTIES_OF_CASES = "UNWIND $ids AS id MATCH (d:PenaltyDecision {caseId: id}) RETURN id AS key, d {.*} AS row"
            + " ORDER BY id, d.decidedOn, d.id";
    /** PUB-06: decisions of the departments past their publication deadline and not published (the domain's {@code Penalty.overdueOn}). */
    static final String OVERDUE_PENALTIES = "MATCH (d:PenaltyDecision) WHERE d.departmentId IN $departments AND d.publishBy < $today"
            + " AND d.publishedAt IS NULL RETURN d {.*} AS row ORDER BY d.publishBy, d.id";
    static final String PUBLISHED_PENALTIES = "MATCH (d:PenaltyDecision {uscc: $uscc}) WHERE d.publishedAt IS NOT NULL"
            + " RETURN d {.*} AS row ORDER BY d.publishedAt DESC";

    static final String CREATE_REFERRAL = "MATCH (r:InspectionResult {id: $p.resultId}) CREATE (f:Referral $p)-[:FOLLOWS]->(r)";
    static final String REFERRALS_OF_RESULTS = "UNWIND $ids AS id MATCH (f:Referral {resultId: id}) RETURN id AS key, f {.*} AS row"
            + " ORDER BY id, f.recordedAt";
    /** FOLLOW-08: case sources passed to the departments inside the HR&SS system. */
    static final String REFERRALS_RECEIVED = "MATCH (f:Referral) WHERE f.recipientDepartment IN $departments"
            + " RETURN f {.*} AS row ORDER BY f.referredOn DESC, f.id";

    static final String CREATE_NON_COOPERATION = "MATCH (i:Inspection {id: $p.inspectionId}) CREATE (n:NonCooperation $p)-[:DURING]->(i)"
            + " WITH n UNWIND $p.evidenceIds AS eid MATCH (e:Evidence {id: eid}) CREATE (n)-[:SUPPORTED_BY]->(e)";
    static final String NON_COOPERATION_OF = "UNWIND $ids AS id MATCH (n:NonCooperation {inspectionId: id}) RETURN id AS key, n {.*} AS row"
            + " ORDER BY id, n.recordedAt";

    private final Neo4jClient client;

    public FollowUpRepository(Neo4jClient client) {
        this.client = client;
    }

    public void create(EnforcementCase c) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", c.id());
        p.put("resultId", c.resultId());
        p.put("uscc", c.uscc());
        p.put("departmentId", c.departmentId());
        p.put("caseNumber", c.caseNumber());
        p.put("openedOn", c.openedOn());
        p.put("summary", c.summary());
        p.put("status", c.status().name());
        p.put("openedBy", c.openedBy());
        p.put("openedAt", c.openedAt());
        client.query(CREATE_CASE).bind(p).to("p").run();
    }

    public boolean caseNumberTaken(String department, String number) {
        return client.query(CASE_NUMBER_TAKEN).bindAll(Map.of("department", department, "number", number)).fetchAs(Boolean.class).one()
                .orElse(false);
    }

    public Optional<EnforcementCase> lockCase(String id) {
        return client.query(LOCK_CASE).bind(id).to("id").fetchAs(EnforcementCase.class).mappedBy((t, r) -> enforcementCase(r.get("row"))).one();
    }

    /** Writes the closed case the domain decided on, over the status it decided from; fails if the case is no longer in it. */
    public void closeCase(CaseStatus from, Case closed, String note) {
        Guarded.write(client, CLOSE_CASE, Map.of("id", closed.id().value(), "from", from.name(), "to", closed.status().name(), "on", closed.closedOn(),
                "outcome", closed.outcome().name(), "note", note), "case " + closed.id() + " is no longer " + from);
    }

    public Map<String, List<EnforcementCase>> casesOfResults(Collection<String> resultIds) {
        return KeyedRows.grouped(client, CASES_OF_RESULTS, Map.of("ids", List.copyOf(resultIds)), FollowUpRepository::enforcementCase);
    }

    public void create(PenaltyDecision d) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", d.id());
        p.put("caseId", d.caseId());
        p.put("uscc", d.uscc());
        p.put("departmentId", d.departmentId());
        p.put("decisionNumber", d.decisionNumber());
        p.put("decidedOn", d.decidedOn());
        p.put("procedure", d.procedure().name());
        p.put("content", d.content());
        p.put("publishBy", d.publishBy());
        if (d.publishBy() != null) {
            // PUB-06: the deadline's inputs and basis, so a provisional one can be recomputed.
            p.put("publishByBasis", d.deadlineBasis().name());
            p.put("publishByFrom", d.decidedOn());
            p.put("publishByWorkingDays", d.publishByWorkingDays());
        }
        p.put("recordedBy", d.recordedBy());
        p.put("recordedAt", d.recordedAt());
        client.query(CREATE_PENALTY).bind(p).to("p").run();
    }

    public Optional<PenaltyDecision> lockPenalty(String id) {
        return client.query(LOCK_PENALTY).bind(id).to("id").fetchAs(PenaltyDecision.class).mappedBy((t, r) -> penalty(r.get("row"))).one();
    }

    /** Fails if the decision was published meanwhile. */
    public void publishPenalty(String id, String actor, OffsetDateTime at) {
        Guarded.write(client, PUBLISH_PENALTY, Map.of("id", id, "actor", actor, "at", at), "penalty decision " + id + " is published already");
    }

    public Map<String, List<PenaltyDecision>> penaltiesOfCases(Collection<String> caseIds) {
        return KeyedRows.grouped(client, PENALTIES_OF_CASES, Map.of("ids", List.copyOf(caseIds)), FollowUpRepository::penalty);
    }

    public List<PenaltyDecision> overduePenalties(Collection<String> departments, LocalDate today) {
        return List.copyOf(KeyedRows.unique(client, OVERDUE_PENALTIES, Map.of("departments", List.copyOf(departments), "today", today),
                FollowUpRepository::penalty, PenaltyDecision::id).values());
    }

    public List<PenaltyDecision> publishedPenalties(String uscc) {
        return List.copyOf(KeyedRows.unique(client, PUBLISHED_PENALTIES, Map.of("uscc", uscc), FollowUpRepository::penalty,
                PenaltyDecision::id).values());
    }

    public void create(Referral f) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", f.id());
        p.put("resultId", f.resultId());
        p.put("uscc", f.uscc());
        p.put("fromDepartment", f.fromDepartment());
        p.put("destination", f.destination().name());
        p.put("recipientDepartment", f.recipientDepartment());
        p.put("recipient", f.recipient());
        p.put("reason", f.reason());
        p.put("suspectedCrime", f.suspectedCrime());
        p.put("referredOn", f.referredOn());
        p.put("referredBy", f.referredBy());
        p.put("recordedAt", f.recordedAt());
        client.query(CREATE_REFERRAL).bind(p).to("p").run();
    }

    public Map<String, List<Referral>> referralsOfResults(Collection<String> resultIds) {
        return KeyedRows.grouped(client, REFERRALS_OF_RESULTS, Map.of("ids", List.copyOf(resultIds)), FollowUpRepository::referral);
    }

    public List<Referral> referralsReceived(Collection<String> departments) {
        return List.copyOf(KeyedRows.unique(client, REFERRALS_RECEIVED, Map.of("departments", List.copyOf(departments)),
                FollowUpRepository::referral, Referral::id).values());
    }

    public void create(NonCooperation n) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", n.id());
        p.put("inspectionId", n.inspectionId());
        p.put("uscc", n.uscc());
        p.put("departmentId", n.departmentId());
        p.put("circumstances", n.circumstances().stream().map(Enum::name).toList());
        p.put("description", n.description());
        p.put("occurredOn", n.occurredOn());
        p.put("evidenceIds", n.evidenceIds());
        p.put("recordedBy", n.recordedBy());
        p.put("recordedAt", n.recordedAt());
        client.query(CREATE_NON_COOPERATION).bind(p).to("p").run();
    }

    public Map<String, List<NonCooperation>> nonCooperationOf(Collection<String> inspectionIds) {
        return KeyedRows.grouped(client, NON_COOPERATION_OF, Map.of("ids", List.copyOf(inspectionIds)), FollowUpRepository::nonCooperation);
    }

    static EnforcementCase enforcementCase(MapAccessor m) {
        return new EnforcementCase(m.get("id").asString(), m.get("resultId").asString(), m.get("uscc").asString(),
                m.get("departmentId").asString(), m.get("caseNumber").asString(), Values.date(m.get("openedOn")), Values.str(m.get("summary")),
                CaseStatus.valueOf(m.get("status").asString()), Values.date(m.get("closedOn")),
                m.get("outcome").isNull() ? null : CaseOutcome.valueOf(m.get("outcome").asString()), Values.str(m.get("closingNote")),
                Values.str(m.get("openedBy")), Values.dateTime(m.get("openedAt")));
    }

    static PenaltyDecision penalty(MapAccessor m) {
        return new PenaltyDecision(m.get("id").asString(), m.get("caseId").asString(), m.get("uscc").asString(),
                m.get("departmentId").asString(), m.get("decisionNumber").asString(), Values.date(m.get("decidedOn")),
                PenaltyProcedure.valueOf(m.get("procedure").asString()), Values.str(m.get("content")), Values.date(m.get("publishBy")),
                Values.dateTime(m.get("publishedAt")), Values.str(m.get("publishedBy")), Values.str(m.get("recordedBy")),
                Values.dateTime(m.get("recordedAt")),
                m.get("publishByBasis").isNull() ? null : org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis.valueOf(m.get("publishByBasis").asString()),
                Values.integer(m.get("publishByWorkingDays")));
    }

    static Referral referral(MapAccessor m) {
        return new Referral(m.get("id").asString(), m.get("resultId").asString(), m.get("uscc").asString(), m.get("fromDepartment").asString(),
                ReferralDestination.valueOf(m.get("destination").asString()), Values.str(m.get("recipientDepartment")),
                Values.str(m.get("recipient")), Values.str(m.get("reason")), m.get("suspectedCrime").asBoolean(false),
                Values.date(m.get("referredOn")), Values.str(m.get("referredBy")), Values.dateTime(m.get("recordedAt")));
    }

    static NonCooperation nonCooperation(MapAccessor m) {
        return new NonCooperation(m.get("id").asString(), m.get("inspectionId").asString(), m.get("uscc").asString(),
                m.get("departmentId").asString(), Values.strings(m.get("circumstances")).stream().map(NonCooperationCircumstance::valueOf).toList(),
                Values.str(m.get("description")), Values.date(m.get("occurredOn")), Values.strings(m.get("evidenceIds")),
                Values.str(m.get("recordedBy")), Values.dateTime(m.get("recordedAt")));
    }
}
