package org.supervisionhub.graph.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineChange;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineKind;
import org.supervisionhub.graph.calendar.Deadlines.StoredDeadline;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.Guarded;
import org.supervisionhub.graph.store.Page;
import org.supervisionhub.graph.store.Values;

/**
 * The working-day deadlines stored on the nodes they govern ({@link DeadlineKind}), read across kinds, and their
 * recomputations: {@code (owner)-[:DEADLINE_CHANGED]->(:DeadlineChange {at, property, before, after, basisBefore,
 * basisAfter, from, workingDays, reason, actor})}. Writes join the caller's transaction.
 */
public class DeadlineRepository {

    static final String PROVISIONAL = "PROVISIONAL_CALENDAR";

    private final Neo4jClient client;

    public DeadlineRepository(Neo4jClient client) {
        this.client = client;
    }

    /** Cypher returning {@code kind, n} for every kind whose node matches {@code where} (on {@code n}, with the kind's property as {@code p}). */
    private static String union(String where) {
        List<String> parts = new ArrayList<>();
        for (DeadlineKind k : DeadlineKind.values()) {
            String p = k.property();
            parts.add("MATCH (n:" + k.label() + ") WHERE n." + p + " IS NOT NULL AND " + where.replace("$$", "n." + p)
                    + " RETURN '" + k.name() + "' AS kind, n.id AS id, coalesce(n.inspectingDepartment, n.departmentId) AS department,"
                    + " n." + p + "From AS from, n." + p + "WorkingDays AS workingDays,"
                    + " n." + p + " AS due, n." + p + "Basis AS basis");
        }
        return "CALL { " + String.join(" UNION ALL ", parts) + " }";
    }

    /** Provisional deadlines, earliest first (then kind, id), keyset-paged; of {@code departments} only when not null. */
    public Page<StoredDeadline> provisional(int first, String after, java.util.Collection<String> departments) {
        Map<String, Object> p = new HashMap<>();
        p.put("limit", first + 1);
        p.put("departments", departments == null ? null : List.copyOf(departments));
        String afterClause = "";
        if (after != null) {
            Cursor c = Cursor.decode(after, 3);
            try {
                p.put("afterDue", LocalDate.parse(c.key(0)));
            } catch (java.time.format.DateTimeParseException e) {
                throw new Cursor.InvalidCursorException("not a cursor returned by this API for this list");
            }
            p.put("afterKind", c.key(1));
            p.put("afterId", c.key(2));
            afterClause = " AND (due > $afterDue OR (due = $afterDue AND (kind > $afterKind OR (kind = $afterKind AND id > $afterId))))";
        }
        String cypher = union("$$Basis = '" + PROVISIONAL + "'") + " WITH kind, id, department, from, workingDays, due, basis"
                + " WHERE ($departments IS NULL OR department IN $departments)" + afterClause
                + " RETURN kind, id, department, from, workingDays, due, basis ORDER BY due, kind, id LIMIT $limit";
        List<StoredDeadline> rows = new ArrayList<>(client.query(cypher).bindAll(p).fetchAs(StoredDeadline.class)
                .mappedBy((t, r) -> deadline(r)).all());
        return Page.of(rows, first, d -> Cursor.encode(d.due().toString(), d.kind().name(), d.ownerId()));
    }

    /** How many stored deadlines are provisional. */
    public long countProvisional() {
        return client.query(union("$$Basis = '" + PROVISIONAL + "'") + " RETURN count(*) AS n").fetchAs(Long.class)
                .mappedBy((t, r) -> r.get("n").asLong()).one().orElse(0L);
    }

