package org.supervisionhub.graph.publicsite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Value;
import org.supervisionhub.graph.publicsite.PublicSite.Checklist;
import org.supervisionhub.graph.publicsite.PublicSite.Department;
import org.supervisionhub.graph.publicsite.PublicSite.Draw;
import org.supervisionhub.graph.publicsite.PublicSite.Item;
import org.supervisionhub.graph.publicsite.PublicSite.Notice;
import org.supervisionhub.graph.publicsite.PublicSite.Penalty;
import org.supervisionhub.graph.publicsite.PublicSite.Plan;
import org.supervisionhub.graph.publicsite.PublicSite.Publication;
import org.supervisionhub.graph.publicsite.PublicSite.Result;
import org.supervisionhub.graph.publicsite.PublicSite.ResultQuery;
import org.supervisionhub.graph.publicsite.PublicSite.Slice;
import org.supervisionhub.graph.publicsite.PublicSite.Task;
import org.supervisionhub.graph.store.Values;

/**
 * The public site's reads (一公开), on the driver directly (read routing), and never a result withheld (PUB-11). Every statement returns
 * only published material and only the public fields: a property the public may not read is never projected, so a
 * later change of a web adapter cannot leak it.
 */
public class PublicSiteRepository {

    static final String DEPT_NAME = "COLLECT { MATCH (x:Department {id: %s}) RETURN x.name }[0]";

    static final String DEPARTMENTS = "MATCH (d:Department)-[:GOVERNS]->(g:Region)"
            + " RETURN d.id AS id, d.name AS name, d.level AS level, d.sector AS sector, g.code AS regionCode, g.name AS regionName,"
            + " [(d)-[:REPORTS_TO]->(s:Department) | s.id][0] AS superiorId ORDER BY g.code, d.level, d.id";

    /** A published result {@code r} as a row of the list (without the enterprise's name, which each list reads its own way). */
    static final String RESULT_ROW = "r.id AS id, r.uscc AS uscc, r.inspectingDepartment AS departmentId,"
            + " " + DEPT_NAME.formatted("r.inspectingDepartment") + " AS departmentName, r.category AS category, r.endedOn AS endedOn,"
            + " r.publishedAt AS publishedAt, r.correctedAt AS correctedAt, r.publicUntil AS publicUntil,"
            + " COLLECT { MATCH (i:Inspection {id: r.inspectionId})"
            + "   RETURN coalesce(i.jointOf, CASE WHEN EXISTS { (:Inspection)-[:JOINT_PART_OF]->(i) } THEN i.id END) }[0] AS jointInspectionId,"
            + " EXISTS { MATCH (o:ResultObjection {resultId: r.id}) WHERE o.status = 'UNDER_REVIEW' } AS underReview";
    /**
     * Published results (PUB-02), never one withheld as unsuitable for disclosure (PUB-11). Paged by offset after an order
     * that ties break by id, with the count of the whole list. The statement starts from the most selective index the
     * question allows (see {@link #RESULTS_FROM}); every criterion is then applied to the rows found, so all anchors answer alike.
     */
    static final String RESULTS = " WITH r WHERE r.status = 'PUBLISHED' AND r.withheldAt IS NULL"
            + " AND ($uscc IS NULL OR r.uscc = $uscc)"
            + " AND ($departmentId IS NULL OR r.inspectingDepartment = $departmentId)"
            + " AND ($from IS NULL OR r.endedOn >= $from) AND ($to IS NULL OR r.endedOn <= $to)"
            + " AND ($category IS NULL OR r.category = $category)"
            + " AND ($name IS NULL OR r.enterpriseName CONTAINS $name)"
            + " WITH r ORDER BY r.publishedAt DESC, r.id"
            + " WITH collect({r: r, e: r.enterpriseName}) AS rows"
            + " UNWIND (CASE WHEN size(rows) > $skip THEN rows[$skip..$skip + $limit] ELSE [null] END) AS x"
            + " WITH size(rows) AS total, x WITH total, x.r AS r, x.e AS enterpriseName"
            + " RETURN total, enterpriseName, " + RESULT_ROW;
    /**
     * A name search reads the enterprise's name kept on each published result ({@code r.enterpriseName}, under a text index
     * of its own), so a fragment common to hundreds of thousands of enterprises scans at most the published results that
     * match it, never every enterprise. Publishing sets it (ResultRepository.PUBLISH); a rename keeps it current.
     */
    public static final String SEARCH_NAME = "MATCH (r:InspectionResult) WHERE r.enterpriseName CONTAINS $name";
    /**
     * Appended after an enterprise {@code e}'s name is set by a registry or directory upsert: its published results follow,
     * so a search by the new name finds them. A unit subquery: the statement's rows go on unchanged.
     */
    public static final String RENAME_PUBLISHED = " CALL (e) { MATCH (pr:InspectionResult {uscc: e.uscc})"
            + " WHERE pr.enterpriseName IS NOT NULL AND pr.enterpriseName <> e.name SET pr.enterpriseName = e.name }";
    /**
     * Where a search starts: a USCC by the results' USCC index; a name by the results' name text index ({@link #SEARCH_NAME});
     * a department by the results' department index; otherwise the published results by their status index.
     */
    static final Map<String, String> RESULTS_FROM = Map.of(
            "uscc", "MATCH (r:InspectionResult {uscc: $uscc})",
            "name", SEARCH_NAME,
            "department", "MATCH (r:InspectionResult {inspectingDepartment: $departmentId})",
            "all", "MATCH (r:InspectionResult) WHERE r.status = 'PUBLISHED'");

