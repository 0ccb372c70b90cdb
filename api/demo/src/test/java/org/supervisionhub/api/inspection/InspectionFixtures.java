package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.TestClock;
import org.supervisionhub.api.access.DemoIssuer;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.demo.ExploreDemo;

/** Inspections for tests, drawn through the API as the hub draws them, and result inputs and calls. */
public final class InspectionFixtures {

    private InspectionFixtures() {
    }

    /** The caller the API sees for a subject: a test passes its {@code this::graphQl}. */
    public interface Callers {
        HttpGraphQlTester as(DemoIssuer.Subject subject);
    }

    static final String PROVINCIAL_ITEMS = "{ checklistVersion(id: \"CL-HRSS-430000-REGULAR-PROVINCE-2\") {"
            + " items(first: 50) { edges { node { id code itemClass } } } } }";

    /**
     * An active inspection drawn and inspected by {@code department}, made the way the hub makes one: a task of the
     * department's plan of {@code windowEnd}'s year with the window from 1 January (PLAN-17: a window lies in its plan's
     * year) to {@code windowEnd}, committed and executed (vdraw-1), selecting one enterprise it governs. No team is
     * assigned yet (so no scheduled visit day), no result exists and the enterprise was never listed.
     */
    public static String inspection(Callers callers, TestClock clock, Driver driver, String department, LocalDate windowEnd) {
        return inspection(callers, clock, driver, department, windowEnd.withDayOfYear(1), windowEnd);
    }

    /** The same, under a task whose window is [{@code windowStart}, {@code windowEnd}] (one year, PLAN-17). */
    public static String inspection(Callers callers, TestClock clock, Driver driver, String department, LocalDate windowStart, LocalDate windowEnd) {
        return drawn(callers, clock, driver, department, windowStart, windowEnd, null, null, Map.of());
    }

    /**
     * As {@link #inspection(Callers, TestClock, Driver, String, LocalDate, LocalDate)}, with its team: after the draw, the
     * department's officer matches its inspectors to the draw for {@code plannedOn} (assignInspectors, vdraw-1 steps 13 to
     * 16), as of the clock's now. {@code plannedOn} lies in the window (PLAN-17) and becomes the inspection's scheduled
     * visit day (NOTICE-06, END-NOT-BEFORE-SCHEDULED-VISIT). The task asks for two inspectors per inspection and none is
     * left short (flagged 0, checked here): the team is two current assignees, whom a test reads from the inspection's own
     * {@code ASSIGNED} relationships.
     */
    public static String assigned(Callers callers, TestClock clock, Driver driver, String department, LocalDate windowStart, LocalDate windowEnd,
                                  LocalDate plannedOn) {
        String id = inspection(callers, clock, driver, department, windowStart, windowEnd);
        String drawId = driver.executableQuery("MATCH (i:Inspection {id: $id}) RETURN i.drawId AS d").withParameters(Map.of("id", id))
                .execute().records().get(0).get("d").asString();
        Map<String, Object> run = ok(callers.as(subject(Role.OFFICER, department)),
                "mutation($d: ID!, $dep: ID!, $on: Date!) { assignInspectors(drawId: $d, departmentId: $dep, plannedOn: $on) { inspections flagged } }",
                "assignInspectors", Map.of("d", drawId, "dep", department, "on", plannedOn.toString()));
        assertThat(run).as("the assignment of " + id).containsEntry("inspections", 1).containsEntry("flagged", 0);
        assertThat(driver.executableQuery("MATCH (i:Inspection {id: $id})-[a:ASSIGNED]->(:Inspector) WHERE a.droppedAt IS NULL"
                + " RETURN i.plannedOn AS on, count(a) AS team").withParameters(Map.of("id", id)).execute().records())
                .as("the team of " + id).singleElement().satisfies(r -> {
                    assertThat(r.get("on").asLocalDate()).isEqualTo(plannedOn);
                    assertThat(r.get("team").asInt()).isEqualTo(2);
                });
        return id;
    }

    /**
     * As {@link #inspection(Callers, TestClock, Driver, String, LocalDate)}, under a task that is not announced in advance
     * (NOTICE-07: its inspections get no notice).
     */
    public static String unannounced(Callers callers, TestClock clock, Driver driver, String department, LocalDate windowEnd) {
        return drawn(callers, clock, driver, department, windowEnd.withDayOfYear(1), windowEnd, null, null, Map.of("announced", false));
    }

