package org.supervisionhub.graph.restriction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.supervisionhub.graph.restriction.Restrictions.Candidate;
import org.supervisionhub.graph.restriction.Restrictions.CheckRequest;
import org.supervisionhub.graph.restriction.Restrictions.CheckRows;
import org.supervisionhub.domain.restriction.RestrictionDomain;
import org.supervisionhub.domain.restriction.Effect;
import org.supervisionhub.graph.restriction.Restrictions.Freshness;
import org.supervisionhub.graph.restriction.Restrictions.Measure;
import org.supervisionhub.graph.restriction.Restrictions.PathLink;
import org.supervisionhub.graph.restriction.Restrictions.PathNode;
import org.supervisionhub.domain.restriction.Reach;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.domain.restriction.TriggerKind;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.store.Values;

/**
 * The restriction check as one parameterised statement for a whole batch of questions: per question, the
 * measure versions in force for its domain at its {@code asOf}, and every active trigger that reaches the
 * subject along a reach those measures use, with its path. Which measure applies to which candidate (hops,
 * shares, duration) is decided by the caller; the statement only returns what the graph holds. Speed matters
 * here (partners check before every approval), so it runs on the driver directly, as a read.
 *
 * <p>Time: a trigger is active at {@code asOf} when listed at or before it and neither removed nor expired by
 * then (invariant 1). Links are in force on a day {@code d} when {@code validFrom <= d < validTo}. BRANCHES and
 * the current roles of ENTERPRISES_OF_PERSON are evaluated on {@code asOf}'s date; LEGAL_REPRESENTATIVE,
 * KEY_PERSONNEL and CONTROLLING_SHAREHOLDERS on the day the trigger became active, so a link that ended before
 * the trigger does not carry it (invariant 2) and one that ended after still does. Every relationship on a path
 * began on or before {@code asOf} (invariant 4).
 */
public final class RestrictionQuery {

    /**
     * Knowledge time ({@code q.knownAt}, null: everything recorded counts): a fact counts only once recorded, i.e. its
     * {@code recordedAt} is at or before {@code knownAt} (facts stored before recording times were kept have none and
     * always count); a later change to it (a removal, a link's end, a measure's supersession) counts only once its own
     * recording time is. So an answer depends on ({@code asOf}, {@code knownAt}) and the graph's recorded facts, and a
     * receipt's answer is reproduced, digest included, by asking again with its {@code asOf} and {@code knownAt}.
     */
    static String known(String x) {
        return "(q.knownAt IS NULL OR " + x + ".recordedAt IS NULL OR " + x + ".recordedAt <= q.knownAt)";
    }

    /** {@code x.property} as recorded by {@code knownAt}: null while the change that set it was recorded later. */
    static String asKnown(String x, String property, String recordedAtProperty) {
        return "(CASE WHEN q.knownAt IS NOT NULL AND " + x + "." + recordedAtProperty + " > q.knownAt THEN null ELSE " + x + "." + property + " END)";
    }

    /** A trigger's removal (credit repair) as known: {@code removalRecordedAt} is when the removal was recorded. */
    static final String REMOVED_AT = asKnown("t", "removedAt", "removalRecordedAt");

    /** A link's end as known: {@code validToRecordedAt} is when its end was recorded. */
    static String validTo(String r) {
        return asKnown(r, "validTo", "validToRecordedAt");
    }

    /** Link {@code r} recorded by {@code knownAt} and in force on day {@code day}. */
    static String inForce(String r, String day) {
        return known(r) + " AND " + r + ".validFrom <= " + day + " AND (" + validTo(r) + " IS NULL OR " + day + " < " + validTo(r) + ")";
    }

    private static final String ACTIVE = "t.triggerType IN types AND " + known("t") + " AND t.activeFrom <= q.asOf"
            + " AND (" + REMOVED_AT + " IS NULL OR q.asOf < " + REMOVED_AT + ") AND (t.expiresAt IS NULL OR q.asOf < t.expiresAt)";
    private static final String SUPERSEDED_AT = asKnown("m", "supersededAt", "supersededAt");
    private static final String KEY_ROLE = "IN ['DIRECTOR', 'MANAGER']";

