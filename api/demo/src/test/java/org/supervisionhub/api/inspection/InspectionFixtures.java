package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Inspections for tests, outside any draw (copies of the demo's, owned by the department a test needs), and result inputs and calls. */
public final class InspectionFixtures {

    private InspectionFixtures() {
    }

    /**
     * A copy of a demo inspection of HRSS-430100 drawn and inspected by {@code department}, under its own copy of the
     * task whose window is the year up to {@code windowEnd} (whatever the demo's year); outside any draw and year, and with no
     * team assigned yet (so no scheduled visit day).
     */
    public static String inspection(Driver driver, String department, LocalDate windowEnd) {
        String id = "INSP-JUR-" + department + "-" + System.nanoTime();
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
