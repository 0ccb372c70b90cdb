package org.supervisionhub.graph.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.roster.Roster.Change;
import org.supervisionhub.graph.roster.Roster.Conflict;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.Roster.InspectorData;
import org.supervisionhub.graph.roster.Roster.InspectorFilter;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.KeyedRows;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/** Inspectors, conflicts and roster change records. */
public class RosterRepository {

    static final String INSPECTOR = "i {.inspectorId, .name, .gender, .birthYear, .certificateNo, .certificateValidFrom,"
            + " .certificateValidTo, .enforcementCategory, .expertise, .phone, .position, .onRosterFrom, .onRosterTo,"
            + " unitId: [(i)-[:MEMBER_OF]->(u:Unit) | u.id][0],"
            + " departmentId: [(i)-[:MEMBER_OF]->(:Unit)-[:PART_OF]->(d:Department) | d.id][0], personId: [(i)-[:IS_PERSON]->(p:Person) | p.personId][0]}";
    static final String INSPECTORS_BY_ID = "MATCH (i:Inspector) WHERE i.inspectorId IN $ids RETURN " + INSPECTOR + " AS row";
    static final String SEARCH = "MATCH (i:Inspector)-[:MEMBER_OF]->(u:Unit) WHERE u.id IN $unitIds"
            + " AND ($expertise IS NULL OR all(x IN $expertise WHERE x IN i.expertise))"
            + " AND ($certOn IS NULL OR (i.certificateValidFrom <= $certOn AND i.certificateValidTo >= $certOn))"
            + " AND ($rosterOn IS NULL OR (i.onRosterFrom <= $rosterOn AND (i.onRosterTo IS NULL OR i.onRosterTo > $rosterOn)))"
            + " AND ($name IS NULL OR i.name CONTAINS $name) AND ($after IS NULL OR i.inspectorId > $after)"
            + " RETURN i.inspectorId AS key ORDER BY i.inspectorId LIMIT $limit";
    static final String CONFLICTS_OF = "MATCH (i:Inspector)-[c:DECLARED_CONFLICT]->(t) WHERE i.inspectorId IN $ids"
            + " RETURN i.inspectorId AS key, {inspectorId: i.inspectorId, targetKind: CASE WHEN t:Person THEN 'PERSON' ELSE 'ENTERPRISE' END,"
            + "  targetKey: coalesce(t.uscc, t.personId), reason: c.reason, declaredOn: c.declaredOn} AS row"
            + " ORDER BY row.declaredOn, row.targetKey";
    static final String FIRST_OF_DEPARTMENT = "MATCH (i:Inspector)-[:MEMBER_OF]->(:Unit)-[:PART_OF]->(:Department {id: $departmentId})"
            + " RETURN i.inspectorId AS id ORDER BY id LIMIT 1";
    static final String CERTIFICATE_HOLDERS = "MATCH (i:Inspector) WHERE i.certificateNo IN $certificates"
            + " RETURN i.certificateNo AS key, i.inspectorId AS id";
    static final String UPSERT = "UNWIND $rows AS row MATCH (u:Unit {id: row.unitId})"
            + " MERGE (i:Inspector {inspectorId: row.inspectorId})"
            + " SET i.name = row.name, i.gender = row.gender, i.birthYear = row.birthYear, i.certificateNo = row.certificateNo,"
            + "  i.certificateValidFrom = row.certificateValidFrom, i.certificateValidTo = row.certificateValidTo,"
            + "  i.enforcementCategory = row.enforcementCategory, i.expertise = row.expertise, i.phone = row.phone,"
            + "  i.position = row.position, i.onRosterFrom = row.onRosterFrom, i.onRosterTo = row.onRosterTo, i.updatedAt = $now"
            + " WITH i, u, row OPTIONAL MATCH (i)-[m:MEMBER_OF]->(other:Unit) WHERE other <> u DELETE m"
            + " MERGE (i)-[:MEMBER_OF]->(u)"
            + " WITH i, row OPTIONAL MATCH (i)-[ip:IS_PERSON]->(p:Person) WHERE row.personId IS NULL OR p.personId <> row.personId DELETE ip"
            + " WITH i, row OPTIONAL MATCH (p:Person {personId: row.personId})"
            + " FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | MERGE (i)-[:IS_PERSON]->(x))";
    static final String DECLARE_CONFLICT = "MATCH (i:Inspector {inspectorId: $inspectorId})"
            + " MATCH (t) WHERE (t:Enterprise AND t.uscc = $target) OR (t:Person AND t.personId = $target)"
            + " MERGE (i)-[c:DECLARED_CONFLICT]->(t) SET c.reason = $reason, c.declaredOn = $declaredOn RETURN count(c) AS n";
    static final String CHANGES = "MATCH (c:RosterChange {roster: $roster})"
            + " WHERE c.recordedAt >= $fromInstant AND c.recordedAt < $toInstant"
            // The department of an inspector entry's unit as the change recorded it (a pattern comprehension here broke the planner).
            + " OPTIONAL MATCH (u:Unit {id: c.unitId})-[:PART_OF]->(d:Department)"
            + " WITH c, head(collect(d.id)) AS departmentId"
            + " RETURN c {.id, .roster, .kind, .subjectKey, .occurredOn, .discoveredOn, .recordedAt, .regionCode, departmentId: departmentId} AS row"
            + " ORDER BY c.recordedAt, c.id";
    /**
     * The state a roster entry had on {@code $day}, as the hub knew it at {@code $knownAt}: the latest
     * change effective by that day among those recorded by that instant (bitemporal replay). One
     * row per key in {@code $keys}; {@code projection} maps the change {@code c} to the returned row.
     */
    public static String statesAsOf(String roster, String projection) {
        return "UNWIND $keys AS key"
                + " MATCH (c:RosterChange {roster: '" + roster + "', subjectKey: key})"
                + " WHERE c.occurredOn <= $day AND c.recordedAt <= $knownAt"
                + " WITH key, c ORDER BY c.occurredOn DESC, c.recordedAt DESC"
                + " WITH key, head(collect(c)) AS c"
                + " RETURN key, " + projection + " AS row";
    }