    /** The statement; {@code $requests}: maps {idx, uscc, personId, domain, asOf, asOfDate, knownAt}. */
    public static final String CHECK = "CALL () { OPTIONAL MATCH (s:SourceSync) RETURN collect(s {.*}) AS freshness }"
            + " UNWIND $requests AS q"
            + " CALL (q) { OPTIONAL MATCH (m:MeasureVersion {domain: q.domain})"
            + "  WHERE m.inForceFrom <= q.asOf AND (q.knownAt IS NULL OR m.inForceFrom <= q.knownAt)"
            + "  AND (" + SUPERSEDED_AT + " IS NULL OR q.asOf < " + SUPERSEDED_AT + ")"
            + "  AND m.validFrom <= q.asOfDate AND (m.validTo IS NULL OR q.asOfDate < m.validTo)"
            + "  RETURN collect(m) AS ms }"
            + " WITH freshness, q, ms, [m IN ms | m.triggerType] AS types, [m IN ms | m.reach] AS reaches"
            + " OPTIONAL MATCH (se:Enterprise {uscc: q.uscc}) WHERE " + known("se")
            + " OPTIONAL MATCH (sp:Person {personId: q.personId}) WHERE " + known("sp")
            // One row per question, its candidates collected here: grouping the outer rows would hash every row's measures.
            + " CALL (q, se, sp, types, reaches) { CALL (q, se, sp, types, reaches) {"
            // SELF
            + "  MATCH (se)<-[:CONCERNS]-(t:RestrictionTrigger) WHERE 'SELF' IN reaches AND " + ACTIVE
            + "  RETURN t, 'SELF' AS reach, null AS via, null AS share, [se] AS ns, [] AS rs"
            // BRANCHES: the subject is a branch (of a branch, up to the bound) of the listed enterprise, on asOf
            + "  UNION MATCH p = (se)-[:BRANCH_OF*1.." + Restrictions.MAX_HOPS + "]->(x:Enterprise) WHERE 'BRANCHES' IN reaches"
            + "  AND all(r IN relationships(p) WHERE " + inForce("r", "q.asOfDate") + ")"
            + "  MATCH (x)<-[:CONCERNS]-(t:RestrictionTrigger) WHERE " + ACTIVE
            + "  RETURN t, 'BRANCHES' AS reach, null AS via, null AS share, nodes(p) AS ns, relationships(p) AS rs"
            // CONTROLLING_SHAREHOLDERS: the subject (person or enterprise) holds shares, possibly through holdings, when the trigger began
            + "  UNION WITH * WHERE 'CONTROLLING_SHAREHOLDERS' IN reaches WITH q, types, coalesce(se, sp) AS s WHERE s IS NOT NULL"
            + "  MATCH p = (s)-[:SHAREHOLDER_OF*1.." + Restrictions.MAX_HOPS + "]->(x:Enterprise)"
            + "  MATCH (x)<-[:CONCERNS]-(t:RestrictionTrigger) WHERE " + ACTIVE
            + "  AND all(r IN relationships(p) WHERE " + inForce("r", "t.activeOn") + ")"
            + "  RETURN t, 'CONTROLLING_SHAREHOLDERS' AS reach, null AS via,"
            + "  reduce(m = 100.0, r IN relationships(p) | CASE WHEN r.sharePct < m THEN r.sharePct ELSE m END) AS share,"
            + "  nodes(p) AS ns, relationships(p) AS rs"
            // LEGAL_REPRESENTATIVE and KEY_PERSONNEL: the subject held the role when the trigger began
            + "  UNION MATCH (sp)-[r:LEGAL_REPRESENTATIVE_OF|OFFICER_OF]->(x:Enterprise)<-[:CONCERNS]-(t:RestrictionTrigger)"
            + "  WHERE ('LEGAL_REPRESENTATIVE' IN reaches OR 'KEY_PERSONNEL' IN reaches)"
            + "  AND (type(r) = 'LEGAL_REPRESENTATIVE_OF' OR r.role " + KEY_ROLE + ") AND " + ACTIVE
            + "  AND " + inForce("r", "t.activeOn")
            + "  RETURN t, CASE type(r) WHEN 'LEGAL_REPRESENTATIVE_OF' THEN 'LEGAL_REPRESENTATIVE' ELSE 'KEY_PERSONNEL' END AS reach,"
            + "  null AS via, null AS share, [sp, x] AS ns, [r] AS rs"
            // ENTERPRISES_OF_PERSON: a person of the listed enterprise (then) who holds a role in the subject (now)
            + "  UNION MATCH (se)<-[r1:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]-(p:Person)"
            + "  WHERE 'ENTERPRISES_OF_PERSON' IN reaches AND (type(r1) <> 'OFFICER_OF' OR r1.role " + KEY_ROLE + ")"
            + "  AND " + inForce("r1", "q.asOfDate")
            + "  MATCH (p)-[r2:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(x:Enterprise)<-[:CONCERNS]-(t:RestrictionTrigger)"
            + "  WHERE x <> se AND (type(r2) <> 'OFFICER_OF' OR r2.role " + KEY_ROLE + ") AND " + ACTIVE
            + "  AND " + inForce("r2", "t.activeOn")
            + "  RETURN t, 'ENTERPRISES_OF_PERSON' AS reach,"
            + "  CASE type(r2) WHEN 'LEGAL_REPRESENTATIVE_OF' THEN 'LEGAL_REPRESENTATIVE' WHEN 'OFFICER_OF' THEN 'KEY_PERSONNEL'"
            + "  ELSE 'CONTROLLING_SHAREHOLDERS' END AS via,"
            + "  reduce(m = null, r IN [r1, r2] | CASE WHEN r.sharePct IS NULL THEN m WHEN m IS NULL OR r.sharePct < m THEN r.sharePct"
            + "  ELSE m END) AS share, [se, p, x] AS ns, [r1, r2] AS rs"
            + " }"
            + " RETURN collect({t: t {.*, removedAt: " + REMOVED_AT + "}, reach: reach, via: via, share: share,"
            + "  nodes: [n IN ns | {kind: CASE WHEN n:Enterprise THEN 'ENTERPRISE' ELSE 'PERSON' END, id: coalesce(n.uscc, n.personId),"
            + "   name: n.name}],"
            + "  links: [r IN rs | {type: type(r), from: coalesce(startNode(r).uscc, startNode(r).personId), to: endNode(r).uscc,"
            + "   role: r.role, sharePct: r.sharePct, validFrom: r.validFrom, validTo: " + validTo("r") + "}]}) AS candidates }"
            // The sources' freshness once, on the first question; a question's measures only when no earlier one of the batch
            // has the same (q.measuresAsIn): a batch's questions mostly share a few, and they were most of what it sent.
            + " RETURN CASE WHEN q.idx = 0 THEN freshness END AS freshness, q.idx AS idx, se IS NOT NULL OR sp IS NOT NULL AS found,"
            + " coalesce(se.name, sp.name) AS name,"
            + " CASE WHEN q.measuresAsIn IS NULL THEN [m IN ms | m {.*, supersededAt: " + SUPERSEDED_AT + "}] END AS measures, candidates";

