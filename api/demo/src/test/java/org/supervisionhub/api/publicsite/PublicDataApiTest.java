package org.supervisionhub.api.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.api.inspection.InspectionFixtures.error;
import static org.supervisionhub.api.inspection.InspectionFixtures.input;
import static org.supervisionhub.api.inspection.InspectionFixtures.ok;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.inspection.InspectionFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public site's open data over HTTP, anonymous: JSON pages, CSV, Atom, caching headers, CORS, the pages' CSP, the front
 * page, and PUB-11 (a withheld result disappears from every public list; only a leader of the inspecting department may
 * withhold, naming the ground).
 */
class PublicDataApiTest extends HubIntegrationTest {

    static final String RESULT = "id status";
    static final String PROPOSE = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { " + RESULT + " } }";
    static final String WITHHOLD = "mutation($id: ID!, $reason: String!) { withholdInspectionResult(id: $id, reason: $reason)"
            + " { resultId at actor departmentId reason } }";

    @Autowired
    Driver driver;

    /** Results are dated on the 2026 calendar: the clock is pinned there and put back after each test (the context is shared). */
    static final java.time.Instant TODAY = java.time.OffsetDateTime.parse("2026-12-04T10:00:00+08:00").toInstant();
    java.time.Instant restoreTo;
    long setAt;

    @org.junit.jupiter.api.BeforeEach
    void setClock() {
        restoreTo = clock.instant();
        setAt = System.nanoTime();
        clock.set(TODAY);
    }

    @org.junit.jupiter.api.AfterEach
    void restoreClock() {
        clock.set(restoreTo.plusNanos(System.nanoTime() - setAt));
    }

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    /** A result of HRSS-430100 proposed, approved and published through the API; answers its id, its enterprise's USCC and its inspection. */
    String[] publishedResult() {
        String inspectionId = InspectionFixtures.inspection(this::graphQl, clock, driver, "HRSS-430100", LocalDate.of(2026, 12, 31));
        String id = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, "NO_PROBLEM_FOUND", LocalDate.now(clock).minusDays(1).toString(), null, null))).get("id");
        ok(graphQl(leader("HRSS-430100")), "mutation { approveInspectionResult(id: \"" + id + "\") { id } }", "approveInspectionResult", Map.of());
        ok(graphQl(officer("HRSS-430100")), "mutation { publishInspectionResult(id: \"" + id + "\") { id } }", "publishInspectionResult", Map.of());
        String uscc = driver.executableQuery("MATCH (r:InspectionResult {id: $id}) RETURN r.uscc AS u").withParameters(Map.of("id", id))
                .execute().records().get(0).get("u").asString();
        return new String[] {id, uscc, inspectionId};
    }

    @Test
    void aPublishedResultIsFoundByUsccAndNameWithNamesAndBeijingTimesToTheSecond() throws Exception {
        String[] r = publishedResult();
        JsonNode byUscc = body(get("/public/data/results?q=" + r[1]));
        assertThat(byUscc.get("items").findValuesAsString("id")).contains(r[0]);
        JsonNode row = byUscc.get("items").get(0);
        assertThat(row.get("departmentName").asString()).as("names, not ids").isNotBlank().isNotEqualTo("HRSS-430100");
        assertThat(row.get("publishedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(row.has("facts") || row.has("approvedBy") || row.has("creditRiskClass")).as("nothing internal").isFalse();
        String name = row.get("enterpriseName").asString();
        JsonNode byName = body(get("/public/data/results?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "&department=HRSS-430100"));
        assertThat(byName.get("items").findValuesAsString("id")).contains(r[0]);
        assertThat(body(get("/public/data/results?q=" + r[1] + "&department=MS-430000")).get("total").asLong()).isZero();
    }

    @Test
    void aWithheldResultLeavesEveryPublicListAndRecordsWhoWithheldItPUB11() throws Exception {
        String[] r = publishedResult();
        assertThat(error(graphQl(officer("HRSS-430100")), WITHHOLD, Map.of("id", r[0], "reason", "x")))
                .isEqualTo("FORBIDDEN Mutation.withholdInspectionResult");
        assertThat(error(graphQl(leader("HRSS-430102")), WITHHOLD, Map.of("id", r[0], "reason", "《政府信息公开条例》第十四条")))
                .isEqualTo("FORBIDDEN id PUB-11");
        assertThat(error(graphQl(leader("HRSS-430100")), WITHHOLD, Map.of("id", r[0], "reason", " "))).isEqualTo("INVALID_VALUE reason PUB-11");

        Map<String, Object> w = ok(graphQl(leader("HRSS-430100")), WITHHOLD, "withholdInspectionResult",
                Map.of("id", r[0], "reason", "《政府信息公开条例》第十四条"));
        assertThat(w).containsEntry("resultId", r[0]).containsEntry("actor", "leader@HRSS-430100").containsEntry("departmentId", "HRSS-430100");
        assertThat(error(graphQl(leader("HRSS-430100")), WITHHOLD, Map.of("id", r[0], "reason", "again"))).isEqualTo("CONFLICT id PUB-11");
        String recorded = graphQl(leader("HRSS-430100")).document("{ inspectionResult(inspectionId: \"" + r[2] + "\") { withholding { actor reason } } }")
                .execute().path("inspectionResult.withholding.actor").entity(String.class).get();
        assertThat(recorded).as("who withheld it stays on the result").isEqualTo("leader@HRSS-430100");

        assertThat(body(get("/public/data/results?q=" + r[1])).get("items").findValuesAsString("id")).doesNotContain(r[0]);
        assertThat(get("/public/data/results.csv?q=" + r[1]).body()).doesNotContain(r[0]);
        assertThat(get("/public/feeds/HRSS-430100.atom").body()).doesNotContain(r[0]);
        List<String> graphql = graphQl().document("{ publishedInspectionResults(uscc: \"" + r[1] + "\") { publishedAt } }").execute()
                .path("publishedInspectionResults[*].publishedAt").entityList(String.class).get();
        assertThat(graphql).as("the GraphQL public view too").hasSize(publishedCount(r[1]) - 1);
    }

    int publishedCount(String uscc) {
        return driver.executableQuery("MATCH (r:InspectionResult {uscc: $u, status: 'PUBLISHED'}) RETURN count(r) AS n")
                .withParameters(Map.of("u", uscc)).execute().records().get(0).get("n").asInt();
    }

    @Test
    void listsAreCacheableWithEtagsAndReadableFromAnyOrigin() throws Exception {
        HttpResponse<String> first = get("/public/data/plans?department=HRSS-430000", "Origin", "https://example.org");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("public").contains("max-age=60"));
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/public/data/plans?department=HRSS-430000", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(body(first).get("items").size()).as("the demo province publishes its plan").isPositive();
        assertThat(body(first).get("items").get(0).get("tasks").get(0).has("strataRatios")).as("no strata or ratios").isFalse();
    }

    @Test
    void eachListHasItsCsvAndEachDepartmentItsAtomFeed() throws Exception {
        for (String list : List.of("penalties", "notices", "checklists", "plans", "draws", "results")) {
            HttpResponse<String> csv = get("/public/data/" + list + ".csv");
            assertThat(csv.statusCode()).as(list).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body()).as(list + " has a header line").startsWith("\uFEFFid,");
            assertThat(body(get("/public/data/" + list)).get("total").asLong()).as(list).isNotNegative();
        }
        HttpResponse<String> feed = get("/public/feeds/HRSS-430100.atom");
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"").contains("<entry>");
        assertThat(get("/public/feeds/NOPE.atom").statusCode()).isEqualTo(404);
        assertThat(get("/public/data/results?size=1000").statusCode()).isEqualTo(400);
        assertThat(body(get("/public/data/results?from=yesterday")).at("/errors/0/extensions/field").asString()).isEqualTo("from");
    }

    @Test
    void theFrontPageLeadsToTheSiteAndThePagesCarryTheirPolicy() throws Exception {
        HttpResponse<String> front = get("/");
        assertThat(front.statusCode()).as("no longer 401").isEqualTo(200);
        assertThat(front.body()).contains("href=\"/site/\"").contains("href=\"/graphiql\"").contains("href=\"/explore\"");
        HttpResponse<String> site = get("/site/");
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.headers().firstValue("Content-Security-Policy")).contains(PublicSiteConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(site.body()).contains("<html lang=\"zh-CN\">").doesNotContain("<script>").doesNotContain("http://").doesNotContain("https://");
    }

    /** ISO-8601 in Beijing time to the second: no fraction of a second, whatever the clock's precision. */
    static final String SECOND = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";

    @Test
    void drawTimesAreBeijingTimeToTheSecondInTheListTheDocumentAndTheOpenData() throws Exception {
        JsonNode list = body(get("/public/draws"));
        assertThat(list.size()).as("the demo's draws").isPositive();
        String executed = null;
        for (JsonNode d : list) {
            assertThat(d.get("committedAt").asString()).matches(SECOND);
            if (!d.get("executedAt").isNull()) {
                assertThat(d.get("executedAt").asString()).matches(SECOND);
                executed = d.get("drawId").asString();
            }
        }
        assertThat(executed).as("an executed demo draw").isNotNull();
        JsonNode doc = body(get("/public/draws/" + executed));
        assertThat(doc.get("committedAt").asString()).matches(SECOND);
        assertThat(doc.get("executedAt").asString()).matches(SECOND);
        for (JsonNode d : body(get("/public/data/draws?size=200")).get("items")) {
            assertThat(d.get("committedAt").asString()).matches(SECOND);
        }
        assertThat(get("/public/data/draws.csv").body()).doesNotContainPattern(":\\d\\d\\.\\d");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() throws Exception {
        List<String> cells = List.of("a,b", "=1+1", "+1", "-1", "@SUM(A1)", "say \"hi\"", "plain", "");
        List<String> columns = java.util.stream.IntStream.range(0, cells.size()).mapToObj(i -> "c" + i).toList();
        Map<String, Object> row = new java.util.HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            row.put(columns.get(i), cells.get(i));
        }
        String text = new String(PublicDataController.csvBody(columns, List.of(row)), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFc0,c1,").contains("\"a,b\"").contains("\"say \"\"hi\"\"\"").endsWith("\r\n");
        try (var parser = org.apache.commons.csv.CSVParser.parse(text.substring(1), PublicDataController.CSV)) {
            List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(1).toList()).as("read back: formulas defused with an apostrophe, the rest as written")
                    .containsExactly("a,b", "'=1+1", "'+1", "'-1", "'@SUM(A1)", "say \"hi\"", "plain", "");
        }
    }
}