    static final String INSPECTOR_STATES_AS_OF = statesAsOf("INSPECTOR", "c {inspectorId: key, .name, .certificateNo,"
            + " .certificateValidFrom, .certificateValidTo, .enforcementCategory, .expertise, .onRosterFrom, .onRosterTo,"
            + " .unitId, .occurredOn, .recordedAt,"
            + " departmentId: [(i:Inspector {inspectorId: key})-[:MEMBER_OF]->(:Unit)-[:PART_OF]->(d:Department) | d.id][0]}");
    static final String CHANGES_OF = "UNWIND $keys AS key MATCH (c:RosterChange {subjectKey: key})"
            + " WITH key, c ORDER BY c.recordedAt DESC, c.id"
            + " RETURN key, c {.id, .roster, .kind, .subjectKey, .occurredOn, .discoveredOn, .recordedAt} AS row";

    private final Neo4jClient client;

    public RosterRepository(Neo4jClient client) {
        this.client = client;
    }

    public Map<String, Inspector> inspectors(Collection<String> ids) {
        return KeyedRows.unique(client, INSPECTORS_BY_ID, Map.of("ids", List.copyOf(ids)), RosterRepository::inspector, Inspector::inspectorId);
    }

    public Optional<Inspector> inspector(String id) {
        return Optional.ofNullable(inspectors(List.of(id)).get(id));
    }

    public Page<Inspector> search(InspectorFilter f, int first, String after) {
        Map<String, Object> p = new HashMap<>();
        p.put("unitIds", f.unitIds());
        p.put("expertise", f.expertise() == null || f.expertise().isEmpty() ? null : f.expertise());
        p.put("certOn", f.certificateValidOn());
        p.put("rosterOn", f.onRosterOn());
        p.put("name", f.nameContains() == null || f.nameContains().isBlank() ? null : f.nameContains().strip());
        p.put("after", after == null ? null : Cursor.decode(after, 1).key(0));
        p.put("limit", first + 1);
        List<Inspector> rows = KeyedRows.inOrder(client.query(SEARCH).bindAll(p).fetchAs(String.class)
                .mappedBy((t, r) -> r.get("key").asString()).all(), this::inspectors);
        return Page.of(rows, first, i -> Cursor.encode(i.inspectorId()));
    }

    public Map<String, List<Conflict>> conflicts(Collection<String> inspectorIds) {
        return KeyedRows.grouped(client, CONFLICTS_OF, Map.of("ids", List.copyOf(inspectorIds)), RosterRepository::conflict);
    }

    /** Which inspector holds each of these certificate numbers. */
    /** The inspector with the lowest id in a department, if it has any (demo tokens for the INSPECTOR role). */
    public Optional<String> firstInspectorOf(String departmentId) {
        return client.query(FIRST_OF_DEPARTMENT).bind(departmentId).to("departmentId").fetchAs(String.class)
                .mappedBy((t, r) -> r.get("id").asString()).one();
    }

    public Map<String, String> certificateHolders(Collection<String> certificateNos) {
        Map<String, String> out = new HashMap<>();
        client.query(CERTIFICATE_HOLDERS).bind(List.copyOf(certificateNos)).to("certificates").fetch().all()
                .forEach(m -> out.put((String) m.get("key"), (String) m.get("id")));
        return out;
    }

    public void upsert(InspectorData d, OffsetDateTime now) {
        upsertAll(List.of(d), now);
    }