    /**
     * The unfiltered list, newest first: the page is read in the order of the (status, publishedAt) index (a partial sort
     * breaks ties by id) instead of sorting every published result, and the total comes from two index counts. The order
     * names {@code r.status} first, the index's leading key: without it Neo4j 5.26 plans a full Top over every published
     * result (9,814 rows at 200,000 enterprises; 105 ms p50 at 1,000,000) instead of a PartialTop over the page (22 rows).
     */
    static final String NEWEST = "MATCH (r:InspectionResult) WHERE r.status = 'PUBLISHED' AND r.publishedAt IS NOT NULL"
            + " AND r.withheldAt IS NULL WITH r ORDER BY r.status, r.publishedAt DESC, r.id SKIP $skip LIMIT $limit RETURN r.id AS id";
    /**
     * The page's rows, read apart from the page itself: any subquery after the PartialTop above makes Neo4j 5.26's planner
     * fail ("should not appear non-cached"), and the row needs several.
     */
    static final String ROWS = "UNWIND $ids AS id MATCH (r:InspectionResult {id: id})"
            + " RETURN r.enterpriseName AS enterpriseName, " + RESULT_ROW;
    static final String NEWEST_TOTAL = "CALL () { MATCH (r:InspectionResult) WHERE r.status = 'PUBLISHED' AND r.publishedAt IS NOT NULL"
            + " RETURN count(r) AS published } CALL () { MATCH (r:InspectionResult) WHERE r.withheldAt IS NOT NULL AND r.status = 'PUBLISHED'"
            + " RETURN count(r) AS withheld } RETURN published - withheld AS total";

    static final String PENALTIES = "MATCH (d:PenaltyDecision) WHERE d.publishedAt IS NOT NULL"
            + " AND ($departmentId IS NULL OR d.departmentId = $departmentId)"
            // A map, not the node: Neo4j 5.26's planner fails on the node's cached publishedAt after the ordering.
            + " WITH d {.id, .uscc, .departmentId, .decisionNumber, .decidedOn, .content, .publishedAt} AS d"
            + " ORDER BY d.publishedAt DESC, d.id WITH collect(d) AS rows"
            + " UNWIND (CASE WHEN size(rows) > $skip THEN rows[$skip..$skip + $limit] ELSE [null] END) AS pd"
            + " RETURN size(rows) AS total, pd.id AS id, pd.uscc AS uscc, COLLECT { MATCH (e:Enterprise {uscc: pd.uscc}) RETURN e.name }[0] AS enterpriseName,"
            + " pd.departmentId AS departmentId, " + DEPT_NAME.formatted("pd.departmentId") + " AS departmentName,"
            + " pd.decisionNumber AS decisionNumber, pd.decidedOn AS decidedOn, pd.content AS content, pd.publishedAt AS publishedAt";