    /**
     * The deadlines to recompute when the calendar data changed: every provisional one, every one without a recorded
     * basis (stored before bases were), and every one whose period (from, due] meets [{@code changedFrom}, {@code changedTo}]
     * (both null: none by period).
     */
    public List<StoredDeadline> toRecompute(LocalDate changedFrom, LocalDate changedTo) {
        Map<String, Object> p = new HashMap<>();
        p.put("changedFrom", changedFrom);
        p.put("changedTo", changedTo);
        String where = "($$Basis IS NULL OR $$Basis = '" + PROVISIONAL + "' OR ($changedFrom IS NOT NULL AND $$ >= $changedFrom"
                + " AND coalesce($$From, $$) < $changedTo))";
        return List.copyOf(client.query(union(where) + " RETURN kind, id, department, from, workingDays, due, basis ORDER BY kind, id").bindAll(p)
                .fetchAs(StoredDeadline.class).mappedBy((t, r) -> deadline(r)).all());
    }

    /**
     * Sets the deadline's new day, basis and inputs, and records the change on its owner: written only over the day and basis
     * it was recomputed from, so a recompute decided from a day or basis the deadline has left (a concurrent recompute)
     * fails instead of overwriting it.
     */
    public void apply(DeadlineChange c) {
        String p = c.kind().property();
        String cypher = "MATCH (n:" + c.kind().label() + " {id: $id}) WHERE n." + p + " = $before AND coalesce(n." + p + "Basis, '')"
                + " = coalesce($basisBefore, '') SET n." + p + " = $after, n." + p + "Basis = $basisAfter, n." + p
                + "From = $from, n." + p + "WorkingDays = $workingDays"
                + " CREATE (n)-[:DEADLINE_CHANGED]->(:DeadlineChange {kind: $kind, ownerId: $id, property: $property, from: $from,"
                + " workingDays: $workingDays, before: $before, basisBefore: $basisBefore, after: $after, basisAfter: $basisAfter,"
                + " at: $at, reason: $reason, actor: $actor})";
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.ownerId());
        m.put("kind", c.kind().name());
        m.put("property", p);
        m.put("from", c.from());
        m.put("workingDays", c.workingDays());
        m.put("before", c.before());
        m.put("basisBefore", c.basisBefore() == null ? null : c.basisBefore().name());
        m.put("after", c.after());
        m.put("basisAfter", c.basisAfter().name());
        m.put("at", c.at());
        m.put("reason", c.reason());
        m.put("actor", c.actor());
        Guarded.write(client, cypher, m, c.kind() + " deadline of " + c.ownerId() + " is no longer " + c.before() + " (" + c.basisBefore() + ")");
    }

    /** The recorded recomputations of one owner's deadlines (a result's or a penalty decision's id), oldest first. */
    public List<DeadlineChange> changesOf(String ownerId) {
        return List.copyOf(client.query("MATCH (c:DeadlineChange {ownerId: $id}) RETURN c {.*} AS row ORDER BY c.at, elementId(c)")
                .bind(ownerId).to("id").fetchAs(DeadlineChange.class).mappedBy((t, r) -> change(r.get("row"))).all());
    }

    static StoredDeadline deadline(MapAccessor r) {
        return new StoredDeadline(DeadlineKind.valueOf(r.get("kind").asString()), r.get("id").asString(), Values.str(r.get("department")),
                Values.date(r.get("from")),
                Values.integer(r.get("workingDays")), Values.date(r.get("due")), basis(Values.str(r.get("basis"))));
    }

    static DeadlineChange change(org.neo4j.driver.Value m) {
        return new DeadlineChange(DeadlineKind.valueOf(m.get("kind").asString()), m.get("ownerId").asString(), Values.date(m.get("from")),
                Values.integer(m.get("workingDays")), Values.date(m.get("before")), basis(Values.str(m.get("basisBefore"))),
                Values.date(m.get("after")), basis(Values.str(m.get("basisAfter"))), Values.dateTime(m.get("at")),
                Values.str(m.get("reason")), Values.str(m.get("actor")));
    }

    static DeadlineBasis basis(String s) {
        return s == null ? null : DeadlineBasis.valueOf(s);
    }
}