    /** Creates or updates inspectors in one statement; their units must exist. */
    public void upsertAll(List<InspectorData> inspectors, OffsetDateTime now) {
        List<Map<String, Object>> rows = inspectors.stream().map(d -> {
            Map<String, Object> p = new HashMap<>();
            p.put("inspectorId", d.inspectorId());
            p.put("name", d.name());
            p.put("gender", d.gender());
            p.put("birthYear", d.birthYear());
            p.put("certificateNo", d.certificateNo());
            p.put("certificateValidFrom", d.certificateValidFrom());
            p.put("certificateValidTo", d.certificateValidTo());
            p.put("enforcementCategory", d.enforcementCategory());
            p.put("expertise", d.expertise() == null ? List.of() : d.expertise());
            p.put("phone", d.phone());
            p.put("position", d.position());
            p.put("onRosterFrom", d.onRosterFrom());
            p.put("onRosterTo", d.onRosterTo());
            p.put("unitId", d.unitId());
            p.put("personId", d.personId());
            return p;
        }).toList();
        client.query(UPSERT).bindAll(Map.of("rows", rows, "now", now)).run();
    }

    public boolean declareConflict(String inspectorId, String targetKey, String reason, LocalDate declaredOn) {
        Map<String, Object> p = new HashMap<>();
        p.put("inspectorId", inspectorId);
        p.put("target", targetKey);
        p.put("reason", reason);
        p.put("declaredOn", declaredOn);
        return client.query(DECLARE_CONFLICT).bindAll(p).fetchAs(Long.class).mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L) > 0;
    }

    /** Changes of one roster recorded in [from, to). */
    public List<Change> changesRecorded(String roster, OffsetDateTime from, OffsetDateTime to) {
        return client.query(CHANGES).bindAll(Map.of("roster", roster, "fromInstant", from, "toInstant", to))
                .fetchAs(Change.class).mappedBy((t, r) -> change(r.get("row"))).all().stream().toList();
    }

    /**
     * An inspector's roster entry as of a day, as the hub knew it at an instant. {@code departmentId} is the inspector's
     * department now: the owner its personal fields are scoped by, as on the entry itself.
     */
    public record InspectorState(String inspectorId, String name, String certificateNo, LocalDate certificateValidFrom,
                                 LocalDate certificateValidTo, String enforcementCategory, List<String> expertise,
                                 LocalDate onRosterFrom, LocalDate onRosterTo, String unitId, LocalDate effectiveFrom,
                                 OffsetDateTime recordedAt, String departmentId) {
    }

    public Map<String, InspectorState> inspectorStatesAsOf(Collection<String> ids, LocalDate day, OffsetDateTime knownAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("keys", List.copyOf(ids));
        p.put("day", day);
        p.put("knownAt", knownAt);
        return KeyedRows.unique(client, INSPECTOR_STATES_AS_OF, p, m -> new InspectorState(Values.str(m.get("inspectorId")),
                Values.str(m.get("name")), Values.str(m.get("certificateNo")), Values.date(m.get("certificateValidFrom")),
                Values.date(m.get("certificateValidTo")), Values.str(m.get("enforcementCategory")), Values.strings(m.get("expertise")),
                Values.date(m.get("onRosterFrom")), Values.date(m.get("onRosterTo")), Values.str(m.get("unitId")),
                Values.date(m.get("occurredOn")), Values.dateTime(m.get("recordedAt")), Values.str(m.get("departmentId"))),
                InspectorState::inspectorId);
    }

    /** The change history of many roster entries at once, most recently recorded first. */
    public Map<String, List<Change>> changesOf(Collection<String> subjectKeys) {
        return KeyedRows.grouped(client, CHANGES_OF, Map.of("keys", List.copyOf(subjectKeys)), RosterRepository::change);
    }

    static Inspector inspector(MapAccessor m) {
        return new Inspector(Values.str(m.get("inspectorId")), Values.str(m.get("name")), Values.str(m.get("gender")),
                Values.integer(m.get("birthYear")), Values.str(m.get("certificateNo")), Values.date(m.get("certificateValidFrom")),
                Values.date(m.get("certificateValidTo")), Values.str(m.get("enforcementCategory")), Values.strings(m.get("expertise")),
                Values.str(m.get("phone")), Values.str(m.get("position")), Values.date(m.get("onRosterFrom")),
                Values.date(m.get("onRosterTo")), Values.str(m.get("unitId")), Values.str(m.get("departmentId")),
                Values.str(m.get("personId")));
    }

    static Conflict conflict(MapAccessor m) {
        return new Conflict(Values.str(m.get("inspectorId")), Values.str(m.get("targetKind")), Values.str(m.get("targetKey")),
                Values.str(m.get("reason")), Values.date(m.get("declaredOn")));
    }

    static Change change(MapAccessor m) {
        return new Change(Values.str(m.get("id")), Values.str(m.get("roster")), Values.str(m.get("kind")),
                Values.str(m.get("subjectKey")), Values.date(m.get("occurredOn")), Values.date(m.get("discoveredOn")),
                Values.dateTime(m.get("recordedAt")), new Roster.Owner(Values.str(m.get("regionCode")), Values.str(m.get("departmentId"))));
    }
}