    /** Notices as served (NOTICE-01); no contact line and nothing of the team (NOTICE-03). */
    static final String NOTICES = "MATCH (n:InspectionNotice) WHERE ($departmentId IS NULL OR n.departmentId = $departmentId)"
            + " WITH n ORDER BY n.issuedAt DESC, n.id WITH collect(n) AS rows"
            + " UNWIND (CASE WHEN size(rows) > $skip THEN rows[$skip..$skip + $limit] ELSE [null] END) AS pn"
            + " RETURN size(rows) AS total, pn.id AS id, pn.uscc AS uscc, pn.enterpriseName AS enterpriseName, pn.departmentId AS departmentId,"
            + " " + DEPT_NAME.formatted("pn.departmentId") + " AS departmentName, pn.issuedAt AS issuedAt, pn.visitAt AS visitAt,"
            + " pn.basis AS basis, pn.content AS content, pn.materials AS materials";

    /** Published checklist editions with their items (CHK-05); drafts never. */
    static final String CHECKLISTS = "MATCH (v:ChecklistVersion {status: 'PUBLISHED'})-[:ISSUED_BY]->(d:Department)"
            + " WHERE $departmentId IS NULL OR d.id = $departmentId"
            + " WITH v, d ORDER BY d.id, v.scope, v.kind, v.edition DESC WITH collect({v: v, d: d}) AS rows"
            + " UNWIND (CASE WHEN size(rows) > $skip THEN rows[$skip..$skip + $limit] ELSE [null] END) AS x"
            + " WITH size(rows) AS total, x.v AS v, x.d AS d"
            + " RETURN total, v.id AS id, v.title AS title, v.scope AS scope, v.kind AS kind, v.edition AS edition, d.id AS departmentId,"
            + " d.name AS departmentName, v.publishedAt AS publishedAt, [(v)-[:SUPERSEDES]->(p:ChecklistVersion) | p.id][0] AS supersedesId,"
            + " [(v)-[h:HAS_ITEM]->(i:InspectionItem) | {position: h.position, code: i.code, title: i.title, legalBasis: i.legalBasis,"
            + "  content: i.content}] AS items";

    /** Published plans and their tasks, with the public parts of a task only (no strata, ratios or complaint rule). */
    static final String PLANS = "MATCH (p:SamplingPlan) WHERE p.status = 'PUBLISHED' AND ($departmentId IS NULL OR p.departmentId = $departmentId)"
            + " WITH p ORDER BY p.year DESC, p.departmentId WITH collect(p) AS rows"
            + " UNWIND (CASE WHEN size(rows) > $skip THEN rows[$skip..$skip + $limit] ELSE [null] END) AS pp"
            + " RETURN size(rows) AS total, pp.id AS id, pp.year AS year, pp.title AS title, pp.departmentId AS departmentId,"
            + " " + DEPT_NAME.formatted("pp.departmentId") + " AS departmentName, pp.publishedAt AS publishedAt, pp.revision AS revision,"
            + " [(t:SamplingTask)-[:TASK_OF]->(pp) | {id: t.id, title: t.title, method: t.method, windowStart: t.windowStart,"
            + "  windowEnd: t.windowEnd, status: t.status, items: [(t)-[:COVERS]->(i:InspectionItem) | i.title]}] AS tasks";

    /** Draws with a commitment (DRAW-18): the commitment is public as soon as it is made. */
    static final String DRAWS = "MATCH (d:Draw) WHERE ($departmentId IS NULL OR d.departmentId = $departmentId)"
            + " WITH d ORDER BY d.committedAt DESC, d.id WITH collect(d) AS rows"
            + " UNWIND (CASE WHEN size(rows) > $skip THEN rows[$skip..$skip + $limit] ELSE [null] END) AS pd"
            + " RETURN size(rows) AS total, pd.id AS id, pd.taskId AS taskId, COLLECT { MATCH (t:SamplingTask {id: pd.taskId}) RETURN t.title }[0] AS taskTitle,"
            + " pd.departmentId AS departmentId, " + DEPT_NAME.formatted("pd.departmentId") + " AS departmentName, pd.batchNo AS batchNo,"
            + " pd.committedAt AS committedAt, pd.executedAt AS executedAt, pd.poolSize AS poolSize";

