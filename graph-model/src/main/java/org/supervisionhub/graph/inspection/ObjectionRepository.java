package org.supervisionhub.graph.inspection;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.inspection.Results.Objection;
import org.supervisionhub.domain.inspection.ObjectionKind;
import org.supervisionhub.domain.inspection.ObjectionStatus;
import org.supervisionhub.domain.inspection.ResultObjection;
import org.supervisionhub.graph.store.Guarded;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Values;

/** Re-examinations of published results (OBJ-01, OBJ-02): {@code (:ResultObjection)-[:AGAINST]->(:InspectionResult)}. */
public class ObjectionRepository {

    static final String CREATE = "MATCH (r:InspectionResult {id: $o.resultId}) CREATE (o:ResultObjection {id: $o.id, resultId: $o.resultId,"
            + " kind: $o.kind, objector: $o.objector, grounds: $o.grounds, receivedOn: $o.receivedOn,"
            + " reviewingDepartment: $o.reviewingDepartment, lodgedBy: $o.lodgedBy, lodgedAt: $o.lodgedAt, status: 'UNDER_REVIEW'})-[:AGAINST]->(r)";
    static final String LOCK = "MATCH (o:ResultObjection {id: $id}) SET o.lock = true REMOVE o.lock RETURN o {.*} AS row";
    /** OBJ-01: decided once; written only over the status the domain's {@code ResultObjection} decided from (see {@link Guarded}). */
    static final String DECIDE = "MATCH (o:ResultObjection {id: $id}) WHERE o.status = $from SET o.status = $status, o.decision = $decision, o.decidedBy = $actor,"
            + " o.decidedAt = $at";
    static final String OF_RESULTS = "UNWIND $ids AS id MATCH (o:ResultObjection {resultId: id}) RETURN id AS key, o {.*} AS row"
            + " ORDER BY id, o.lodgedAt";
    /** Objections awaiting a decision by any of the departments. */
    static final String UNDER_REVIEW = "MATCH (o:ResultObjection {status: 'UNDER_REVIEW'}) WHERE o.reviewingDepartment IN $departments"
            + " RETURN o {.*} AS row ORDER BY o.receivedOn, o.id";

    private final Neo4jClient client;

    public ObjectionRepository(Neo4jClient client) {
        this.client = client;
    }

    public void create(Objection o) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", o.id());
        m.put("resultId", o.resultId());
        m.put("kind", o.kind().name());
        m.put("objector", o.objector());
        m.put("grounds", o.grounds());
        m.put("receivedOn", o.receivedOn());
        m.put("reviewingDepartment", o.reviewingDepartment());
        m.put("lodgedBy", o.lodgedBy());
        m.put("lodgedAt", o.lodgedAt());
        client.query(CREATE).bind(m).to("o").run();
    }

    public Optional<Objection> lock(String id) {
        return client.query(LOCK).bind(id).to("id").fetchAs(Objection.class).mappedBy((t, r) -> objection(r.get("row"))).one();
    }

    /** Writes the decision the domain made ({@code decided}), over the status it decided from; fails if the objection is no longer in it. */
    public void decide(ObjectionStatus from, ResultObjection decided, String decision, String actor, OffsetDateTime at) {
        Guarded.write(client, DECIDE, Map.of("id", decided.id().value(), "from", from.name(), "status", decided.status().name(),
                "decision", decision, "actor", actor, "at", at), "objection " + decided.id() + " is no longer " + from);
    }

    public Map<String, List<Objection>> ofResults(Collection<String> resultIds) {
        return KeyedRows.grouped(client, OF_RESULTS, Map.of("ids", List.copyOf(resultIds)), ObjectionRepository::objection);
    }

    public List<Objection> underReview(Collection<String> departments) {
        return List.copyOf(KeyedRows.unique(client, UNDER_REVIEW, Map.of("departments", List.copyOf(departments)),
                ObjectionRepository::objection, Objection::id).values());
    }

    static Objection objection(MapAccessor m) {
        return new Objection(m.get("id").asString(), m.get("resultId").asString(), ObjectionKind.valueOf(m.get("kind").asString()),
                Values.str(m.get("objector")), Values.str(m.get("grounds")), Values.date(m.get("receivedOn")),
                m.get("reviewingDepartment").asString(), Values.str(m.get("lodgedBy")), Values.dateTime(m.get("lodgedAt")),
                ObjectionStatus.valueOf(m.get("status").asString()), Values.str(m.get("decision")), Values.str(m.get("decidedBy")),
                Values.dateTime(m.get("decidedAt")));
    }
}