    /**
     * An active inspection drawn by {@code department} and dispatched to the department one level below that governs
     * {@code regionCode} (DRAW-14: a unified draw dispatching to {@code level}), under a task whose window is the year up
     * to {@code windowEnd}; as {@link #inspection(Callers, TestClock, Driver, String, LocalDate)} otherwise.
     */
    public static String dispatched(Callers callers, TestClock clock, Driver driver, String department, String regionCode, String level,
                                    LocalDate windowEnd) {
        return drawn(callers, clock, driver, department, windowEnd.withDayOfYear(1), windowEnd, regionCode, level, Map.of());
    }

    /**
     * The plan, task and draw as of the morning the window opens (a visit, record or result is not dated before the draw
     * that selected its enterprise: END-NOT-BEFORE-SCHEDULED-VISIT), or of yesterday for a window that opens later; the
     * clock runs on from where it was afterwards.
     */
    private static String drawn(Callers callers, TestClock clock, Driver driver, String department, LocalDate windowStart, LocalDate windowEnd,
                                String regionCode, String dispatchLevel, Map<String, Object> taskFields) {
        OffsetDateTime opens = windowStart.atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime();
        OffsetDateTime yesterday = clock.now().minusDays(1);
        OffsetDateTime usedFrom = clock.now();
        String[] id = new String[1];
        clock.runAt(opens.isBefore(yesterday) ? opens : yesterday,
                () -> id[0] = drawnNow(callers, driver, department, windowStart, windowEnd, regionCode, dispatchLevel, taskFields, usedFrom));
        return id[0];
    }

    private static String drawnNow(Callers callers, Driver driver, String department, LocalDate windowStart, LocalDate windowEnd,
                                   String regionCode, String dispatchLevel, Map<String, Object> taskFields, OffsetDateTime usedFrom) {
        // A lower level's draw of the same enterprise and item this year may take the selected inspection over (DRAW-13):
        // then it is no longer active and cannot be replaced; another task is drawn.
        for (int draw = 0; draw < 3; draw++) {
            String id = drawnOnce(callers, driver, department, windowStart, windowEnd, regionCode, dispatchLevel, taskFields, usedFrom);
            if (id != null) {
                return id;
            }
        }
        throw new AssertionError("no active inspection after three draws of " + department);
    }