    /** A department's publications, newest first, for its Atom feed. */
    static final String PUBLICATIONS = "CALL () {"
            + " MATCH (r:InspectionResult {inspectingDepartment: $departmentId}) WHERE r.status = 'PUBLISHED' AND r.withheldAt IS NULL"
            + " RETURN 'RESULT' AS kind, r.id AS id, coalesce(r.enterpriseName, r.uscc) + ' ' + r.category AS title,"
            + " coalesce(r.correctedAt, r.publishedAt) AS at"
            + " UNION ALL MATCH (d:PenaltyDecision {departmentId: $departmentId}) WHERE d.publishedAt IS NOT NULL"
            + " RETURN 'PENALTY' AS kind, d.id AS id, d.decisionNumber AS title, d.publishedAt AS at"
            + " UNION ALL MATCH (v:ChecklistVersion {status: 'PUBLISHED'})-[:ISSUED_BY]->(:Department {id: $departmentId})"
            + " RETURN 'CHECKLIST' AS kind, v.id AS id, v.title AS title, v.publishedAt AS at"
            + " UNION ALL MATCH (p:SamplingPlan {departmentId: $departmentId}) WHERE p.status = 'PUBLISHED'"
            + " RETURN 'PLAN' AS kind, p.id AS id, p.title AS title, p.publishedAt AS at"
            + " UNION ALL MATCH (d:Draw {departmentId: $departmentId})"
            + " RETURN 'DRAW' AS kind, d.id AS id, d.id AS title, coalesce(d.executedAt, d.committedAt) AS at"
            + " } WITH kind, id, title, at WHERE at IS NOT NULL RETURN kind, id, title, at ORDER BY at DESC, id LIMIT $limit";

    private final Driver driver;
    private final QueryConfig read;

    public PublicSiteRepository(Driver driver, String database) {
        this.driver = driver;
        QueryConfig.Builder r = QueryConfig.builder().withRouting(RoutingControl.READ);
        if (database != null && !database.isBlank()) {
            r.withDatabase(database);
        }
        this.read = r.build();
    }

    private List<Record> read(String cypher, Map<String, Object> params) {
        return driver.executableQuery(cypher).withParameters(params).withConfig(read).execute().records();
    }

    private static Map<String, Object> paging(String departmentId, int skip, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentId", departmentId);
        p.put("skip", skip);
        p.put("limit", limit);
        return p;
    }

    private <T> Slice<T> slice(String cypher, Map<String, Object> params, java.util.function.Function<Record, T> row) {
        List<Record> records = read(cypher, params);
        if (records.isEmpty()) {
            return new Slice<>(List.of(), 0);
        }
        List<T> items = new ArrayList<>();
        for (Record r : records) {
            if (!r.get("id").isNull()) {
                items.add(row.apply(r));
            }
        }
        return new Slice<>(items, records.get(0).get("total").asLong());
    }

    public List<Department> departments() {
        return read(DEPARTMENTS, Map.of()).stream().map(r -> new Department(r.get("id").asString(), r.get("name").asString(),
                Values.str(r.get("level")), Values.str(r.get("sector")), r.get("regionCode").asString(), r.get("regionName").asString(),
                Values.str(r.get("superiorId")))).toList();
    }

    /** {@code uscc}: an exact, normalised USCC to look up by index (the caller recognises one); else {@code q.text()} is part of a name. */
    public Slice<Result> results(ResultQuery q, String uscc, int skip, int limit) {
        Map<String, Object> p = paging(q.departmentId(), skip, limit);
        p.put("uscc", uscc);
        p.put("name", uscc == null && q.text() != null && !q.text().isBlank() ? q.text().strip() : null);
        p.put("from", q.from());
        p.put("to", q.to());
        p.put("category", q.category());
        String from = uscc != null ? "uscc" : p.get("name") != null ? "name" : q.departmentId() != null ? "department" : "all";
        java.util.function.Function<Record, Result> row = r -> new Result(r.get("id").asString(),
                r.get("uscc").asString(), Values.str(r.get("enterpriseName")), r.get("departmentId").asString(),
                Values.str(r.get("departmentName")), r.get("category").asString(), Values.date(r.get("endedOn")),
                Values.dateTime(r.get("publishedAt")), Values.dateTime(r.get("correctedAt")), Values.date(r.get("publicUntil")),
                r.get("underReview").asBoolean(), Values.str(r.get("jointInspectionId")));
        if (from.equals("all") && q.from() == null && q.to() == null && q.category() == null) {
            List<String> ids = read(NEWEST, p).stream().map(r -> r.get("id").asString()).toList();
            Map<String, Result> rows = new HashMap<>();
            read(ROWS, Map.of("ids", ids)).forEach(r -> rows.put(r.get("id").asString(), row.apply(r)));
            List<Result> items = ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
            return new Slice<>(items, read(NEWEST_TOTAL, Map.of()).get(0).get("total").asLong());
        }
        return slice(RESULTS_FROM.get(from) + RESULTS, p, row);
    }

