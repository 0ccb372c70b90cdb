package org.supervisionhub.api.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans, tasks and vdraw-1 draws through the real API and graph. Every verification document is
 * re-checked by {@link IndependentVerifier}, which knows only the spec.
 */
class SamplingApiTest extends HubIntegrationTest {

    static final String PROVINCIAL_KEY_ITEM = "{ checklistVersion(id: \"CL-HRSS-430000-REGULAR-PROVINCE-2\") {"
            + " items(first: 50) { edges { node { id itemClass } } } } }";
    static final String TASK_FIELDS = "id status plan { id status }";

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    // ---- helpers

    String keyItem() {
        List<Map<String, Object>> edges = graphQl().document(PROVINCIAL_KEY_ITEM).execute()
                .path("checklistVersion.items.edges").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).filter(n -> "KEY".equals(n.get("itemClass")))
                .map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }

    /** A published plan of {@code department} for {@code year} with one task over {@code criteria} at ratio {@code ratio}. */
    String publishedTask(String department, int year, Map<String, Object> criteria, String ratio) {
        return publishedTask(department, year, task(criteria, ratio, year));
    }

    /** A published plan of {@code department} for {@code year} with the one task {@code taskInput}. */
    String publishedTask(String department, int year, Map<String, Object> taskInput) {
        HttpGraphQlTester officer = graphQl(officer(department));
        String planId = "PLAN-" + department + "-" + year;
        officer.document("mutation($in: CreateSamplingPlanInput!) { createSamplingPlan(input: $in) { id status } }")
                .variable("in", Map.of("departmentId", department, "year", year, "title", "测试计划 " + year)).execute()
                .path("createSamplingPlan.status").entity(String.class).isEqualTo("DRAFT");
        String taskId = officer.document("mutation($p: ID!, $in: SamplingTaskInput!) { addSamplingTask(planId: $p, input: $in) { id } }")
                .variable("p", planId).variable("in", taskInput).execute()
                .path("addSamplingTask.id").entity(String.class).get();
        HttpGraphQlTester leader = graphQl(leader(department));
        leader.document("mutation($id: ID!) { fileSamplingPlan(id: $id) { status filedWith { id } } }").variable("id", planId).execute()
                .path("fileSamplingPlan.status").entity(String.class).isEqualTo("FILED");
        leader.document("mutation($id: ID!) { publishSamplingPlan(id: $id) { status } }").variable("id", planId).execute()
                .path("publishSamplingPlan.status").entity(String.class).isEqualTo("PUBLISHED");
        return taskId;
    }

    Map<String, Object> task(Map<String, Object> criteria, String ratio, int year) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", "工资支付抽查");
        in.put("itemIds", List.of(keyItem()));
        in.put("method", "ON_SITE");
        in.put("mode", criteria == null ? "UNDIRECTED" : "DIRECTED");
        if (criteria != null) {
            in.put("criteria", criteria);
        }
        in.put("strata", List.of(Map.of("label", "A", "ratio", ratio), Map.of("label", "B", "ratio", ratio),
                Map.of("label", "C", "ratio", ratio), Map.of("label", "D", "ratio", ratio), Map.of("label", "UNCLASSIFIED", "ratio", ratio)));
        in.put("windowStart", year + "-03-01");
        in.put("windowEnd", year + "-12-31");
        in.put("inspectorsPerInspection", 2);
        return in;
    }

    String commit(String department, String taskId) {
        return graphQl(officer(department)).document("mutation($t: ID!) { commitDraw(taskId: $t) { id status } }").variable("t", taskId)
                .execute().path("commitDraw.id").entity(String.class).get();
    }

    void execute(String department, String drawId, String entropy) {
        graphQl(officer(department)).document("mutation($d: ID!, $e: String) { executeDraw(drawId: $d, entropy: $e) { status } }")
                .variable("d", drawId).variable("e", entropy).execute().path("executeDraw.status").entity(String.class).isEqualTo("EXECUTED");
    }

    Map<String, Object> document(String drawId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/draws/" + drawId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readValue(r.body(), Map.class);
    }

    /** The complete verification document, read as an administrator (Amendment 1). */
    Map<String, Object> completeDocument(String drawId) throws Exception {
        HttpResponse<String> r = get("/oversight/draws/" + drawId, token(admin()));
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readValue(r.body(), Map.class);
    }

    /** The complete document of a draw after checking everything a verifier can ({@link DrawDocuments#assertVerifies}). */
    Map<String, Object> verified(String drawId) throws Exception {
        Map<String, Object> complete = completeDocument(drawId);
        DrawDocuments.assertVerifies(drawId, complete, document(drawId));
        return complete;
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> codes(HttpGraphQlTester.Response response) {
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> codes.add(e.getExtensions().get("code") + "/" + e.getExtensions().get("rule"))));
        return codes;
    }

    // ---- tests

    @Test
    void everyDemoDrawPublishedAtPublicDrawsVerifiesIndependently_vdraw1() throws Exception {
        List<Map<String, Object>> list = json.readValue(get("/public/draws?size=100", null).body(), List.class);
        assertThat(list).isNotEmpty();
        int executed = 0;
        for (Map<String, Object> row : list) {
            Map<String, Object> doc = verified((String) row.get("drawId"));
            assertThat(IndependentVerifier.verifyDocument(doc)).as("draw " + row.get("drawId")).isEmpty();
            if (row.get("executedAt") == null) {
                // Before execution only the commitment is published (spec: secret, seed, selected absent).
                assertThat(doc).doesNotContainKeys("secret", "seed", "selected");
                assertThat((String) doc.get("commitment")).hasSize(64);
            } else {
                executed++;
            }
        }
        assertThat(executed).isGreaterThanOrEqualTo(2);
    }

    @Test
    void commitExecuteReplaceAndIllegalTransitionsGetTypedErrorsAndChangeNothing() throws Exception {
        String dept = "HRSS-430103";
        String taskId = publishedTask(dept, 2027, null, "0.2");
        String drawId = commit(dept, taskId);
        Map<String, Object> committed = verified(drawId);
        assertThat(committed).doesNotContainKeys("secret", "seed", "selected");
        assertThat(IndependentVerifier.verifyDocument(committed)).isEmpty();

        // Commit twice: the batch is committed but not executed.
        assertThat(codes(graphQl(officer(dept)).document("mutation($t: ID!) { commitDraw(taskId: $t) { id } }").variable("t", taskId).execute()))
                .containsExactly("ILLEGAL_TRANSITION/DRAW-03");
        // Edit a committed pool.
        assertThat(codes(graphQl(officer(dept)).document("mutation($id: ID!, $in: SamplingTaskInput!) { updateSamplingTask(id: $id, input: $in, reason: \"x\") { id } }")
                .variable("id", taskId).variable("in", task(null, "0.3", 2027)).execute())).containsExactly("IMMUTABLE/DRAW-01");
        // Replace before execution.
        String someUscc = ((List<Map<String, String>>) committed.get("pool")).get(0).get("uscc");
        assertThat(codes(graphQl(officer(dept)).document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"注销\") { id } }")
                .variable("d", drawId).variable("u", someUscc).execute())).containsExactly("ILLEGAL_TRANSITION/DRAW-02");
        // Execute a draw that was never committed.
        assertThat(codes(graphQl(officer(dept)).document("mutation { executeDraw(drawId: \"DRW-NOPE\") { id } }").execute()))
                .containsExactly("NOT_FOUND/null");

        execute(dept, drawId, "beacon-20270301");
        assertThat(codes(graphQl(officer(dept)).document("mutation($d: ID!) { executeDraw(drawId: $d) { id } }").variable("d", drawId).execute()))
                .containsExactly("ILLEGAL_TRANSITION/DRAW-01");
        Map<String, Object> executed = verified(drawId);
        assertThat(executed.get("entropy")).isEqualTo("beacon-20270301");
        assertThat(IndependentVerifier.verifyDocument(executed)).isEmpty();

        // Replace a target of another draw: not one of this draw's targets.
        List<Map<String, Object>> selected = (List<Map<String, Object>>) executed.get("selected");
        Set<String> ours = new HashSet<>();
        selected.forEach(s -> ours.add((String) s.get("uscc")));
        String notOurs = ((List<Map<String, String>>) executed.get("pool")).stream().map(p -> p.get("uscc"))
                .filter(u -> !ours.contains(u)).findFirst().orElseThrow();
        assertThat(codes(graphQl(officer(dept)).document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"注销\") { id } }")
                .variable("d", drawId).variable("u", notOurs).execute())).containsExactly("NOT_FOUND/DRAW-02");
        // Another department cannot act on this draw.
        assertThat(codes(graphQl(officer("HRSS-430104")).document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"x\") { id } }")
                .variable("d", drawId).variable("u", (String) selected.get(0).get("uscc")).execute())).containsExactly("FORBIDDEN/null");

        // DRAW-02: two replacements take the first two unused reserve entries; the verifier recomputes both.
        String first = (String) selected.get(0).get("uscc");
        String replacement = graphQl(officer(dept)).document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"企业已注销\") { uscc replacementOf status } }")
                .variable("d", drawId).variable("u", first).execute().path("replaceDrawTarget.replacementOf").entity(String.class).isEqualTo(first)
                .path("replaceDrawTarget.uscc").entity(String.class).get();
        graphQl(officer(dept)).document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"不属本局管辖\") { uscc } }")
                .variable("d", drawId).variable("u", replacement).execute().path("replaceDrawTarget.uscc").hasValue();
        Map<String, Object> replaced = verified(drawId);
        assertThat((List<?>) replaced.get("replacements")).hasSize(2);
        assertThat(IndependentVerifier.verifyDocument(replaced)).isEmpty();
        // Replacing the already replaced target again is refused.
        assertThat(codes(graphQl(officer(dept)).document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"x\") { id } }")
                .variable("d", drawId).variable("u", first).execute())).containsExactly("NOT_FOUND/DRAW-02");
    }

    @Test
    void executingTheSameDrawConcurrentlyYieldsExactlyOneDraw() throws Exception {
        String dept = "HRSS-430104";
        String drawId = commit(dept, publishedTask(dept, 2027, null, "0.3"));
        String token = token(officer(dept));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "{\"query\":\"mutation { executeDraw(drawId: \\\"" + drawId + "\\\", entropy: \\\"e" + i + "\\\") { status } }\"}";
            calls.add(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
            String body = f.get().body();
            ok += body.contains("\"EXECUTED\"") ? 1 : 0;
            refused += body.contains("ILLEGAL_TRANSITION") ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(refused).isEqualTo(7);
        Map<String, Object> doc = verified(drawId);
        int expected = ((List<Map<String, Object>>) doc.get("strata")).stream().mapToInt(s -> ((Number) s.get("selectedCount")).intValue()).sum();
        assertThat((List<?>) doc.get("selected")).hasSize(expected);
        graphQl().document("query($d: ID!) { draw(id: $d) { inspectionCount } }").variable("d", drawId).execute()
                .path("draw.inspectionCount").entity(Integer.class).isEqualTo(expected);
        assertThat(IndependentVerifier.verifyDocument(doc)).isEmpty();
    }

    @Test
    void anEnterpriseAtTheYearlyCapIsLeftOutOfTheNextPool_DRAW12() throws Exception {
        String dept = "HRSS-430121";
        Map<String, Object> criteria = Map.of("orgTypes", List.of("COMPANY"));
        // Two draws that take every company of the county make each of them reach the cap of two.
        for (int year : List.of(2029)) {
            HttpGraphQlTester officer = graphQl(officer(dept));
            String first = publishedTask(dept, year, criteria, "1");
            execute(dept, commit(dept, first), "");
            String second = officer.document("mutation($p: ID!, $in: SamplingTaskInput!, $r: String) { addSamplingTask(planId: $p, input: $in, reason: $r) { id } }")
                    .variable("p", "PLAN-" + dept + "-" + year).variable("in", task(criteria, "1", year)).variable("r", "第二批")
                    .execute().path("addSamplingTask.id").entity(String.class).get();
            execute(dept, commit(dept, second), "");
            String third = officer.document("mutation($p: ID!, $in: SamplingTaskInput!, $r: String) { addSamplingTask(planId: $p, input: $in, reason: $r) { id } }")
                    .variable("p", "PLAN-" + dept + "-" + year).variable("in", task(criteria, "1", year)).variable("r", "第三批")
                    .execute().path("addSamplingTask.id").entity(String.class).get();
            assertThat(codes(officer.document("mutation($t: ID!) { commitDraw(taskId: $t) { id } }").variable("t", third).execute()))
                    .containsExactly("INVALID_VALUE/DRAW-01");
            // The adjustments were recorded against the published plan (PLAN-09).
            graphQl(officer(dept)).document("query($id: ID!) { samplingPlan(id: $id) { revision adjustments { reason actor } } }")
                    .variable("id", "PLAN-" + dept + "-" + year).execute()
                    .path("samplingPlan.revision").entity(Integer.class).isEqualTo(2)
                    .path("samplingPlan.adjustments[0].actor").hasValue();
        }
    }

    @Test
    void whenCityAndCountyDrawTheSameEnterpriseForTheSameItemTheCountyInspects_DRAW13() throws Exception {
        String city = "HRSS-430100";
        String county = "HRSS-430102";
        Map<String, Object> inCounty = Map.of("regionCodes", List.of("430102"));
        String cityDraw = commit(city, publishedTaskAfterDemo(city, 2028, inCounty));
        execute(city, cityDraw, "");
        String countyDraw = commit(county, publishedTask(county, 2028, null, "1"));
        execute(county, countyDraw, "");
        List<Map<String, Object>> deferrals = (List<Map<String, Object>>) verified(countyDraw).get("lowerLevelInspects");
        assertThat(deferrals).isNotEmpty();
        assertThat((List<?>) verified(cityDraw).get("lowerLevelInspects")).hasSameSizeAs(deferrals);
        String superior = (String) deferrals.get(0).get("superiorInspection");
        graphQl().document("query($id: ID!) { inspection(id: $id) { status deferredTo { drawnBy { id } status } } }").variable("id", superior)
                .execute().path("inspection.status").entity(String.class).isEqualTo("DEFERRED")
                .path("inspection.deferredTo.drawnBy.id").entity(String.class).isEqualTo(county)
                .path("inspection.deferredTo.status").entity(String.class).isEqualTo("ACTIVE");
    }

    /** Changsha already has a demo plan for 2026; other years are free. */
    String publishedTaskAfterDemo(String department, int year, Map<String, Object> criteria) {
        return publishedTask(department, year, criteria, "1");
    }

    @Test
    void inspectorsAreMatchedInSeedOrderWithRecusalWorkloadCapAndSubstitution_ASSIGN() throws Exception {
        String dept = "HRSS-430102";
        String taskId = publishedTask(dept, 2027, null, "0.5");
        String drawId = commit(dept, taskId);
        execute(dept, drawId, "");
        Map<String, Object> doc = verified(drawId);
        String conflicted = (String) ((List<Map<String, Object>>) doc.get("selected")).get(0).get("uscc");
        // ASSIGN-03: every inspector of the county declares a conflict with one selected enterprise.
        List<String> inspectors = graphQl(officer(dept)).document("{ inspectors(scope: {departmentId: \"HRSS-430102\"}, first: 200) { edges { node { inspectorId } } } }")
                .execute().path("inspectors.edges[*].node.inspectorId").entityList(String.class).get();
        for (String p : inspectors) {
            graphQl(officer(dept)).document("mutation($in: ConflictInput!) { declareConflict(input: $in) { inspectorId } }")
                    .variable("in", Map.of("inspectorId", p, "counterpart", Map.of("uscc", conflicted), "reason", "亲属在该企业任职"))
                    .execute().path("declareConflict.inspectorId").hasValue();
        }
        graphQl(officer(dept)).document("mutation($d: ID!) { assignInspectors(drawId: $d, departmentId: \"HRSS-430102\", plannedOn: \"2027-03-15\") { inspections eligibleInspectors workloadCap flagged } }")
                .variable("d", drawId).execute().path("assignInspectors.inspections").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());

        HttpResponse<String> forOfficer = get("/oversight/draws/" + drawId + "/assignments", token(officer(dept)));
        assertThat(forOfficer.statusCode()).isEqualTo(403);
        assertThat(get("/oversight/draws/" + drawId + "/assignments", null).statusCode()).isEqualTo(401);
        HttpResponse<String> forOversight = get("/oversight/draws/" + drawId + "/assignments", token(as(Role.OVERSIGHT, "HRSS-430000")));
        assertThat(forOversight.statusCode()).isEqualTo(200);
        Map<String, Object> assignments = json.readValue(forOversight.body(), Map.class);
        String seed = (String) assignments.get("seed");
        Map<String, Integer> loads = new HashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) assignments.get("assignments")) {
            String uscc = (String) a.get("uscc");
            List<String> eligible = (List<String>) a.get("eligible");
            List<String> assigned = (List<String>) a.get("assigned");
            List<Map<String, String>> skipped = (List<Map<String, String>>) a.get("skipped");
            int cap = ((Number) a.get("workloadCap")).intValue();
            assertThat(cap).isEqualTo(IndependentVerifier.workloadCap(2, ((List<?>) assignments.get("assignments")).size(), eligible.size()));
            // Step 15 recomputed: walking the independent order, the first not skipped are the assigned, in order.
            List<String> order = IndependentVerifier.inspectorOrder(seed, uscc, eligible);
            Set<String> skippedIds = new HashSet<>();
            skipped.forEach(s -> skippedIds.add(s.get("inspector")));
            List<String> expected = order.stream().filter(p -> !skippedIds.contains(p)).limit(2).toList();
            assertThat(assigned).as(uscc).isEqualTo(expected.subList(0, Math.min(expected.size(), assigned.size())));
            assertThat(a.get("flagged")).isEqualTo(assigned.size() < 2);
            skipped.stream().filter(s -> "WORKLOAD_CAP".equals(s.get("reason")))
                    .forEach(s -> assertThat(loads.getOrDefault(s.get("inspector"), 0)).isEqualTo(cap));
            assigned.forEach(p -> loads.merge(p, 1, Integer::sum));
            if (uscc.equals(conflicted)) {
                assertThat(assigned).isEmpty();
                assertThat(a.get("flagged")).isEqualTo(true);
                assertThat(skipped).isNotEmpty().allSatisfy(s -> assertThat(s.get("reason")).isEqualTo("DECLARED_CONFLICT"));
            }
        }
        loads.values().forEach(n -> assertThat(n).isLessThanOrEqualTo(((Number) ((Map<String, Object>) ((List<?>) assignments.get("assignments")).get(0)).get("workloadCap")).intValue()));

        // The public never sees who inspects (NOTICE-03); the department does.
        String inspectionId = drawId + "-" + ((List<Map<String, Object>>) assignments.get("assignments")).stream()
                .filter(a -> ((List<?>) a.get("assigned")).size() == 2).map(a -> (String) a.get("uscc")).findFirst().orElseThrow();
        assertThat(codes(graphQl().document("query($id: ID!) { inspection(id: $id) { inspectors { position } } }").variable("id", inspectionId).execute()))
                .containsExactly("UNAUTHENTICATED/null");
        assertThat(codes(graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000")).document("query($id: ID!) { inspection(id: $id) { inspectors { position } } }")
                .variable("id", inspectionId).execute())).containsExactly("FORBIDDEN/null");
        String dropped = graphQl(officer(dept)).document("query($id: ID!) { inspection(id: $id) { inspectors { inspector { inspectorId } } } }")
                .variable("id", inspectionId).execute().path("inspection.inspectors[0].inspector.inspectorId").entity(String.class).get();

        // ASSIGN-04/05: the dropped inspector is replaced by the next one in the same order who is not skipped.
        graphQl(officer(dept)).document("mutation($i: ID!, $p: ID!) { substituteInspector(inspectionId: $i, inspectorId: $p, reason: \"另有重要公务\") { id } }")
                .variable("i", inspectionId).variable("p", dropped).execute().path("substituteInspector.id").hasValue();
        var team = graphQl(officer(dept)).document("query($id: ID!) { inspection(id: $id) { inspectors { inspector { inspectorId } mode dropped } } }")
                .variable("id", inspectionId).execute();
        team.path("inspection.inspectors[0].dropped").entity(Boolean.class).isEqualTo(true);
        team.path("inspection.inspectors[2].mode").entity(String.class).isEqualTo("SUBSTITUTE");
        Map<String, Object> after = json.readValue(get("/oversight/draws/" + drawId + "/assignments", token(as(Role.OVERSIGHT, "HRSS-430000"))).body(), Map.class);
        assertThat((List<Map<String, Object>>) after.get("substitutions")).anySatisfy(s -> assertThat(s.get("replaced")).isEqualTo(dropped));
    }

    @Test
    void aTriggeredTaskDrawsOnlyFromTheEnterprisesItsTriggersName_TRIG01() throws Exception {
        // The demo's Xiangtan triggered draw: its pool is exactly the enterprises its triggers named.
        Set<String> named = new HashSet<>(graphQl(officer("HRSS-430300")).document("{ triggers(departmentId: \"HRSS-430300\", first: 100) { edges { node { enterprise { uscc } } } } }")
                .execute().path("triggers.edges[*].node.enterprise.uscc").entityList(String.class).get());
        String drawId = graphQl().document("{ draws(departmentId: \"HRSS-430300\", first: 5) { edges { node { id task { kind } } } } }").execute()
                .path("draws.edges[0].node.id").entity(String.class).get();
        Map<String, Object> doc = verified(drawId);
        Set<String> pool = new HashSet<>();
        ((List<Map<String, String>>) doc.get("pool")).forEach(p -> pool.add(p.get("uscc")));
        assertThat(pool).isNotEmpty();
        assertThat(named).containsAll(pool);
        assertThat(IndependentVerifier.verifyDocument(doc)).isEmpty();
    }

    @Test
    void taskInputsAreValidatedAgainstTheRulesAndNothingIsWritten() {
        String dept = "HRSS-430103";
        HttpGraphQlTester officer = graphQl(officer(dept));
        officer.document("mutation($in: CreateSamplingPlanInput!) { createSamplingPlan(input: $in) { id } }")
                .variable("in", Map.of("departmentId", dept, "year", 2031, "title", "校验计划")).execute().path("createSamplingPlan.id").hasValue();
        Map<String, Object> bad = task(null, "0.5", 2031);
        bad.put("inspectorsPerInspection", 1);
        bad.put("strata", List.of(Map.of("label", "A", "ratio", "0.1")));
        bad.put("windowEnd", "2032-01-31");
        List<String> codes = codes(officer.document("mutation($in: SamplingTaskInput!) { addSamplingTask(planId: \"PLAN-HRSS-430103-2031\", input: $in) { id } }")
                .variable("in", bad).execute());
        assertThat(codes).contains("INVALID_VALUE/ASSIGN-02", "REQUIRED/DRAW-08", "INVALID_VALUE/PLAN-17");
        officer.document("{ samplingPlan(id: \"PLAN-HRSS-430103-2031\") { tasks { id } } }").execute().path("samplingPlan.tasks").entityList(Object.class).hasSize(0);
        // PLAN-10: with no task, every item of the current checklists is uncovered.
        officer.document("{ planCoverage(departmentId: \"HRSS-430103\", year: 2031) { checklistItems covered uncovered { code } } }").execute()
                .path("planCoverage.covered").entity(Integer.class).isEqualTo(0);
    }

    // ---- vdraw-1 Amendment 1 (security round 2, item 1) and NOTICE-07

    static final String STRATA = "query($d: ID!) { draw(id: $d) { strata { label ratio digest }"
            + " inspections(first: 50) { edges { node { id stratum } } } } }";

    static Set<String> labels(List<Map<String, Object>> strata) {
        Set<String> out = new HashSet<>();
        strata.forEach(s -> out.add((String) s.get("label")));
        return out;
    }

    @Test
    void aDrawStratifiedByCreditRiskClassShowsNobodyOutsideTheDrawingTreeAnEnterprisesClass_Amendment1() throws Exception {
        String dept = "HRSS-430103";
        String drawId = commit(dept, publishedTask(dept, clock.today().getYear() + 3, null, "0.3"));
        execute(dept, drawId, "");
        String body = get("/public/draws/" + drawId, null).body();
        // The attack: read every pooled enterprise's class from the public document.
        assertThat(body).doesNotContain("\"stratum\"", "\"ratio\"");
        Map<String, Object> published = json.readValue(body, Map.class);
        Map<String, Object> complete = verified(drawId);
        Set<String> real = labels((List<Map<String, Object>>) complete.get("strata"));
        assertThat(real).isNotEmpty().isSubsetOf("A", "B", "C", "D", "UNCLASSIFIED");
        Set<String> opaque = labels((List<Map<String, Object>>) published.get("strata"));
        assertThat(opaque).hasSameSizeAs(real).allMatch(l -> l.matches("S[1-9][0-9]*"));
        Map<String, String> toReal = (Map<String, String>) complete.get("opaqueLabels");
        assertThat(toReal.keySet()).isEqualTo(opaque);

        // GraphQL: the same labels, the same rule. The public, a partner, an analyst and another county see opaque ones.
        for (HttpGraphQlTester outsider : List.of(graphQl(), graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000")), graphQl(analyst()),
                graphQl(officer("HRSS-430104")))) {
            var r = outsider.document(STRATA).variable("d", drawId).execute();
            List<Map<String, Object>> strata = r.path("draw.strata").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(labels(strata)).isEqualTo(opaque);
            strata.forEach(st -> {
                assertThat(st.get("ratio")).isNull();
                assertThat(st.get("digest")).isEqualTo(((Map<?, ?>) published.get("stratumDigests")).get(st.get("label")));
            });
            assertThat(r.path("draw.inspections.edges[*].node.stratum").entityList(String.class).get()).isNotEmpty().allMatch(opaque::contains);
        }
        // The drawing department, its superiors' oversight and administrators see the real ones.
        for (HttpGraphQlTester insider : List.of(graphQl(officer(dept)), graphQl(as(Role.OVERSIGHT, "HRSS-430000")), graphQl(admin()))) {
            var r = insider.document(STRATA).variable("d", drawId).execute();
            assertThat(r.path("draw.strata[*].label").entityList(String.class).get()).containsExactlyInAnyOrderElementsOf(real);
            assertThat(r.path("draw.strata[*].ratio").entityList(String.class).get()).allMatch("0.3"::equals);
            assertThat(r.path("draw.inspections.edges[*].node.stratum").entityList(String.class).get()).allMatch(real::contains);
        }
        // An inspection's opaque stratum is the one the mapping gives for its real stratum.
        var outside = graphQl().document(STRATA).variable("d", drawId).execute().path("draw.inspections.edges[*].node").entityList(Map.class).get();
        var inside = graphQl(officer(dept)).document(STRATA).variable("d", drawId).execute().path("draw.inspections.edges[*].node").entityList(Map.class).get();
        Map<Object, Object> realOf = new HashMap<>();
        inside.forEach(n -> realOf.put(n.get("id"), n.get("stratum")));
        outside.forEach(n -> assertThat(toReal.get(n.get("stratum"))).isEqualTo(realOf.get(n.get("id"))));
    }

    @Test
    void theCompleteDrawDocumentIsForOversightOfTheDrawingTreeAndAdministrators_Amendment1_OVER01() throws Exception {
        String drawId = graphQl().document("{ draws(departmentId: \"HRSS-430100\", status: EXECUTED, first: 1) { edges { node { id } } } }").execute()
                .path("draws.edges[0].node.id").entity(String.class).get();
        String path = "/oversight/draws/" + drawId;
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, token(officer("HRSS-430100"))).statusCode()).isEqualTo(403);
        assertThat(get(path, token(analyst())).statusCode()).isEqualTo(403);
        HttpResponse<String> otherTree = get(path, token(as(Role.OVERSIGHT, "HRSS-430300")));
        assertThat(otherTree.statusCode()).isEqualTo(403);
        assertThat(otherTree.body()).contains("OVER-01");
        assertThat(get(path, token(as(Role.OVERSIGHT, "HRSS-430000"))).statusCode()).isEqualTo(200);
        assertThat(get(path, token(admin())).statusCode()).isEqualTo(200);
        assertThat(get("/oversight/draws/DRW-NOPE", token(admin())).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnstratifiedDrawIsPublishedInFull_Amendment1() throws Exception {
        String dept = "HRSS-430104";
        int year = clock.today().getYear() + 3;
        Map<String, Object> in = task(null, "0.2", year);
        in.put("strataBy", "NONE");
        in.put("strata", List.of(Map.of("label", "ALL", "ratio", "0.2")));
        String taskId = publishedTask(dept, year, in);
        String drawId = commit(dept, taskId);
        execute(dept, drawId, "");
        Map<String, Object> published = document(drawId);
        assertThat(published).doesNotContainKey("stratumDigests");
        assertThat(IndependentVerifier.verifyDocument(published)).isEmpty();
        assertThat(((List<Map<String, Object>>) published.get("pool"))).allSatisfy(c -> assertThat(c.get("stratum")).isEqualTo("ALL"));
        graphQl().document(STRATA).variable("d", drawId).execute().path("draw.strata[0].label").entity(String.class).isEqualTo("ALL")
                .path("draw.strata[0].ratio").entity(String.class).isEqualTo("0.2");
    }

    @Test
    void theVisitDateOfAnUnannouncedInspectionIsNotPublicBeforeTheVisit_NOTICE07() throws Exception {
        String dept = "HRSS-430121";
        int year = clock.today().getYear() + 5;
        HttpGraphQlTester officer = graphQl(officer(dept));
        Map<String, Object> in = task(null, "0.2", year);
        in.put("announced", false);
        String taskId = publishedTask(dept, year, in);
        String drawId = commit(dept, taskId);
        execute(dept, drawId, "");
        java.time.LocalDate visit = java.time.LocalDate.of(year, 3, 15);
        officer.document("mutation($d: ID!, $dep: ID!, $on: Date!) { assignInspectors(drawId: $d, departmentId: $dep, plannedOn: $on) { inspections } }")
                .variable("d", drawId).variable("dep", dept).variable("on", visit.toString()).execute().path("assignInspectors.inspections").hasValue();
        String query = "query($d: ID!) { draw(id: $d) { inspections(first: 1) { edges { node { plannedOn } } } } }";
        for (HttpGraphQlTester outsider : List.of(graphQl(), graphQl(as(Role.PARTNER, "PARTNER-BIDDING-430000")), graphQl(analyst()),
                graphQl(officer("HRSS-430300")))) {
            outsider.document(query).variable("d", drawId).execute().path("draw.inspections.edges[0].node.plannedOn").valueIsNull();
        }
        for (HttpGraphQlTester insider : List.of(officer, graphQl(as(Role.OVERSIGHT, "HRSS-430100")), graphQl(admin()))) {
            insider.document(query).variable("d", drawId).execute().path("draw.inspections.edges[0].node.plannedOn").entity(String.class)
                    .isEqualTo(visit.toString());
        }
        // The day after the visit, it is public like any other.
        clock.runAt(visit.plusDays(1).atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)), () ->
                graphQl().document(query).variable("d", drawId).execute().path("draw.inspections.edges[0].node.plannedOn").entity(String.class)
                        .isEqualTo(visit.toString()));
    }

    @Test
    void aTriggerIsRecordedOnlyOnceOccurredAndBrieflyDescribedTRIG01() {
        String department = "HRSS-430102";
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        String record = "mutation($in: TriggerInput!) { recordTrigger(input: $in) { id type occurredOn } }";
        Map<String, Object> in = new HashMap<>(Map.of("type", "COMPLAINT_REPORT", "uscc", "93430102EXP000004C", "departmentId", department,
                "occurredOn", today.plusDays(1).toString(), "description", "x".repeat(2001)));
        assertThat(JointTaskApiTest.violations(graphQl(officer(department)).document(record).variable("in", in).execute()))
                .containsExactlyInAnyOrder("input.occurredOn/INVALID_VALUE/null", "input.description/INVALID_VALUE/null");
        in.put("occurredOn", today.toString());
        in.put("description", "x".repeat(2000));
        graphQl(officer(department)).document(record).variable("in", in).execute()
                .path("recordTrigger.occurredOn").entity(String.class).isEqualTo(today.toString());
    }
}