    private final Driver driver;
    private final QueryConfig config;

    public RestrictionQuery(Driver driver, String database) {
        this.driver = driver;
        QueryConfig.Builder builder = QueryConfig.builder().withRouting(RoutingControl.READ);
        if (database != null && !database.isBlank()) {
            builder.withDatabase(database);
        }
        this.config = builder.build();
    }

    /**
     * The parameters of {@link #CHECK} for these questions (also what the benchmark's floor sends). {@code measuresAsIn}:
     * the first earlier question whose measures are the same (same domain, {@code asOf} and {@code knownAt}), whose row
     * alone carries them.
     */
    public static Map<String, Object> parameters(List<CheckRequest> requests) {
        return parameters(requests, measuresAsIn(requests));
    }

    private static Map<String, Object> parameters(List<CheckRequest> requests, Integer[] asIn) {
        List<Map<String, Object>> rows = new ArrayList<>(requests.size());
        for (CheckRequest r : requests) {
            Map<String, Object> m = new HashMap<>();
            m.put("measuresAsIn", asIn[r.index()]);
            m.put("idx", r.index());
            m.put("uscc", r.uscc());
            m.put("personId", r.personId());
            m.put("domain", r.domain().name());
            m.put("asOf", r.asOf());
            m.put("asOfDate", r.asOfDate());
            m.put("knownAt", r.knownAt());
            rows.add(m);
        }
        return Map.of("requests", rows);
    }

    /** Per question (by index), the first earlier one with the same measures; null: none. */
    static Integer[] measuresAsIn(List<CheckRequest> requests) {
        Integer[] asIn = new Integer[requests.size()];
        Map<List<Object>, Integer> first = new HashMap<>();
        for (CheckRequest r : requests) {
            Integer earlier = first.putIfAbsent(java.util.Arrays.asList(r.domain(), r.asOf(), r.asOfDate(), r.knownAt()), r.index());
            asIn[r.index()] = earlier;
        }
        return asIn;
    }

    /** What the graph holds for a batch: rows in request order, and the sync state of the sources. */
    public record Result(List<CheckRows> rows, List<Freshness> freshness) {
    }