    private static String drawnOnce(Callers callers, Driver driver, String department, LocalDate windowStart, LocalDate windowEnd,
                                    String regionCode, String dispatchLevel, Map<String, Object> taskFields, OffsetDateTime usedFrom) {
        HttpGraphQlTester officer = callers.as(subject(Role.OFFICER, department));
        Map<String, Object> task = task(callers, windowStart, windowEnd, regionCode, dispatchLevel);
        task.putAll(taskFields);
        String taskId = publishedTask(callers, department, windowEnd.getYear(), task);
        String drawId = officer.document("mutation($t: ID!) { commitDraw(taskId: $t) { id } }").variable("t", taskId).execute()
                .path("commitDraw.id").entity(String.class).get();
        officer.document("mutation($d: ID!) { executeDraw(drawId: $d, entropy: \"fixture\") { status } }").variable("d", drawId).execute()
                .path("executeDraw.status").entity(String.class).isEqualTo("EXECUTED");
        // One enterprise selected (a ratio that rounds up to one); an enterprise that is listed, has a result of any inspection or
        // lost items to a lower level's inspection (DRAW-13) is replaced by the next of its stratum's reserve (DRAW-02). So is
        // one of the explore demo's holding group: tests list what they draw, and the README's walk-through (ExploreApiTest,
        // ExplorePageBrowserTest) needs the group as the demo left it, whichever order the test classes run in. And so is one
        // recorded after the test's now (by a test that had set the clock ahead): a check as of now does not know it yet.
        // Replacing goes on until the reserve runs out: in a county holding the group (430102) most of the pool can be unfit.
        for (int attempt = 0; ; attempt++) {
            var rows = driver.executableQuery("""
                    MATCH (i:Inspection {drawId: $d, status: 'ACTIVE'})-[:TARGETS]->(e)
                    RETURN i.id AS id, e.uscc AS uscc, EXISTS { (e)<-[:CONCERNS]-(:RestrictionTrigger) }
                      OR EXISTS { (e)<-[:TARGETS]-(:Inspection)<-[:OF]-(:InspectionResult) } OR EXISTS { (i)-[:DEFERRED_TO]-() }
                      OR e.uscc STARTS WITH $group OR coalesce(e.recordedAt > $usedFrom, false) AS unfit""")
                    .withParameters(Map.of("d", drawId, "group", ExploreDemo.USCC_PREFIX, "usedFrom", usedFrom)).execute().records();
            if (rows.isEmpty()) {
                return null;
            }
            assertThat(rows).as("the draw's active inspection").hasSize(1);
            if (!rows.get(0).get("unfit").asBoolean()) {
                return rows.get(0).get("id").asString();
            }
            List<ResponseError> refused = new java.util.ArrayList<>();
            var replaced = officer.document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"不适用于测试\") { id } }")
                    .variable("d", drawId).variable("u", rows.get(0).get("uscc").asString()).execute();
            replaced.errors().satisfy(refused::addAll);
            if (!refused.isEmpty()) {
                throw new AssertionError("no fitting enterprise in draw " + drawId + " after " + attempt + " replacements: " + refused);
            }
            replaced.path("replaceDrawTarget.id").hasValue();
        }
    }

    /** The department's plan of {@code year}, created if need be, published, with the task added (after filing with a reason, PLAN-09). */
    private static String publishedTask(Callers callers, String department, int year, Map<String, Object> task) {
        HttpGraphQlTester officer = callers.as(subject(Role.OFFICER, department));
        HttpGraphQlTester leader = callers.as(subject(Role.LEADER, department));
        String planId = "PLAN-" + department + "-" + year;
        String status = statusOf(officer, department, year);
        if (status == null) {
            officer.document("mutation($in: CreateSamplingPlanInput!) { createSamplingPlan(input: $in) { id } }")
                    .variable("in", Map.of("departmentId", department, "year", year, "title", "测试计划 " + year)).execute()
                    .path("createSamplingPlan.id").entity(String.class).isEqualTo(planId);
            status = "DRAFT";
        }
        var add = officer.document("mutation($p: ID!, $in: SamplingTaskInput!, $r: String) { addSamplingTask(planId: $p, input: $in, reason: $r) { id } }")
                .variable("p", planId).variable("in", task).variable("r", "DRAFT".equals(status) ? null : "补充测试任务");
        String taskId = add.execute().path("addSamplingTask.id").entity(String.class).get();
        if ("DRAFT".equals(status)) {
            leader.document("mutation($id: ID!) { fileSamplingPlan(id: $id) { status } }").variable("id", planId).execute()
                    .path("fileSamplingPlan.status").hasValue();
            status = statusOf(officer, department, year);
        }
        if (!"PUBLISHED".equals(status)) {
            leader.document("mutation($id: ID!) { publishSamplingPlan(id: $id) { status } }").variable("id", planId).execute()
                    .path("publishSamplingPlan.status").entity(String.class).isEqualTo("PUBLISHED");
        }
        return taskId;
    }

    /** The status of the department's plan of {@code year}; null: it has none. */
    private static String statusOf(HttpGraphQlTester caller, String department, int year) {
        List<String> statuses = caller.document("query($d: ID!, $y: Int!) { samplingPlans(departmentId: $d, year: $y) { edges { node { status } } } }")
                .variable("d", department).variable("y", year).execute().path("samplingPlans.edges[*].node.status").entityList(String.class).get();
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static Map<String, Object> task(Callers callers, LocalDate windowStart, LocalDate windowEnd, String regionCode, String dispatchLevel) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("title", "测试抽查任务");
        in.put("itemIds", List.of(keyItem(callers)));
        in.put("method", "ON_SITE");
        if (regionCode != null) {
            in.put("mode", "DIRECTED");
            in.put("criteria", Map.of("regionCodes", List.of(regionCode)));
        }
        if (dispatchLevel != null) {
            in.put("origin", "SUPERIOR_UNIFIED");
            in.put("dispatchLevel", dispatchLevel);
        }
        // Unstratified, at the smallest ratio: the quota rounds up to one enterprise (vdraw-1 step 8).
        in.put("strataBy", "NONE");
        in.put("strata", List.of(Map.of("label", "ALL", "ratio", "0.000001")));
        in.put("windowStart", windowStart.toString());
        in.put("windowEnd", windowEnd.toString());
        in.put("inspectorsPerInspection", 2);
        return in;
    }

    /**
     * The province's key item HRSS-05 (child labour; on site): its ratio is not capped (DRAW-07) and every HR&SS department
     * may use it (CHK-07). Not HRSS-01 or HRSS-02, which the demo's and SamplingApiTest's draws use: the same item in the
     * same year of a superior and a subordinate makes the lower one inspect (DRAW-13), which would change their draws.
     */
    @SuppressWarnings("unchecked")
    private static String keyItem(Callers callers) {
        return callers.as(subject(Role.OFFICER, "HRSS-430000")).document(PROVINCIAL_ITEMS).execute().path("checklistVersion.items.edges[*].node")
                .entityList(Map.class).get().stream().filter(n -> "HRSS-05".equals(n.get("code")) && "KEY".equals(n.get("itemClass")))
                .map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }

    private static DemoIssuer.Subject subject(Role role, String department) {
        return new DemoIssuer.Subject(role.name().toLowerCase(java.util.Locale.ROOT) + "@" + department, List.of(role), department, null, null);
    }

    /**
     * A copy of a demo inspection of HRSS-430100, drawn and inspected by {@code department}, under its own copy of the
     * task whose window is the year up to {@code windowEnd}. Written with Cypher, a state the domain cannot reach: only
     * for departments a test itself adds (LifecycleApiTest's other jurisdictions), which govern no enterprise to draw.
     */
    public static String copiedInto(Driver driver, String department, LocalDate windowEnd) {
        String id = "INSP-JUR-" + department + "-" + HubIntegrationTest.nextKey();
        driver.executableQuery("""
                MATCH (i:Inspection {status: 'ACTIVE', drawnBy: 'HRSS-430100'})-[:TARGETS]->(e) WHERE coalesce(i.inspectedBy, i.drawnBy) = 'HRSS-430100'
                  AND NOT EXISTS { (e)<-[:CONCERNS]-(:RestrictionTrigger) } AND NOT EXISTS { (:InspectionResult)-[:OF]->(i) }
                WITH i, e LIMIT 1 MATCH (t:SamplingTask {id: i.taskId})
                WITH i, e, properties(i) AS ip, properties(t) AS tp
                CREATE (t2:SamplingTask) SET t2 = tp {.*, id: $id, planId: 'COPY-' + tp.planId, departmentId: $d, windowStart: $end - duration('P1Y'), windowEnd: $end, status: 'ACTIVE'}
                CREATE (c:Inspection) SET c = ip {.*, id: $id, taskId: $id, drawId: 'COPY-' + ip.drawId, drawnBy: $d, inspectedBy: $d, year: null, plannedOn: null}
                CREATE (c)-[:TARGETS]->(e)""").withParameters(Map.of("id", id, "d", department, "end", windowEnd)).execute();
        return id;
    }

    /** A result proposal's input. */
    public static Map<String, Object> input(String inspectionId, String category, String endedOn, String deadline, String delegation) {
        Map<String, Object> in = new LinkedHashMap<>(Map.of("inspectionId", inspectionId, "category", category,
                "facts", "检查事项1：劳动合同签订情况，抽查10份，均符合规定。", "endedOn", endedOn));
        if (deadline != null) {
            in.put("rectificationDeadline", deadline);
        }
        if (delegation != null) {
            in.put("delegation", delegation);
        }
        return in;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> ok(HttpGraphQlTester caller, String document, String field, Map<String, Object> variables) {
        var spec = caller.document(document);
        variables.forEach(spec::variable);
        return spec.execute().path(field).entity(Map.class).get();
    }

    /** The first error as {@code code field rule}. */
    public static String error(HttpGraphQlTester caller, String document, Map<String, Object> variables) {
        var spec = caller.document(document);
        variables.forEach(spec::variable);
        List<ResponseError> errors = new java.util.ArrayList<>();
        spec.execute().errors().satisfy(errors::addAll);
        assertThat(errors).as("errors").isNotEmpty();
        Map<String, Object> ext = errors.get(0).getExtensions();
        return ext.get("code") + " " + ext.get("field") + (ext.get("rule") == null ? "" : " " + ext.get("rule"));
    }

    /**
     * Inspections of one enterprise outside any draw, each with its own task window and one assigned inspector: rows of
     * {@code n} (suffix), {@code d} (drawing department), {@code from}/{@code to} (window), {@code item}, {@code inspector}.
     */
    public static void inspectionsOf(Driver driver, String uscc, String run, java.time.OffsetDateTime assignedAt, List<Map<String, Object>> rows) {
        driver.executableQuery("""
                MATCH (e:Enterprise {uscc: $uscc})
                UNWIND $rows AS r
                CREATE (t:SamplingTask {id: $run + '-' + r.n, windowStart: date(r.from), windowEnd: date(r.to)})
                CREATE (i:Inspection {id: $run + '-I' + r.n, taskId: t.id, drawId: $run, uscc: $uscc, status: 'ACTIVE', drawnBy: r.d,
                        itemCodes: [r.item], stratum: 'ALL', drawOrder: r.n, rank: '00', flagged: false})-[:TARGETS]->(e)
                WITH i, r MATCH (p:Inspector {inspectorId: r.inspector}) CREATE (i)-[:ASSIGNED {position: 1, at: $at}]->(p)""")
                .withParameters(Map.of("uscc", uscc, "run", run, "rows", rows, "at", assignedAt)).execute();
    }
}
