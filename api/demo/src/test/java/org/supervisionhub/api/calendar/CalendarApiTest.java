package org.supervisionhub.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.api.inspection.InspectionFixtures.error;
import static org.supervisionhub.api.inspection.InspectionFixtures.input;
import static org.supervisionhub.api.inspection.InspectionFixtures.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.inspection.InspectionFixtures;

/**
 * "The calendar ends in 2026": a working-day deadline that needs a year the holiday data does not cover is computed on
 * weekdays and marked provisional (PUB-03, PUB-04, PUB-06, ROS-03); operators see it in provisionalDeadlines, the
 * {@code hub.calendar.provisional.deadlines} gauge and the {@code calendar} health component; adding the year
 * ({@code hub.calendar.location}, here the test-only {@link HubIntegrationTest#CALENDAR_FILE}) and reloading moves it and
 * records the change. The 2027 lines used are fictional test data (src/test/resources/calendar).
 */
class CalendarApiTest extends HubIntegrationTest {

    static final String RESULT = "id status publishBy deadlineBasis";
    static final String PROPOSE = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { " + RESULT + " } }";
    static final String RELOAD = "mutation { reloadCalendar(reason: \"the 2027 notice\") { coverage { coveredYears firstUncoveredDay sources }"
            + " recomputed { kind ownerId from workingDays before basisBefore after basisAfter at reason actor } provisionalRemaining } }";

    @Autowired
    Driver driver;

    static String step(String mutation, String id) {
        return "mutation { " + mutation + "(id: \"" + id + "\") { " + RESULT + " } }";
    }

    /** Every provisional deadline's owner id, paging through provisionalDeadlines as an administrator. */
    List<String> provisionalOwners() {
        List<String> out = new ArrayList<>();
        String after = null;
        while (true) {
            var response = graphQl(admin()).document("query($a: String) { provisionalDeadlines(first: 200, after: $a) {"
                    + " edges { node { ownerId basis } } pageInfo { hasNextPage endCursor } } }").variable("a", after).execute();
            out.addAll(response.path("provisionalDeadlines.edges[*].node.ownerId").entityList(String.class).get());
            response.path("provisionalDeadlines.edges[*].node.basis").entityList(String.class)
                    .satisfies(b -> assertThat(b).allMatch("PROVISIONAL_CALENDAR"::equals));
            if (!response.path("provisionalDeadlines.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return out;
            }
            after = response.path("provisionalDeadlines.pageInfo.endCursor").entity(String.class).get();
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> actuator(String path) {
        return org.springframework.web.client.RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(h -> h.setBearerAuth(token(admin()))).exchange((request, response) -> {
                    Map<String, Object> body = new java.util.HashMap<>(response.bodyTo(Map.class));
                    body.put("httpStatus", response.getStatusCode().value());
                    return body;
                });
    }

    double provisionalGauge() {
        Map<String, Object> metric = actuator("/actuator/metrics/hub.calendar.provisional.deadlines");
        return ((Number) ((Map<?, ?>) ((List<?>) metric.get("measurements")).get(0)).get("value")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> calendarHealth() {
        Map<String, Object> health = actuator("/actuator/health");
        // The hub itself stays UP: only its deadlines for the uncovered year are provisional.
        assertThat(health).containsEntry("status", "UP");
        return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("calendar");
    }

    /** Back to the bundled data only (recomputing what the test's data moved) and the clock as it was. */
    void reloadWithout(Instant restoreClock) throws IOException {
        try {
            Files.deleteIfExists(CALENDAR_FILE);
            graphQl(admin()).document("mutation { reloadCalendar(reason: \"test over\") { provisionalRemaining } }").execute()
                    .path("reloadCalendar.provisionalRemaining").hasValue();
        } finally {
            clock.set(restoreClock);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPublicationDeadlineIn2027IsProvisionalOnWeekdaysAndMovesWhenTheYearIsAddedAndReloaded_PUB03() throws IOException {
        Instant start = clock.instant();
        try {
            clock.set(OffsetDateTime.parse("2027-03-15T10:00:00+08:00").toInstant());
            String inspectionId = InspectionFixtures.inspection(this::graphQl, clock, driver, "HRSS-430100", LocalDate.of(2027, 3, 31));
            String id = (String) ok(graphQl(officer("HRSS-430100")), PROPOSE, "proposeInspectionResult",
                    Map.of("in", input(inspectionId, "NO_PROBLEM_FOUND", "2027-03-05", null, null))).get("id");
            // PUB-03: 20 working days after Friday 2027-03-05, on weekdays only: 2027-04-02.
            Map<String, Object> approved = ok(graphQl(leader("HRSS-430100")), step("approveInspectionResult", id), "approveInspectionResult", Map.of());
            assertThat(approved).containsEntry("publishBy", "2027-04-02").containsEntry("deadlineBasis", "PROVISIONAL_CALENDAR");
            assertThat(provisionalOwners()).contains(id);
            double provisionalBefore = provisionalGauge();
            assertThat(provisionalBefore).isGreaterThanOrEqualTo(1.0);

            Map<String, Object> health = calendarHealth();
            assertThat(health).containsEntry("status", "WARNING");
            assertThat((Map<String, Object>) health.get("details")).containsEntry("firstUncoveredDay", "2027-03-15")
                    .containsEntry("coveredYears", List.of(2024, 2025, 2026)).containsEntry("horizonDays", 90);
            assertThat(actuator("/actuator/health/calendar")).containsEntry("status", "WARNING").containsEntry("httpStatus", 200);

            // The operator adds the year's data (here fictional test holidays on 2027-03-26 and 03-29) and reloads.
            Files.writeString(CALENDAR_FILE, new ClassPathResource("calendar/fictional-2027-test-only.csv").getContentAsString(
                    java.nio.charset.StandardCharsets.UTF_8));
            Map<String, Object> reload = ok(graphQl(admin()), RELOAD, "reloadCalendar", Map.of());
            assertThat((Map<String, Object>) reload.get("coverage")).containsEntry("coveredYears", List.of(2024, 2025, 2026, 2027))
                    .containsEntry("firstUncoveredDay", null);
            Map<String, Object> change = ((List<Map<String, Object>>) reload.get("recomputed")).stream()
                    .filter(c -> id.equals(c.get("ownerId"))).findFirst().orElseThrow();
            assertThat(change).containsEntry("kind", "RESULT_PUBLICATION").containsEntry("from", "2027-03-05").containsEntry("workingDays", 20)
                    .containsEntry("before", "2027-04-02").containsEntry("basisBefore", "PROVISIONAL_CALENDAR")
                    .containsEntry("after", "2027-04-06").containsEntry("basisAfter", "CALENDAR").containsEntry("actor", "admin");
            assertThat((String) change.get("reason")).startsWith("PUB-03, PUB-04: calendar reloaded").endsWith("the 2027 notice");

            // The result itself, its recorded change, the list, the gauge, the health, and the mutation's audit event.
            assertThat(graphQl(leader("HRSS-430100")).document("query($i: ID!) { inspectionResult(inspectionId: $i) { " + RESULT + " } }")
                    .variable("i", inspectionId).execute().path("inspectionResult").entity(Map.class).get())
                    .containsEntry("publishBy", "2027-04-06").containsEntry("deadlineBasis", "CALENDAR");
            assertThat(graphQl(as(org.supervisionhub.api.access.Role.OVERSIGHT, "HRSS-430000"))
                    .document("query($o: ID!) { deadlineChanges(ownerId: $o) { before after basisAfter } }").variable("o", id).execute()
                    .path("deadlineChanges").entityList(Map.class).get())
                    .containsExactly(Map.of("before", "2027-04-02", "after", "2027-04-06", "basisAfter", "CALENDAR"));
            assertThat(provisionalOwners()).doesNotContain(id);
            assertThat(provisionalGauge()).isLessThan(provisionalBefore);
            assertThat(calendarHealth()).containsEntry("status", "UP");
            assertThat(graphQl(admin()).document("query($s: ID) { auditEvents(filter: {subjectId: $s, operation: \"reloadCalendar\"}) {"
                    + " edges { node { outcome reason } } } }").variable("s", id).execute()
                    .path("auditEvents.edges[0].node").entity(Map.class).get())
                    .containsEntry("outcome", "SUCCESS").containsEntry("reason", "the 2027 notice");
        } finally {
            reloadWithout(start);
        }
    }

    @Test
    void invalidHolidayDataIsRefusedNamingTheFileAndLineAndChangesNothing() throws IOException {
        Instant start = clock.instant();
        try {
            Files.writeString(CALENDAR_FILE, new ClassPathResource("calendar/invalid-test-only.csv").getContentAsString(
                    java.nio.charset.StandardCharsets.UTF_8));
            List<org.springframework.graphql.ResponseError> errors = new ArrayList<>();
            graphQl(admin()).document(RELOAD).execute().errors().satisfy(errors::addAll);
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getExtensions()).containsEntry("code", "INVALID_VALUE");
                assertThat(e.getMessage()).contains(CALENDAR_FILE.getFileName() + " line 3: '2027-02-30' is not a date",
                        "line 4: kind 'HOLYDAY' is neither HOLIDAY nor WORKDAY");
            });
            assertThat(graphQl(admin()).document("{ calendarCoverage { coveredYears } }").execute()
                    .path("calendarCoverage.coveredYears").entityList(Integer.class).get()).containsExactly(2024, 2025, 2026);
            assertThat(error(graphQl(officer("HRSS-430100")), "mutation { reloadCalendar { provisionalRemaining } }", Map.of()))
                    .isEqualTo("FORBIDDEN Mutation.reloadCalendar");
        } finally {
            reloadWithout(start);
        }
    }

    @Test
    void aRosterUpdateDeadlineIntoAnUncoveredYearIsProvisional_ROS03() {
        Instant start = clock.instant();
        try {
            clock.set(OffsetDateTime.parse("2026-12-28T10:00:00+08:00").toInstant());
            String late = newUscc();
            String early = newUscc();
            for (String[] e : new String[][] {{late, "2026-12-28"}, {early, "2026-12-01"}}) {
                graphQl(officer("HRSS-430102")).document("mutation($in: EnterpriseInput!) { upsertEnterprise(input: $in) { uscc } }")
                        .variable("in", Map.of("uscc", e[0], "name", "日历测试企业", "orgType", "COMPANY", "regionCode", "430102",
                                "change", Map.of("occurredOn", e[1], "discoveredOn", e[1])))
                        .execute().path("upsertEnterprise.uscc").hasValue();
            }
            String q = "{ rosterUpdateReport(roster: TARGET, from: \"2026-12-28\", to: \"2026-12-28\") { updates(first: 200) {"
                    + " edges { node { subjectKey deadline deadlineBasis } } } } }";
            var response = graphQl(officer("HRSS-430102")).document(q).execute();
            // Five weekdays after 2026-12-28 reach 2027-01-04 (2027-01-01 counted as a working day): provisional.
            assertThat(response.path("rosterUpdateReport.updates.edges[?(@.node.subjectKey == '" + late + "')].node").entityList(Map.class)
                    .get()).containsExactly(Map.of("subjectKey", late, "deadline", "2027-01-04", "deadlineBasis", "PROVISIONAL_CALENDAR"));
            assertThat(response.path("rosterUpdateReport.updates.edges[?(@.node.subjectKey == '" + early + "')].node").entityList(Map.class)
                    .get()).containsExactly(Map.of("subjectKey", early, "deadline", "2026-12-08", "deadlineBasis", "CALENDAR"));
        } finally {
            clock.set(start);
        }
    }
}