    public Slice<Penalty> penalties(String departmentId, int skip, int limit) {
        return slice(PENALTIES, paging(departmentId, skip, limit), r -> new Penalty(r.get("id").asString(), r.get("uscc").asString(),
                Values.str(r.get("enterpriseName")), r.get("departmentId").asString(), Values.str(r.get("departmentName")),
                Values.str(r.get("decisionNumber")), Values.date(r.get("decidedOn")), Values.str(r.get("content")),
                Values.dateTime(r.get("publishedAt"))));
    }

    public Slice<Notice> notices(String departmentId, int skip, int limit) {
        return slice(NOTICES, paging(departmentId, skip, limit), r -> new Notice(r.get("id").asString(), r.get("uscc").asString(),
                Values.str(r.get("enterpriseName")), r.get("departmentId").asString(), Values.str(r.get("departmentName")),
                Values.dateTime(r.get("issuedAt")), Values.dateTime(r.get("visitAt")), strings(r.get("basis")), strings(r.get("content")),
                strings(r.get("materials"))));
    }

    public Slice<Checklist> checklists(String departmentId, int skip, int limit) {
        return slice(CHECKLISTS, paging(departmentId, skip, limit), r -> new Checklist(r.get("id").asString(), Values.str(r.get("title")),
                Values.str(r.get("scope")), Values.str(r.get("kind")), r.get("edition").asInt(0), r.get("departmentId").asString(),
                Values.str(r.get("departmentName")), Values.dateTime(r.get("publishedAt")), Values.str(r.get("supersedesId")),
                r.get("items").asList(v -> v).stream().sorted(java.util.Comparator.comparingInt(v -> v.get("position").asInt()))
                        .map(v -> new Item(Values.str(v.get("code")), Values.str(v.get("title")), Values.str(v.get("legalBasis")),
                                Values.str(v.get("content")))).toList()));
    }

    public Slice<Plan> plans(String departmentId, int skip, int limit) {
        return slice(PLANS, paging(departmentId, skip, limit), r -> new Plan(r.get("id").asString(), r.get("year").asInt(),
                Values.str(r.get("title")), r.get("departmentId").asString(), Values.str(r.get("departmentName")),
                Values.dateTime(r.get("publishedAt")), r.get("revision").asInt(0),
                r.get("tasks").asList(v -> v).stream().map(v -> new Task(v.get("id").asString(), Values.str(v.get("title")),
                        Values.str(v.get("method")), Values.date(v.get("windowStart")), Values.date(v.get("windowEnd")),
                        Values.str(v.get("status")), strings(v.get("items")))).sorted(java.util.Comparator.comparing(Task::id)).toList()));
    }

    public Slice<Draw> draws(String departmentId, int skip, int limit) {
        return slice(DRAWS, paging(departmentId, skip, limit), r -> new Draw(r.get("id").asString(), r.get("taskId").asString(),
                Values.str(r.get("taskTitle")), Values.str(r.get("departmentId")), Values.str(r.get("departmentName")),
                r.get("batchNo").asInt(0), Values.dateTime(r.get("committedAt")), Values.dateTime(r.get("executedAt")),
                r.get("poolSize").asLong(0)));
    }

    public List<Publication> publications(String departmentId, int limit) {
        return read(PUBLICATIONS, Map.of("departmentId", departmentId, "limit", limit)).stream().map(r -> new Publication(
                r.get("kind").asString(), r.get("id").asString(), Values.str(r.get("title")), Values.dateTime(r.get("at")))).toList();
    }

    private static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