    /** Rows for each question, in request order (questions are numbered 0..n-1 by {@code index}). */
    public Result check(List<CheckRequest> requests) {
        if (requests.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        Integer[] asIn = measuresAsIn(requests);
        List<Record> records = driver.executableQuery(CHECK).withParameters(parameters(requests, asIn)).withConfig(config).execute().records();
        List<Measure>[] measures = measureLists(records, requests.size());
        CheckRows[] out = new CheckRows[requests.size()];
        List<Freshness> freshness = List.of();
        for (Record r : records) {
            int idx = r.get("idx").asInt();
            if (idx == 0) {
                freshness = r.get("freshness").asList(RestrictionQuery::freshness);
            }
            out[idx] = new CheckRows(idx, r.get("found").asBoolean(), Values.str(r.get("name")), measures[asIn[idx] == null ? idx : asIn[idx]],
                    r.get("candidates").asList(RestrictionQuery::candidate));
        }
        return new Result(List.of(out), freshness);
    }

    /** The measures of the rows that carry them, by question index; the same list for every question that shares it. */
    @SuppressWarnings("unchecked")
    private static List<Measure>[] measureLists(List<Record> records, int questions) {
        List<Measure>[] measures = new List[questions];
        for (Record r : records) {
            if (!r.get("measures").isNull()) {
                measures[r.get("idx").asInt()] = r.get("measures").asList(RestrictionQuery::measure);
            }
        }
        return measures;
    }

    public static Freshness freshness(MapAccessor m) {
        return new Freshness(SourceSystem.valueOf(m.get("source").asString()), Values.dateTime(m.get("lastSuccessAt")),
                Values.dateTime(m.get("lastAttemptAt")), Values.str(m.get("state")));
    }

    static Candidate candidate(Value v) {
        return new Candidate(trigger(v.get("t")), Reach.valueOf(v.get("reach").asString()),
                v.get("via").isNull() ? null : Reach.valueOf(v.get("via").asString()), Values.dbl(v.get("share")),
                v.get("nodes").asList(n -> new PathNode(n.get("kind").asString(), n.get("id").asString(), Values.str(n.get("name")))),
                v.get("links").asList(l -> new PathLink(l.get("type").asString(), l.get("from").asString(), l.get("to").asString(),
                        Values.str(l.get("role")), Values.dbl(l.get("sharePct")), Values.date(l.get("validFrom")),
                        Values.date(l.get("validTo")))));
    }

    /** A trigger node's properties (as {@code t {.*}}) as a record. */
    public static Trigger trigger(MapAccessor t) {
        return new Trigger(t.get("id").asString(), TriggerKind.valueOf(t.get("kind").asString()),
                TriggerType.valueOf(t.get("triggerType").asString()), t.get("uscc").asString(), Values.str(t.get("issuingDepartmentId")),
                Values.str(t.get("issuingDepartment")), Values.str(t.get("legalBasis")), Values.str(t.get("reason")),
                Values.str(t.get("decisionNo")), Values.strings(t.get("penalties")),
                t.get("fineAmount").isNull() ? null : new BigDecimal(t.get("fineAmount").asString()),
                Values.dateTime(t.get("activeFrom")), Values.date(t.get("activeOn")), Values.dateTime(t.get("expiresAt")),
                Values.dateTime(t.get("removedAt")), Values.str(t.get("removalReason")),
                SourceSystem.valueOf(t.get("source").asString()), Values.str(t.get("sourceRef")),
                Values.dateTime(t.get("recordedAt")), Values.str(t.get("recordedBy")));
    }

    /** A measure version node's properties (as {@code m {.*}}) as a record. */
    public static Measure measure(MapAccessor m) {
        return new Measure(m.get("measureId").asString(), m.get("version").asInt(), TriggerType.valueOf(m.get("triggerType").asString()),
                RestrictionDomain.valueOf(m.get("domain").asString()), Effect.valueOf(m.get("effect").asString()),
                Reach.valueOf(m.get("reach").asString()), Values.strings(m.get("via")).stream().map(Reach::valueOf).toList(),
                m.get("maxHops").asInt(), m.get("minShare").isNull() ? null : new BigDecimal(m.get("minShare").asString()),
                Values.str(m.get("maxDuration")), Values.str(m.get("legalBasis")), Values.str(m.get("issuingAuthority")),
                Values.date(m.get("validFrom")), Values.date(m.get("validTo")), Values.str(m.get("description")),
                Values.dateTime(m.get("inForceFrom")), Values.dateTime(m.get("supersededAt")), Values.str(m.get("changedBy")),
                Values.str(m.get("changeReason")));
    }
}
