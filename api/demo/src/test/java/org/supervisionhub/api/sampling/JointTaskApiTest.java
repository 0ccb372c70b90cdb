package org.supervisionhub.api.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.access.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joint tasks (部门联合抽查, PLAN-15) through the real API and graph: the lead invites, each invited department answers for
 * itself with items of its own checklists, the plan is filed only when all have answered, and a task with a draw no
 * longer changes. Each test uses its own lead department and year.
 */
class JointTaskApiTest extends HubIntegrationTest {

    @Autowired
    Driver driver;

    static final String MS_PROVINCE_CHECKLIST = "CL-MS-430000-REGULAR-PROVINCE-1";
    static final String HRSS_PROVINCE_CHECKLIST = "CL-HRSS-430000-REGULAR-PROVINCE-2";
    static final String PARTICIPATION = "id status department { id } items { code } inspectorCount rosterScope { unitIds } declineReason";

    /** The id of the item with {@code code} in a checklist version. */
    String item(String version, String code) {
        List<Map<String, Object>> edges = graphQl().document("query($v: ID!) { checklistVersion(id: $v) { items(first: 50) { edges { node { id code } } } } }")
                .variable("v", version).execute().path("checklistVersion.items.edges").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).filter(n -> code.equals(n.get("code")))
                .map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }

    /** A draft plan of {@code lead} for {@code year} with one task over the HR&SS key item HRSS-01 at {@code ratio}. */
    String draftTask(String lead, int year, String ratio) {
        graphQl(officer(lead)).document("mutation($in: CreateSamplingPlanInput!) { createSamplingPlan(input: $in) { id } }")
                .variable("in", Map.of("departmentId", lead, "year", year, "title", "联合抽查计划 " + year)).execute()
                .path("createSamplingPlan.id").hasValue();
        return addTask(lead, year, item(HRSS_PROVINCE_CHECKLIST, "HRSS-01"), ratio, null);
    }

    /** An unstratified on-site task over {@code itemId} in {@code year}. */
    static Map<String, Object> taskInput(int year, String itemId, String ratio) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", "劳动用工与市场主体联合抽查");
        in.put("itemIds", List.of(itemId));
        in.put("method", "ON_SITE");
        in.put("strataBy", "NONE");
        in.put("strata", List.of(Map.of("label", "ALL", "ratio", ratio)));
        in.put("windowStart", year + "-03-01");
        in.put("windowEnd", year + "-12-31");
        in.put("inspectorsPerInspection", 2);
        return in;
    }

    HttpGraphQlTester.Response updateTask(String as, String taskId, Map<String, Object> in, String reason) {
        return graphQl(officer(as)).document("mutation($id: ID!, $in: SamplingTaskInput!, $r: String) { updateSamplingTask(id: $id, input: $in, reason: $r)"
                + " { id kind method strata { ratio } } }").variable("id", taskId).variable("in", in).variable("r", reason).execute();
    }

    /** Adds an unstratified on-site task over {@code itemId} to the plan of {@code department} and {@code year}. */
    String addTask(String department, int year, String itemId, String ratio, String reason) {
        HttpGraphQlTester officer = graphQl(officer(department));
        Map<String, Object> in = taskInput(year, itemId, ratio);
        return officer.document("mutation($p: ID!, $in: SamplingTaskInput!, $r: String) { addSamplingTask(planId: $p, input: $in, reason: $r) { id } }")
                .variable("p", "PLAN-" + department + "-" + year).variable("in", in).variable("r", reason).execute()
                .path("addSamplingTask.id").entity(String.class).get();
    }

    HttpGraphQlTester.Response invite(String lead, String taskId, List<String> departments, String reason) {
        return graphQl(officer(lead)).document("mutation($t: ID!, $d: [ID!]!, $r: String) { inviteToJointTask(taskId: $t, departmentIds: $d, reason: $r)"
                + " { id joint participations { " + PARTICIPATION + " } } }").variable("t", taskId).variable("d", departments)
                .variable("r", reason).execute();
    }

    HttpGraphQlTester.Response confirm(String as, String taskId, String department, List<String> items, int inspectors, String reason) {
        return graphQl(officer(as)).document("mutation($t: ID!, $d: ID!, $in: ParticipationInput!, $r: String) {"
                        + " confirmJointParticipation(taskId: $t, departmentId: $d, input: $in, reason: $r) { " + PARTICIPATION + " } }")
                .variable("t", taskId).variable("d", department).variable("r", reason)
                .variable("in", Map.of("itemIds", items, "inspectorCount", inspectors)).execute();
    }

    HttpGraphQlTester.Response decline(String as, String taskId, String department, String reason) {
        return graphQl(officer(as)).document("mutation($t: ID!, $d: ID!, $r: String!) { declineJointParticipation(taskId: $t, departmentId: $d, reason: $r) { "
                + PARTICIPATION + " } }").variable("t", taskId).variable("d", department).variable("r", reason).execute();
    }

    HttpGraphQlTester.Response planStep(String lead, String step, int year) {
        return graphQl(leader(lead)).document("mutation($id: ID!) { " + step + "SamplingPlan(id: $id) { status } }")
                .variable("id", "PLAN-" + lead + "-" + year).execute();
    }

    void fileAndPublish(String department, int year) {
        planStep(department, "file", year).path("fileSamplingPlan.status").entity(String.class).isEqualTo("FILED");
        planStep(department, "publish", year).path("publishSamplingPlan.status").entity(String.class).isEqualTo("PUBLISHED");
    }

    String commitAndExecute(String department, String taskId) {
        String drawId = graphQl(officer(department)).document("mutation($t: ID!) { commitDraw(taskId: $t) { id } }").variable("t", taskId)
                .execute().path("commitDraw.id").entity(String.class).get();
        graphQl(officer(department)).document("mutation($d: ID!) { executeDraw(drawId: $d, entropy: \"beacon\") { status } }").variable("d", drawId)
                .execute().path("executeDraw.status").entity(String.class).isEqualTo("EXECUTED");
        return drawId;
    }

    /** The complete verification document (read as an administrator), checked by {@link IndependentVerifier}, and the public one (Amendment 1). */
    Map<String, Object> verified(String drawId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        HttpResponse<String> complete = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oversight/draws/" + drawId))
                .header("Authorization", "Bearer " + token(admin())).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/draws/" + drawId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(complete.statusCode()).isEqualTo(200);
        assertThat(published.statusCode()).isEqualTo(200);
        Map<String, Object> doc = json.readValue(complete.body(), Map.class);
        DrawDocuments.assertVerifies(drawId, doc, json.readValue(published.body(), Map.class));
        return doc;
    }

    static List<String> usccs(Map<String, Object> document, String list) {
        return ((List<Map<String, Object>>) document.get(list)).stream().map(m -> (String) m.get("uscc")).toList();
    }

    static List<String> codes(HttpGraphQlTester.Response response) {
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> codes.add(e.getExtensions().get("code") + "/" + e.getExtensions().get("rule"))));
        return codes;
    }

    /** Each error as field/code/rule. */
    static List<String> violations(HttpGraphQlTester.Response response) {
        List<String> out = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> out.add(e.getExtensions().get("field") + "/" + e.getExtensions().get("code")
                + "/" + e.getExtensions().get("rule"))));
        return out;
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static final String RECORD_EVIDENCE = "mutation($in: EvidenceInput!) { recordEvidence(input: $in) { id inspectionId } }";

    /** Uploads a file as an officer of {@code department}; its SHA-256. */
    String upload(String department, String text) {
        org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
        body.part("file", new org.springframework.core.io.ByteArrayResource((text + " " + nextKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "现场照片.txt";
            }
        }).contentType(org.springframework.http.MediaType.TEXT_PLAIN);
        Map<?, ?> stored = org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60)).defaultHeader("Authorization", "Bearer " + token(officer(department))).build()
                .post().uri("/evidence/files").contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).bodyValue(body.build()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) stored.get("sha256");
    }

    static Map<String, Object> evidence(String inspectionId, String sha, String description) {
        return Map.of("inspectionId", inspectionId, "sha256", sha, "type", "AUDIOVISUAL_ELECTRONIC", "method", "ON_SITE",
                "description", description, "supports", "现场检查情况");
    }

    // ---- tests

    @Test
    void theLeadInvitesEachInvitedDepartmentAnswersForItselfAndThePlanIsFiledOnlyWhenAllHaveAnswered_PLAN15() {
        String lead = "HRSS-430200";
        int year = 2029;
        String taskId = draftTask(lead, year, "0.03");
        String msItem = item(MS_PROVINCE_CHECKLIST, "MS-02");

        // Only the lead invites; and only departments within its jurisdiction (Zhuzhou), of any sector and level.
        assertThat(codes(invite("MS-430200", taskId, List.of("MS-430202"), null))).containsExactly("FORBIDDEN/null");
        assertThat(codes(invite(lead, taskId, List.of("MS-430300"), null))).containsExactly("INVALID_VALUE/PLAN-15");
        assertThat(codes(invite(lead, taskId, List.of(lead), null))).containsExactly("INVALID_VALUE/PLAN-15");
        var invited = invite(lead, taskId, List.of("MS-430200", "MS-430202"), null);
        invited.path("inviteToJointTask.joint").entity(Boolean.class).isEqualTo(true);
        invited.path("inviteToJointTask.participations[*].status").entityList(String.class).containsExactly("INVITED", "INVITED");
        assertThat(codes(invite(lead, taskId, List.of("MS-430200"), null))).containsExactly("CONFLICT/PLAN-15");

        // Filing waits for every answer.
        assertThat(codes(planStep(lead, "file", year))).containsExactly("ILLEGAL_TRANSITION/PLAN-15");

        // The invited department sees its invitation, and the task, though the plan is a draft.
        // (its tree's: the county's invitation too).
        var invitations = graphQl(officer("MS-430200")).document("{ jointInvitations(departmentId: \"MS-430200\") { taskId status department { id }"
                + " task { id title } leadDepartment { id } } }").execute();
        assertThat(invitations.path("jointInvitations[?(@.taskId == '" + taskId + "')].department.id").entityList(String.class).get())
                .containsExactlyInAnyOrder("MS-430200", "MS-430202");
        invitations.path("jointInvitations[?(@.taskId == '" + taskId + "')].task.id").entityList(String.class).containsExactly(taskId, taskId);
        invitations.path("jointInvitations[?(@.taskId == '" + taskId + "')].leadDepartment.id").entityList(String.class).containsExactly(lead, lead);

        // Refusals: a department not invited; a participant acting for another; a participant offering items not its own.
        assertThat(codes(confirm("MS-430203", taskId, "MS-430203", List.of(msItem), 1, null))).containsExactly("NOT_FOUND/PLAN-15");
        assertThat(codes(confirm("MS-430200", taskId, "MS-430202", List.of(msItem), 1, null))).containsExactly("FORBIDDEN/null");
        assertThat(codes(confirm("MS-430200", taskId, "MS-430200", List.of(item(HRSS_PROVINCE_CHECKLIST, "HRSS-02")), 1, null)))
                .containsExactly("INVALID_VALUE/CHK-07");
        assertThat(codes(confirm("MS-430200", taskId, "MS-430200", List.of(msItem), 0, null))).containsExactly("INVALID_VALUE/ASSIGN-13");
        // Refused calls changed nothing.
        graphQl(officer(lead)).document("query($t: ID!) { samplingTask(id: $t) { participations { status items { code } } } }").variable("t", taskId)
                .execute().path("samplingTask.participations[*].status").entityList(String.class).containsExactly("INVITED", "INVITED");

        confirm("MS-430200", taskId, "MS-430200", List.of(msItem), 1, null).path("confirmJointParticipation.status")
                .entity(String.class).isEqualTo("CONFIRMED");
        assertThat(codes(planStep(lead, "file", year))).containsExactly("ILLEGAL_TRANSITION/PLAN-15");
        decline("MS-430202", taskId, "MS-430202", "本季度无检查力量").path("declineJointParticipation.declineReason")
                .entity(String.class).isEqualTo("本季度无检查力量");

        planStep(lead, "file", year).path("fileSamplingPlan.status").entity(String.class).isEqualTo("FILED");
        planStep(lead, "publish", year).path("publishSamplingPlan.status").entity(String.class).isEqualTo("PUBLISHED");

        // After publication a change is an adjustment of the lead's plan: it needs a reason, and records who and why (PLAN-09).
        String msItem2 = item(MS_PROVINCE_CHECKLIST, "MS-04");
        assertThat(codes(confirm("MS-430200", taskId, "MS-430200", List.of(msItem, msItem2), 2, null))).containsExactly("REQUIRED/PLAN-09");
        confirm("MS-430200", taskId, "MS-430200", List.of(msItem, msItem2), 2, "增加住所核查事项")
                .path("confirmJointParticipation.items[*].code").entityList(String.class).containsExactly("MS-02", "MS-04");
        var adjustments = graphQl(officer(lead)).document("query($p: ID!) { samplingPlan(id: $p) { adjustments { actor reason change } } }")
                .variable("p", "PLAN-" + lead + "-" + year).execute();
        adjustments.path("samplingPlan.adjustments[*].reason").entityList(String.class).containsExactly("增加住所核查事项");
        adjustments.path("samplingPlan.adjustments[0].actor").entity(String.class).isEqualTo("officer@MS-430200");

        // The public sees the joint task of the published plan with each participant's part.
        graphQl().document("query($t: ID!) { samplingTask(id: $t) { joint participations { department { id } status items { code } } } }")
                .variable("t", taskId).execute().path("samplingTask.participations[?(@.status == 'CONFIRMED')].items[*].code")
                .entityList(String.class).containsExactly("MS-02", "MS-04");
    }

    @Test
    void aLeadsChangeThatNoLongerFitsAParticipantsItemsIsRefusedNamingTheField_PLAN15_METH01_CHK09_DRAW07() {
        String lead = "HRSS-430300";
        String participant = "MS-430300";
        int year = 2029;
        String hrss01 = item(HRSS_PROVINCE_CHECKLIST, "HRSS-01");
        String taskId = draftTask(lead, year, "0.03");
        invite(lead, taskId, List.of(participant), null).path("inviteToJointTask.joint").entity(Boolean.class).isEqualTo(true);
        // MS-02 is inspected on site only, of a REGULAR checklist, with a ratio cap of 0.05.
        confirm(participant, taskId, participant, List.of(item(MS_PROVINCE_CHECKLIST, "MS-02")), 1, null).path("confirmJointParticipation.status")
                .entity(String.class).isEqualTo("CONFIRMED");

        // METH-01: the lead's own item allows WRITTEN, the participant's does not.
        Map<String, Object> written = taskInput(year, hrss01, "0.03");
        written.put("method", "WRITTEN");
        assertThat(violations(updateTask(lead, taskId, written, null))).containsExactly("input.method/INVALID_VALUE/METH-01");
        // DRAW-07: the lead's key item has no cap, the participant's general item caps the ratio at 0.05.
        assertThat(violations(updateTask(lead, taskId, taskInput(year, hrss01, "0.1"), null))).containsExactly("input.strata/INVALID_VALUE/DRAW-07");
        // CHK-09: a triggered task (over the lead's own triggered checklist) no longer takes the participant's regular item.
        Map<String, Object> triggered = taskInput(year, item("CL-HRSS-430300-TRIGGERED-CITY-1", "HRSS-01"), "0.03");
        triggered.put("kind", "TRIGGERED");
        triggered.put("triggerScope", Map.of("types", List.of("COMPLAINT_REPORT"), "from", year + "-01-01", "to", year + "-12-31"));
        assertThat(violations(updateTask(lead, taskId, triggered, null))).containsExactly("input.kind/INVALID_VALUE/CHK-09");
        // Refused changes changed nothing.
        var task = graphQl(officer(lead)).document("query($t: ID!) { samplingTask(id: $t) { kind method strata { ratio } } }").variable("t", taskId).execute();
        task.path("samplingTask.method").entity(String.class).isEqualTo("ON_SITE");
        task.path("samplingTask.kind").entity(String.class).isEqualTo("REGULAR");
        task.path("samplingTask.strata[0].ratio").entity(String.class).isEqualTo("0.03");

        // A change every participant's items still fit goes through.
        updateTask(lead, taskId, taskInput(year, hrss01, "0.02"), null).path("updateSamplingTask.strata[0].ratio").entity(String.class).isEqualTo("0.02");
        // Once the participant takes an item that allows it, the method may change (its items are its own to change first).
        confirm(participant, taskId, participant, List.of(item(MS_PROVINCE_CHECKLIST, "MS-01")), 1, null).path("confirmJointParticipation.status")
                .entity(String.class).isEqualTo("CONFIRMED");
        Map<String, Object> written5 = taskInput(year, hrss01, "0.02");
        written5.put("method", "WRITTEN");
        updateTask(lead, taskId, written5, null).path("updateSamplingTask.method").entity(String.class).isEqualTo("WRITTEN");
        // And the participant's items are checked against the task as it now is (METH-01): MS-02 is on-site only.
        assertThat(violations(confirm(participant, taskId, participant, List.of(item(MS_PROVINCE_CHECKLIST, "MS-02")), 1, null)))
                .containsExactly("input.itemIds[0]/INVALID_VALUE/METH-01");
    }

    @Test
    void aJointTaskNoLongerChangesOnceItsPoolIsCommitted_DRAW01() {
        String lead = "HRSS-430281";
        int year = 2029;
        String taskId = draftTask(lead, year, "0.03");
        invite(lead, taskId, List.of("MS-430281"), null).path("inviteToJointTask.joint").entity(Boolean.class).isEqualTo(true);
        String msItem = item(MS_PROVINCE_CHECKLIST, "MS-02");
        confirm("MS-430281", taskId, "MS-430281", List.of(msItem), 1, null).path("confirmJointParticipation.status").hasValue();
        planStep(lead, "file", year).path("fileSamplingPlan.status").entity(String.class).isEqualTo("FILED");
        planStep(lead, "publish", year).path("publishSamplingPlan.status").entity(String.class).isEqualTo("PUBLISHED");
        graphQl(officer(lead)).document("mutation($t: ID!) { commitDraw(taskId: $t) { id } }").variable("t", taskId).execute()
                .path("commitDraw.id").hasValue();

        assertThat(codes(confirm("MS-430281", taskId, "MS-430281", List.of(msItem), 2, "多派一人"))).containsExactly("IMMUTABLE/DRAW-01");
        assertThat(codes(decline("MS-430281", taskId, "MS-430281", "撤回"))).containsExactly("IMMUTABLE/DRAW-01");
        assertThat(codes(invite(lead, taskId, List.of("MS-430200"), "追加"))).containsExactly("IMMUTABLE/DRAW-01");
        // The lead's own task no longer changes either; and a participant never changes the lead's part (the task).
        Map<String, Object> changed = taskInput(year, item(HRSS_PROVINCE_CHECKLIST, "HRSS-01"), "0.04");
        assertThat(codes(updateTask(lead, taskId, changed, "提高比例"))).containsExactly("IMMUTABLE/DRAW-01");
        assertThat(codes(updateTask("MS-430281", taskId, changed, "提高比例"))).containsExactly("FORBIDDEN/null");
        graphQl(officer(lead)).document("query($t: ID!) { samplingTask(id: $t) { participations { status inspectorCount } } }").variable("t", taskId)
                .execute().path("samplingTask.participations[*].inspectorCount").entityList(Integer.class).containsExactly(1);
    }

    @Test
    void oneDrawSelectsOnceForAllParticipantsVerifiesAndCountsOnceTowardsTheYearlyCap_vdraw1_DRAW12_DRAW13() throws Exception {
        String lead = "HRSS-430400";
        String county = "HRSS-430405";
        int year = 2030;
        String taskId = draftTask(lead, year, "1");
        String ms03 = item(MS_PROVINCE_CHECKLIST, "MS-03");
        invite(lead, taskId, List.of("MS-430400", "MS-430405"), null).path("inviteToJointTask.joint").entity(Boolean.class).isEqualTo(true);
        confirm("MS-430400", taskId, "MS-430400", List.of(ms03), 1, null).path("confirmJointParticipation.status").hasValue();
        confirm("MS-430405", taskId, "MS-430405", List.of(ms03), 1, null).path("confirmJointParticipation.status").hasValue();
        fileAndPublish(lead, year);
        String drawId = commitAndExecute(lead, taskId);

        // One commitment, one seed, one selection for everyone: the document recomputes, and lists each target once.
        Map<String, Object> document = verified(drawId);
        List<String> selected = usccs(document, "selected");
        assertThat(selected).isNotEmpty().doesNotHaveDuplicates().hasSameSizeAs(usccs(document, "pool"));
        var draw = graphQl().document("query($d: ID!) { draw(id: $d) { inspectionCount inspections(first: 100) { edges { node { id uscc"
                + " drawnBy { id } itemCodes enterprise { region { code } } jointParts { id uscc status drawnBy { id } inspectedBy { id } itemCodes"
                + " jointOf { id } } } } } } }").variable("d", drawId).execute();
        draw.path("draw.inspectionCount").entity(Integer.class).isEqualTo(selected.size());
        List<Map<String, Object>> inspections = draw.path("draw.inspections.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(inspections.stream().map(i -> (String) i.get("uscc")).toList()).containsExactlyInAnyOrderElementsOf(selected);
        List<String> inCounty = new ArrayList<>();
        for (Map<String, Object> i : inspections) {
            // Each participant's part: its own items, drawn and inspected by it, in its jurisdiction only.
            List<Map<String, Object>> parts = (List<Map<String, Object>>) i.get("jointParts");
            boolean countyTarget = "430405".equals(((Map<String, Map<String, Object>>) i.get("enterprise")).get("region").get("code"));
            assertThat(parts).extracting(p -> ((Map<String, Object>) p.get("inspectedBy")).get("id"))
                    .containsExactlyInAnyOrderElementsOf(countyTarget ? List.of("MS-430400", "MS-430405") : List.of("MS-430400"));
            parts.forEach(p -> {
                assertThat(p.get("uscc")).isEqualTo(i.get("uscc"));
                assertThat(p.get("itemCodes")).isEqualTo(List.of("MS-03"));
                assertThat(p.get("drawnBy")).isEqualTo(p.get("inspectedBy"));
                assertThat(((Map<String, Object>) p.get("jointOf")).get("id")).isEqualTo(i.get("id"));
            });
            assertThat(i.get("itemCodes")).isEqualTo(List.of("HRSS-01"));
            if (countyTarget) {
                inCounty.add((String) i.get("uscc"));
            }
        }
        assertThat(inCounty).isNotEmpty();

        // DRAW-12 counts the joint inspection once, not once per department: the county's own draw of the same year still
        // finds the county's jointly inspected enterprises (three departments' parts each) in its pool.
        String countyTask = draftTask(county, year, "1");
        fileAndPublish(county, year);
        String countyDraw = commitAndExecute(county, countyTask);
        assertThat(usccs(verified(countyDraw), "pool")).containsAll(inCounty);

        // DRAW-13 per participant: the county shares HRSS-01 with the city lead, whose part defers to it; the market
        // supervision parts (MS-03) are not shared and stay.
        String leadInspection = drawId + "-" + inCounty.get(0);
        var deferred = graphQl(officer(lead)).document("query($i: ID!) { inspection(id: $i) { status deferredTo { drawnBy { id } }"
                + " jointParts { status } } }").variable("i", leadInspection).execute();
        deferred.path("inspection.status").entity(String.class).isEqualTo("DEFERRED");
        deferred.path("inspection.deferredTo.drawnBy.id").entity(String.class).isEqualTo(county);
        deferred.path("inspection.jointParts[*].status").entityList(String.class).containsExactly("ACTIVE", "ACTIVE");

        // Now every county enterprise has two inspections this year (the joint one and the county's): at the cap.
        String third = addTask(county, year, item(HRSS_PROVINCE_CHECKLIST, "HRSS-01"), "1", "补充抽查");
        assertThat(codes(graphQl(officer(county)).document("mutation($t: ID!) { commitDraw(taskId: $t) { id } }").variable("t", third).execute()))
                .containsExactly("INVALID_VALUE/DRAW-01");
    }

    @Test
    void eachParticipantsInspectorsAreAssignedWithinItsOwnGroupWithRecusalAndTheLeaderComesFromTheLead_ASSIGN12_ASSIGN13() throws Exception {
        String lead = "HRSS-430600";
        String participant = "MS-430600";
        int year = 2029;
        String taskId = draftTask(lead, year, "0.03");
        invite(lead, taskId, List.of(participant), null).path("inviteToJointTask.joint").entity(Boolean.class).isEqualTo(true);
        confirm(participant, taskId, participant, List.of(item(MS_PROVINCE_CHECKLIST, "MS-02")), 1, null).path("confirmJointParticipation.status").hasValue();
        fileAndPublish(lead, year);
        String drawId = commitAndExecute(lead, taskId);
        List<String> selected = usccs(verified(drawId), "selected");
        String conflicted = selected.get(0);
        // ASSIGN-03 by graph, per participant: every market supervision inspector declares a conflict with one target.
        List<String> msInspectors = graphQl(officer(participant)).document("{ inspectors(scope: {departmentId: \"" + participant + "\"}, first: 200) {"
                + " edges { node { inspectorId } } } }").execute().path("inspectors.edges[*].node.inspectorId").entityList(String.class).get();
        assertThat(msInspectors).isNotEmpty();
        for (String p : msInspectors) {
            graphQl(officer(participant)).document("mutation($in: ConflictInput!) { declareConflict(input: $in) { inspectorId } }")
                    .variable("in", Map.of("inspectorId", p, "counterpart", Map.of("uscc", conflicted), "reason", "近亲属在该企业任职"))
                    .execute().path("declareConflict.inspectorId").hasValue();
        }
        String assign = "mutation($d: ID!, $dep: ID!, $on: Date!) { assignInspectors(drawId: $d, departmentId: $dep, plannedOn: $on) { inspections eligibleInspectors workloadCap } }";
        String day = year + "-03-16";
        graphQl(officer(lead)).document(assign).variable("d", drawId).variable("dep", lead).variable("on", day).execute()
                .path("assignInspectors.inspections").entity(Integer.class).isEqualTo(selected.size());
        // Each department assigns its own group only; and a joint inspection is one visit (GEN-15).
        assertThat(codes(graphQl(officer(lead)).document(assign).variable("d", drawId).variable("dep", participant).variable("on", day).execute()))
                .containsExactly("FORBIDDEN/null");
        assertThat(codes(graphQl(officer(participant)).document(assign).variable("d", drawId).variable("dep", participant)
                .variable("on", year + "-03-17").execute())).containsExactly("INVALID_VALUE/GEN-15");
        graphQl(officer(participant)).document(assign).variable("d", drawId).variable("dep", participant).variable("on", day).execute()
                .path("assignInspectors.eligibleInspectors").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());

        // The oversight document: per department, each group's eligible inspectors are its own, and step 15 recomputes.
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/oversight/draws/" + drawId + "/assignments")).header("Authorization", "Bearer " + token(as(Role.OVERSIGHT, "HRSS-430000"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> doc = JsonMapper.builder().build().readValue(r.body(), Map.class);
        String seed = (String) doc.get("seed");
        List<Map<String, Object>> assignments = (List<Map<String, Object>>) doc.get("assignments");
        assertThat(assignments).hasSize(2 * selected.size());
        for (Map<String, Object> a : assignments) {
            String department = (String) a.get("department");
            List<String> eligible = (List<String>) a.get("eligible");
            List<String> assigned = (List<String>) a.get("assigned");
            List<Map<String, String>> skipped = (List<Map<String, String>>) a.get("skipped");
            int m = participant.equals(department) ? 1 : 2;
            assertThat(a.get("required")).isEqualTo(m);
            assertThat(participant.equals(department) ? msInspectors.containsAll(eligible) : !eligible.stream().anyMatch(msInspectors::contains))
                    .as("group of " + department).isTrue();
            assertThat(((Number) a.get("workloadCap")).intValue()).isEqualTo(IndependentVerifier.workloadCap(m, selected.size(), eligible.size()));
            Set<String> skippedIds = new HashSet<>();
            skipped.forEach(s -> skippedIds.add(s.get("inspector")));
            List<String> expected = IndependentVerifier.inspectorOrder(seed, (String) a.get("uscc"), eligible).stream()
                    .filter(p -> !skippedIds.contains(p)).limit(m).toList();
            assertThat(assigned).isEqualTo(expected.subList(0, Math.min(expected.size(), assigned.size())));
            if (participant.equals(department) && conflicted.equals(a.get("uscc"))) {
                // Recused: nobody of the participant is left for this target; flagged, never silently short.
                assertThat(assigned).isEmpty();
                assertThat(a.get("flagged")).isEqualTo(true);
                assertThat(skipped).isNotEmpty().allSatisfy(s -> assertThat(s.get("reason")).isEqualTo("DECLARED_CONFLICT"));
            } else if (conflicted.equals(a.get("uscc"))) {
                assertThat(assigned).hasSize(2);
            }
        }

        // PLAN-15, OVER-01: the participant's oversight reads the joint draw's documents, the assignment part with its own
        // group only: its department's assignments, eligible and assigned inspectors all its own, never the lead's.
        String msOversight = token(as(Role.OVERSIGHT, "MS-430000"));
        assertThat(get("http://localhost:" + port + "/oversight/draws/" + drawId, msOversight).statusCode()).isEqualTo(200);
        HttpResponse<String> own = get("http://localhost:" + port + "/oversight/draws/" + drawId + "/assignments", msOversight);
        assertThat(own.statusCode()).isEqualTo(200);
        Map<String, Object> ownDoc = JsonMapper.builder().build().readValue(own.body(), Map.class);
        assertThat(ownDoc.get("seed")).isEqualTo(seed);
        assertThat((List<Map<String, Object>>) ownDoc.get("groups")).isNotEmpty().allSatisfy(gr -> assertThat(gr.get("department")).isEqualTo(participant));
        List<Map<String, Object>> ownAssignments = (List<Map<String, Object>>) ownDoc.get("assignments");
        assertThat(ownAssignments).hasSize(selected.size()).allSatisfy(a -> {
            assertThat(a.get("department")).isEqualTo(participant);
            assertThat(msInspectors).containsAll((List<String>) a.get("eligible")).containsAll((List<String>) a.get("assigned"));
        });
        // The same assignments as the lead's oversight sees for that group.
        assertThat(ownAssignments).containsExactlyInAnyOrderElementsOf(assignments.stream().filter(a -> participant.equals(a.get("department"))).toList());
        // Oversight of a department that takes no part is refused both documents.
        String outsider = token(as(Role.OVERSIGHT, "MS-430100"));
        assertThat(get("http://localhost:" + port + "/oversight/draws/" + drawId + "/assignments", outsider).statusCode()).isEqualTo(403);
        assertThat(get("http://localhost:" + port + "/oversight/draws/" + drawId, outsider).statusCode()).isEqualTo(403);

        // ASSIGN-12: the team leader is the lead department's first inspector, to the lead's and the participants' trees.
        String other = selected.stream().filter(u -> !u.equals(conflicted)).findFirst().orElse(conflicted);
        String leadInspection = drawId + "-" + other;
        String first = graphQl(officer(lead)).document("query($i: ID!) { inspection(id: $i) { inspectors { inspector { inspectorId } } } }")
                .variable("i", leadInspection).execute().path("inspection.inspectors[0].inspector.inspectorId").entity(String.class).get();
        graphQl(officer(participant)).document("query($i: ID!) { inspection(id: $i) { jointLeader } }").variable("i", leadInspection).execute()
                .path("inspection.jointLeader").entity(String.class).isEqualTo(first);
        graphQl(officer("MS-430700")).document("query($i: ID!) { inspection(id: $i) { jointLeader } }").variable("i", leadInspection).execute()
                .path("inspection.jointLeader").valueIsNull();
        // The participant's own team is on its part, visible to it (and never to the public, NOTICE-03).
        graphQl(officer(participant)).document("query($i: ID!) { inspection(id: $i) { jointParts { inspectors { inspector { inspectorId } } } } }")
                .variable("i", leadInspection).execute().path("inspection.jointParts[0].inspectors[*].inspector.inspectorId")
                .entityList(String.class).satisfies(ids -> assertThat(msInspectors).containsAll(ids)).hasSize(1);
        assertThat(codes(graphQl().document("query($i: ID!) { inspection(id: $i) { jointLeader } }").variable("i", leadInspection).execute()))
                .containsExactly("UNAUTHENTICATED/null");

        // DRAW-02 in a joint draw: the replaced target's parts go with it; its replacement gets the participant's part,
        // assigned within the participant's group; the draw still verifies.
        var replacement = graphQl(officer(lead)).document("mutation($d: ID!, $u: ID!) { replaceDrawTarget(drawId: $d, uscc: $u, reason: \"已注销\") {"
                + " id jointParts { id inspectedBy { id } } } }").variable("d", drawId).variable("u", other).execute();
        String replacementId = replacement.path("replaceDrawTarget.id").entity(String.class).get();
        replacement.path("replaceDrawTarget.jointParts[*].inspectedBy.id").entityList(String.class).containsExactly(participant);
        graphQl(officer(participant)).document("query($i: ID!) { inspection(id: $i) { jointParts { inspectors { inspector { inspectorId } } } } }")
                .variable("i", replacementId).execute().path("inspection.jointParts[0].inspectors[*].inspector.inspectorId")
                .entityList(String.class).hasSize(1);
        graphQl(officer(lead)).document("query($i: ID!) { inspection(id: $i) { status jointParts { status } } }").variable("i", leadInspection)
                .execute().path("inspection.jointParts[*].status").entityList(String.class).containsExactly("REPLACED");
        List<Map<String, Object>> replacements = (List<Map<String, Object>>) verified(drawId).get("replacements");
        assertThat(replacements).singleElement().satisfies(x -> assertThat(x.get("replaced")).isEqualTo(other));
    }

    @Test
    void oneNoticeOneRecordAndEachDepartmentApprovesAndPublishesItsOwnResult_NOTICE03_GEN15() throws Exception {
        String lead = "HRSS-430700";
        String participant = "MS-430700";
        int year = clock.today().getYear();
        String taskId = draftTask(lead, year, "0.03");
        invite(lead, taskId, List.of(participant), null).path("inviteToJointTask.joint").entity(Boolean.class).isEqualTo(true);
        confirm(participant, taskId, participant, List.of(item(MS_PROVINCE_CHECKLIST, "MS-02")), 1, null).path("confirmJointParticipation.status").hasValue();
        fileAndPublish(lead, year);
        String drawId = commitAndExecute(lead, taskId);
        java.time.LocalDate visitDay = clock.today().plusDays(3);
        String assign = "mutation($d: ID!, $dep: ID!, $on: Date!) { assignInspectors(drawId: $d, departmentId: $dep, plannedOn: $on) { flagged } }";
        for (String d : List.of(lead, participant)) {
            graphQl(officer(d)).document(assign).variable("d", drawId).variable("dep", d).variable("on", visitDay.toString()).execute()
                    .path("assignInspectors.flagged").hasValue();
        }
        var inspection = graphQl(officer(lead)).document("query($d: ID!) { draw(id: $d) { inspections(first: 1) { edges { node { id uscc"
                + " inspectors { inspector { inspectorId certificateNo } } jointParts { id } } } } } }").variable("d", drawId).execute();
        String leadId = inspection.path("draw.inspections.edges[0].node.id").entity(String.class).get();
        String uscc = inspection.path("draw.inspections.edges[0].node.uscc").entity(String.class).get();
        String partId = inspection.path("draw.inspections.edges[0].node.jointParts[0].id").entity(String.class).get();
        Map<String, Object> leadInspector = (Map<String, Object>) inspection.path("draw.inspections.edges[0].node.inspectors[0].inspector")
                .entity(Map.class).get();
        Map<String, Object> msInspector = (Map<String, Object>) graphQl(officer(participant)).document("query($i: ID!) { inspection(id: $i) {"
                + " inspectors { inspector { inspectorId certificateNo } } } }").variable("i", partId).execute()
                .path("inspection.inspectors[0].inspector").entity(Map.class).get();

        // GEN-15: the joint inspection is one visit: its parts are already merged into the lead's.
        List<Map<String, Object>> visits = graphQl(officer(lead)).document("query($u: ID!) { enterpriseJointVisits(uscc: $u) { date inspectionIds } }")
                .variable("u", uscc).execute().path("enterpriseJointVisits").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(visits).filteredOn(v -> ((List<?>) v.get("inspectionIds")).contains(leadId)).singleElement()
                .satisfies(v -> assertThat((List<String>) v.get("inspectionIds")).contains(partId))
                .satisfies(v -> assertThat(v.get("date")).isEqualTo(visitDay.toString()));

        // One notice, by the lead, listing every participant's items and no inspector (NOTICE-03); the part shows the same.
        Map<String, Object> notice = Map.of("inspectionId", partId, "visitAt", visitDay + "T09:00:00+08:00", "delivery", "DIRECT_SERVICE",
                "materials", List.of("劳动合同", "营业执照"), "cooperation", "请法定代表人到场", "contact", "0736-1234567");
        String issue = "mutation($in: InspectionNoticeInput!) { issueInspectionNotice(input: $in) { id content basis } }";
        assertThat(codes(graphQl(officer(participant)).document(issue).variable("in", notice).execute())).containsExactly("ILLEGAL_TRANSITION/GEN-15");
        Map<String, Object> leadNotice = new HashMap<>(notice);
        leadNotice.put("inspectionId", leadId);
        var issued = graphQl(officer(lead)).document(issue).variable("in", leadNotice).execute();
        List<String> content = issued.path("issueInspectionNotice.content").entityList(String.class).get();
        assertThat(content).hasSize(2).anySatisfy(c -> assertThat(c).contains("营业执照"));
        String published = graphQl().document("query($i: ID!) { inspectionNotice(inspectionId: $i) { id content } }").variable("i", partId)
                .execute().path("inspectionNotice.id").entity(String.class).get();
        assertThat(published).isEqualTo(issued.path("issueInspectionNotice.id").entity(String.class).get());
        String noticeText = graphQl().document("query($i: ID!) { inspectionNotice(inspectionId: $i) { content basis materials cooperation contact } }")
                .variable("i", leadId).execute().path("inspectionNotice").entity(Map.class).get().toString();
        assertThat(noticeText).doesNotContain((String) leadInspector.get("inspectorId"), (String) msInspector.get("inspectorId"));

        java.time.Instant restore = clock.now().toInstant();
        long setAt = System.nanoTime();
        try {
            clock.set(visitDay.atTime(15, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            // One on-site record covers every item, by the union of the teams; not a second one on the part.
            Map<String, Object> record = new HashMap<>(Map.of("inspectionId", leadId, "conductedAt", visitDay + "T10:00:00+08:00",
                    "findings", List.of(Map.of("itemCode", "HRSS-01", "facts", "劳动合同签订规范"), Map.of("itemCode", "MS-02", "facts", "营业执照悬挂规范")),
                    "present", List.of(Map.of("inspectorId", leadInspector.get("inspectorId"), "certificateNo", leadInspector.get("certificateNo")),
                            Map.of("inspectorId", msInspector.get("inspectorId"), "certificateNo", msInspector.get("certificateNo"))),
                    "signedBy", "张三", "signerRole", "LEGAL_REPRESENTATIVE"));
            String recordInspection = "mutation($in: InspectionRecordInput!) { recordInspection(input: $in) { id findings { itemCode } } }";
            Map<String, Object> onPart = new HashMap<>(record);
            onPart.put("inspectionId", partId);
            assertThat(codes(graphQl(officer(participant)).document(recordInspection).variable("in", onPart).execute()))
                    .containsExactly("ILLEGAL_TRANSITION/GEN-15");
            graphQl(officer(lead)).document(recordInspection).variable("in", record).execute().path("recordInspection.findings[*].itemCode")
                    .entityList(String.class).containsExactly("HRSS-01", "MS-02");
            graphQl(officer(participant)).document("query($i: ID!) { inspectionRecord(inspectionId: $i) { inspectionId } }").variable("i", partId)
                    .execute().path("inspectionRecord.inspectionId").entity(String.class).isEqualTo(leadId);
            // ... and by the lead's id too: the record is the one visit's.
            graphQl(officer(participant)).document("query($i: ID!) { inspectionRecord(inspectionId: $i) { inspectionId } }").variable("i", leadId)
                    .execute().path("inspectionRecord.inspectionId").entity(String.class).isEqualTo(leadId);

            // PLAN-15 evidence: each department records on its own part only (EVID-01) ...
            String hrSha = upload(lead, "劳动合同抽查复印件");
            String msSha = upload(participant, "营业执照现场照片");
            assertThat(codes(graphQl(officer(lead)).document(RECORD_EVIDENCE).variable("in", evidence(partId, hrSha, "越权记录")).execute()))
                    .isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("FORBIDDEN"));
            String hrEvidence = graphQl(officer(lead)).document(RECORD_EVIDENCE).variable("in", evidence(leadId, hrSha, "劳动合同抽查")).execute()
                    .path("recordEvidence.id").entity(String.class).get();
            String msEvidence = graphQl(officer(participant)).document(RECORD_EVIDENCE).variable("in", evidence(partId, msSha, "营业执照照片")).execute()
                    .path("recordEvidence.id").entity(String.class).get();
            // ... and every participant's team (and officers) reads all of the visit's evidence, from either inspection.
            var readers = List.of(inspector((String) msInspector.get("inspectorId"), participant), inspector((String) leadInspector.get("inspectorId"), lead),
                    officer(participant), officer(lead));
            for (var reader : readers) {
                for (String id : List.of(leadId, partId)) {
                    graphQl(reader).document("query($i: ID!) { inspectionEvidence(inspectionId: $i) { id inspectionId } }").variable("i", id).execute()
                            .path("inspectionEvidence[*].id").entityList(String.class).containsExactly(hrEvidence, msEvidence);
                }
            }
            // The files too; a department outside the joint inspection reads neither evidence nor file.
            assertThat(get("http://localhost:" + port + "/evidence/files/" + hrSha, token(officer(participant))).statusCode()).isEqualTo(200);
            assertThat(get("http://localhost:" + port + "/evidence/files/" + msSha, token(officer(lead))).statusCode()).isEqualTo(200);
            assertThat(get("http://localhost:" + port + "/evidence/files/" + hrSha, token(officer("MS-430600"))).statusCode()).isEqualTo(404);
            graphQl(officer("MS-430600")).document("query($i: ID!) { inspectionEvidence(inspectionId: $i) { id } }").variable("i", partId).execute()
                    .path("inspectionEvidence").entityList(Object.class).hasSize(0);

            // 谁检查、谁负责: each department proposes, approves and publishes its own part's result, in its own chain.
            String propose = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { id inspectingDepartment delegation } }";
            Map<String, Object> msResult = Map.of("inspectionId", partId, "category", "PROBLEM_FOUND_PENDING_FOLLOW_UP", "facts", "营业执照未悬挂，待核查",
                    "endedOn", visitDay.toString());
            Map<String, Object> hrResult = new HashMap<>(msResult);
            hrResult.put("inspectionId", leadId);
            hrResult.put("category", "NO_RELEVANT_BUSINESS_ACTIVITY");
            hrResult.put("facts", "劳动合同规范");
            assertThat(codes(graphQl(officer(participant)).document(propose).variable("in", hrResult).execute())).containsExactly("FORBIDDEN/APPR-01");
            for (var part : List.of(Map.entry(participant, msResult), Map.entry(lead, hrResult))) {
                String d = part.getKey();
                var proposed = graphQl(officer(d)).document(propose).variable("in", part.getValue()).execute();
                proposed.path("proposeInspectionResult.inspectingDepartment").entity(String.class).isEqualTo(d);
                proposed.path("proposeInspectionResult.delegation").entity(String.class).isEqualTo("NONE");
                String resultId = proposed.path("proposeInspectionResult.id").entity(String.class).get();
                String other = d.equals(lead) ? participant : lead;
                assertThat(codes(graphQl(leader(other)).document("mutation($id: ID!) { approveInspectionResult(id: $id) { status } }")
                        .variable("id", resultId).execute())).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("FORBIDDEN"));
                graphQl(leader(d)).document("mutation($id: ID!) { approveInspectionResult(id: $id) { status approvingDepartment } }").variable("id", resultId)
                        .execute().path("approveInspectionResult.approvingDepartment").entity(String.class).isEqualTo(d);
                graphQl(officer(d)).document("mutation($id: ID!) { publishInspectionResult(id: $id) { status } }").variable("id", resultId)
                        .execute().path("publishInspectionResult.status").entity(String.class).isEqualTo("PUBLISHED");
            }
            // FOLLOW-04: a listing from a participant's result is issued by the participant, not by the lead.
            String list = "mutation($id: ID!) { listFromInspectionResult(id: $id, type: ABNORMAL_OPERATION_LIST, legalBasis: \"《企业信息公示暂行条例》第十七条\","
                    + " reason: \"未按规定悬挂营业执照，责令限期改正逾期未改\") { issuingDepartmentId } }";
            assertThat(codes(graphQl(officer(lead)).document(list).variable("id", "RES-" + partId).execute())).isNotEmpty()
                    .allSatisfy(c -> assertThat(c).startsWith("FORBIDDEN"));
            graphQl(officer(participant)).document(list).variable("id", "RES-" + partId).execute()
                    .path("listFromInspectionResult.issuingDepartmentId").entity(String.class).isEqualTo(participant);
            // The public sees one joint inspection with each department's result.
            var results = graphQl().document("query($u: ID!) { publishedInspectionResults(uscc: $u) { inspectingDepartment jointInspectionId } }")
                    .variable("u", uscc).execute();
            assertThat(results.path("publishedInspectionResults[?(@.jointInspectionId == '" + leadId + "')].inspectingDepartment")
                    .entityList(String.class).get()).containsExactlyInAnyOrder(lead, participant);
        } finally {
            clock.set(restore.plusNanos(System.nanoTime() - setAt));
        }
    }

    @Test
    void theDemoProvinceHasAJointTaskOfHrssAndMarketSupervisionWithADrawATeamAndResultsOfBoth() throws Exception {
        int year = org.supervisionhub.api.demo.SamplingDemo.planYear(clock.today());
        var plan = graphQl().document("query($id: ID!) { samplingPlan(id: $id) { status tasks { id joint participations { department { id } status }"
                + " draws { id status } } } }").variable("id", "PLAN-HRSS-430200-" + year).execute();
        plan.path("samplingPlan.status").entity(String.class).isEqualTo("PUBLISHED");
        plan.path("samplingPlan.tasks[0].joint").entity(Boolean.class).isEqualTo(true);
        plan.path("samplingPlan.tasks[0].participations[0].department.id").entity(String.class).isEqualTo("MS-430200");
        plan.path("samplingPlan.tasks[0].participations[0].status").entity(String.class).isEqualTo("CONFIRMED");
        String drawId = plan.path("samplingPlan.tasks[0].draws[0].id").entity(String.class).get();
        verified(drawId);
        var inspections = graphQl(officer("HRSS-430200")).document("query($d: ID!) { draw(id: $d) { inspections(first: 100) { edges { node { id uscc"
                + " jointLeader jointParts { id } } } } } }").variable("d", drawId).execute();
        List<Map<String, Object>> nodes = inspections.path("draw.inspections.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(nodes).isNotEmpty().allSatisfy(n -> assertThat((List<?>) n.get("jointParts")).hasSize(1))
                .allSatisfy(n -> assertThat(n.get("jointLeader")).isNotNull());
        List<String> departments = new ArrayList<>();
        for (Map<String, Object> n : nodes) {
            graphQl().document("query($u: ID!) { publishedInspectionResults(uscc: $u) { inspectingDepartment jointInspectionId } }")
                    .variable("u", n.get("uscc")).execute().path("publishedInspectionResults[?(@.jointInspectionId == '" + n.get("id") + "')].inspectingDepartment")
                    .entityList(String.class).get().forEach(departments::add);
        }
        // Every visited joint inspection has one published result of each department (谁检查、谁负责).
        assertThat(departments).containsOnly("HRSS-430200", "MS-430200");
        assertThat(departments.stream().filter("HRSS-430200"::equals).count()).isPositive()
                .isEqualTo(departments.stream().filter("MS-430200"::equals).count());
        // The public site's open data shows them as one joint inspection.
        HttpResponse<String> site = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/data/results?department=MS-430200")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.body()).contains("\"jointInspectionId\":\"" + drawId + "-");
    }

    /** A token of a configured demo user, as the README's *Signing in* takes it (client credentials, secret demo). */
    String demoToken(String user) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/demo-issuer/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + user + "&client_secret=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("token of " + user).isEqualTo(200);
        return (String) JsonMapper.builder().build().readValue(r.body(), Map.class).get("access_token");
    }

    HttpGraphQlTester asDemoUser(String user) throws Exception {
        return graphQl().mutate().header("Authorization", "Bearer " + demoToken(user)).build();
    }

    @Test
    void theReadmesJointWalkRunsAsTheDemoUsers() throws Exception {
        int year = org.supervisionhub.api.demo.SamplingDemo.planYear(clock.today());
        HttpGraphQlTester analyst = asDemoUser("analyst-430000");
        // 1. The task, its participants and its one draw.
        var plan = analyst.document("{ samplingPlan(id: \"PLAN-HRSS-430200-" + year + "\") { tasks { id joint participations { department { name } status"
                + " items { code } } draws { id } } } }").execute();
        plan.path("samplingPlan.tasks[0].joint").entity(Boolean.class).isEqualTo(true);
        plan.path("samplingPlan.tasks[0].participations[0].items[*].code").entityList(String.class).containsExactly("MS-02");
        String drawId = plan.path("samplingPlan.tasks[0].draws[0].id").entity(String.class).get();
        // 2. Its inspections, each enterprise once with the participant's part; the public document recomputes.
        List<Map<String, Object>> nodes = analyst.document("{ draw(id: \"" + drawId + "\") { inspections(first: 5) { edges { node { id uscc joint"
                + " jointDepartments { name } jointParts { id inspectedBy { id } itemCodes } } } } } }").execute()
                .path("draw.inspections.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(nodes).isNotEmpty().allSatisfy(n -> {
            assertThat(n.get("joint")).isEqualTo(true);
            assertThat((List<?>) n.get("jointDepartments")).hasSize(2);
            assertThat((List<Map<String, Object>>) n.get("jointParts")).singleElement()
                    .satisfies(p -> assertThat(p.get("id")).isEqualTo(n.get("id") + "-MS-430200"));
        });
        verified(drawId);
        // 3. The analysts' view of one enterprise: the joint inspection once, naming both departments.
        String uscc = (String) nodes.get(0).get("uscc");
        analyst.document("{ subjectInspections(uscc: \"" + uscc + "\") { id joint jointDepartments { name } } }").execute()
                .path("subjectInspections[?(@.id == '" + nodes.get(0).get("id") + "')].jointDepartments[*].name").entityList(String.class).hasSize(2);
        // 4. The participant's oversight: its own group only.
        HttpResponse<String> own = get("http://localhost:" + port + "/oversight/draws/" + drawId + "/assignments", demoToken("oversight-ms-430000"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) JsonMapper.builder().build().readValue(own.body(), Map.class).get("assignments")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("department")).isEqualTo("MS-430200"));
        // 6. (first, to find a visited one) The public: one joint inspection with each department's result.
        Map<String, Object> visited = nodes.stream().filter(n -> !graphQl().document("{ publishedInspectionResults(uscc: \"" + n.get("uscc")
                + "\") { inspectingDepartment category jointInspectionId } }").execute().path("publishedInspectionResults[?(@.jointInspectionId == '"
                + n.get("id") + "')].inspectingDepartment").entityList(String.class).get().isEmpty()).findFirst().orElseThrow();
        assertThat(graphQl().document("{ publishedInspectionResults(uscc: \"" + visited.get("uscc") + "\") { inspectingDepartment category jointInspectionId } }")
                .execute().path("publishedInspectionResults[?(@.jointInspectionId == '" + visited.get("id") + "')].inspectingDepartment")
                .entityList(String.class).get()).containsExactlyInAnyOrder("HRSS-430200", "MS-430200");
        // 5. The participant's officer: the one on-site record (the lead's, both departments' items) and its own result.
        String part = visited.get("id") + "-MS-430200";
        var r = asDemoUser("officer-ms-430200").document("{ inspectionRecord(inspectionId: \"" + part + "\") { inspectionId findings { itemCode } }"
                + " inspectionResult(inspectionId: \"" + part + "\") { status inspectingDepartment } }").execute();
        r.path("inspectionRecord.inspectionId").entity(String.class).isEqualTo((String) visited.get("id"));
        r.path("inspectionRecord.findings[*].itemCode").entityList(String.class).contains("HRSS-01", "MS-02");
        r.path("inspectionResult.inspectingDepartment").entity(String.class).isEqualTo("MS-430200");
        r.path("inspectionResult.status").entity(String.class).isEqualTo("PUBLISHED");
    }

    @Test
    void theJointVisitIsLedFromTheLeadDepartmentWhateverTheParticipantsNames_ASSIGN12_GEN15() {
        // Market supervision leads; HR&SS of the same city takes part (and would sort first by name).
        String lead = "MS-430600";
        String participant = "HRSS-430600";
        // A year no other test or demo draw plans in (no other inspection's window can join this draw's visits), while the
        // roster's certificates are still valid (the synthetic ones run to 2029), so the lead's inspectors are assigned.
        int year = 2028;
        graphQl(officer(lead)).document("mutation($in: CreateSamplingPlanInput!) { createSamplingPlan(input: $in) { id } }")
                .variable("in", Map.of("departmentId", lead, "year", year, "title", "市场监管联合抽查计划")).execute().path("createSamplingPlan.id").hasValue();
        String taskId = addTask(lead, year, item(MS_PROVINCE_CHECKLIST, "MS-02"), "0.05", null);
        invite(lead, taskId, List.of(participant), null).path("inviteToJointTask.joint").entity(Boolean.class).isEqualTo(true);
        confirm(participant, taskId, participant, List.of(item(HRSS_PROVINCE_CHECKLIST, "HRSS-01")), 2, null).path("confirmJointParticipation.status").hasValue();
        fileAndPublish(lead, year);
        String drawId = commitAndExecute(lead, taskId);
        String day = year + "-03-17";
        for (String d : List.of(participant, lead)) {
            graphQl(officer(d)).document("mutation($d: ID!, $dep: ID!, $on: Date!) { assignInspectors(drawId: $d, departmentId: $dep, plannedOn: $on) { flagged } }")
                    .variable("d", drawId).variable("dep", d).variable("on", day).execute().path("assignInspectors.flagged").hasValue();
        }
        // One the lead staffed (ASSIGN-03 recusals could leave one without any of the lead's inspectors).
        Map<String, Object> node = graphQl(officer(lead)).document("query($d: ID!) { draw(id: $d) { inspections(first: 50) { edges { node { id uscc jointLeader } } } } }")
                .variable("d", drawId).execute().path("draw.inspections.edges[*].node").entityList(Map.class).get().stream()
                .filter(n -> n.get("jointLeader") != null).findFirst().orElseThrow(() -> new AssertionError("no inspection led by the lead's inspector (ASSIGN-12)"));
        String leadId = (String) node.get("id");
        String uscc = (String) node.get("uscc");
        String leader = (String) node.get("jointLeader");
        // The enterprise may also hold other tests' inspections by departments outside the lead's tree: their visits' leaders
        // are withheld from this officer (FORBIDDEN), which is right; only this draw's visit must show its leader.
        List<List<Object>> withheld = new ArrayList<>();
        List<Map<String, Object>> visits = graphQl(officer(lead)).document("query($u: ID!) { enterpriseJointVisits(uscc: $u) { inspectionIds leader departments { departmentId } } }")
                .variable("u", uscc).execute()
                .errors().satisfy(errors -> errors.forEach(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN").containsEntry("field", "JointVisit.leader");
                    withheld.add(e.getParsedPath());
                }))
                .path("enterpriseJointVisits").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        int ours = visits.indexOf(visits.stream().filter(v -> ((List<?>) v.get("inspectionIds")).contains(leadId)).findFirst().orElseThrow());
        assertThat(withheld).noneMatch(path -> path.get(1).equals(ours));
        assertThat(visits).filteredOn(v -> ((List<?>) v.get("inspectionIds")).contains(leadId)).singleElement().satisfies(v -> {
            assertThat(v.get("leader")).isEqualTo(leader);
            assertThat(((List<Map<String, Object>>) v.get("departments")).get(0).get("departmentId")).isEqualTo(lead);
        });
    }
}
