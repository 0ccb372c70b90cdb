package org.supervisionhub.api.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supervisionhub.api.inspection.InspectionFixtures.error;
import static org.supervisionhub.api.inspection.InspectionFixtures.input;
import static org.supervisionhub.api.inspection.InspectionFixtures.ok;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.inspection.InspectionFixtures;

/**
 * Published results reach the credit platform through the outbox: the message is written in the publication's
 * transaction (none without a publication) and delivered at least once, through errors and lost acknowledgements,
 * always with its idempotency key; the receiver records each key once however often it arrives (idempotent receipt).
 * Together that is effectively-once recording, which is what this checks: not exactly-once delivery.
 */
class ResultOutboxApiTest extends HubIntegrationTest {

    static final String DEPARTMENT = "HRSS-430100";
    static final String PROPOSE = "mutation($in: InspectionResultInput!) { proposeInspectionResult(input: $in) { id } }";

    @Autowired
    Driver driver;

    String approved(String category) {
        String inspectionId = InspectionFixtures.inspection(this::graphQl, clock, driver, DEPARTMENT, clock.today().withMonth(12).withDayOfMonth(31));
        String id = (String) ok(graphQl(officer(DEPARTMENT)), PROPOSE, "proposeInspectionResult",
                Map.of("in", input(inspectionId, category, clock.today().minusDays(3).toString(), null, null))).get("id");
        ok(graphQl(leader(DEPARTMENT)), "mutation { approveInspectionResult(id: \"" + id + "\") { id } }", "approveInspectionResult", Map.of());
        return id;
    }

    long messages(String resultId) {
        return driver.executableQuery("MATCH (m:OutboxMessage) WHERE m.idempotencyKey STARTS WITH $id RETURN count(m) AS n")
                .withParameters(Map.of("id", resultId + ":")).execute().records().get(0).get("n").asLong();
    }

    @Test
    void eachPublicationIsDeliveredAtLeastOnceThroughErrorsAndLostAcknowledgementsAndRecordedOnceByItsIdempotencyKey() throws Exception {
        TestSimulator.start();
        // No publication, no message: a refused publication leaves nothing in the outbox (same transaction).
        String refused = approved("NO_PROBLEM_FOUND");
        String uscc = driver.executableQuery("MATCH (r:InspectionResult {id: $id}) RETURN r.uscc AS u").withParameters(Map.of("id", refused))
                .execute().records().get(0).get("u").asString();
        ok(graphQl(officer(DEPARTMENT)), "mutation($in: CreditListingInput!) { recordCreditListing(input: $in) { id } }", "recordCreditListing",
                Map.of("in", Map.of("uscc", uscc, "type", "ABNORMAL_OPERATION_LIST", "issuingDepartmentId", DEPARTMENT, "legalBasis", "《企业信息公示暂行条例》第十七条",
                        "reason", "测试：列入经营异常名录")));
        assertThat(error(graphQl(officer(DEPARTMENT)), "mutation { publishInspectionResult(id: \"" + refused + "\") { id } }", Map.of()))
                .isEqualTo("CONFLICT id FOLLOW-04");
        assertThat(messages(refused)).isZero();

        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = approved("PROBLEM_FOUND_PENDING_FOLLOW_UP");
            ok(graphQl(officer(DEPARTMENT)), "mutation { publishInspectionResult(id: \"" + id + "\") { id } }", "publishInspectionResult", Map.of());
            assertThat(messages(id)).as("written with the publication").isEqualTo(1);
            keys.add(id + ":published");
        }
        // 30% of calls fail, and every acknowledgement of a first recording is lost: the platform recorded the result but
        // the hub cannot know, so it must send each again (a repeat is acknowledged as a duplicate).
        TestSimulator.faults(0.3, 0, 0, false, 0, 0, 1.0);
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).pollInSameThread()
                    .until(() -> {
                        if (delivered(keys)) {
                            return true;
                        }
                        // The back-off (2^attempts s) runs on the hub's clock: move it on to when the last message is due again.
                        pendingUntil(keys).filter(at -> at.isAfter(clock.instant())).ifPresent(clock::set);
                        graphQl(admin()).document("mutation { deliverOutbox { outcome delivered retried failed } }").execute()
                                .path("deliverOutbox.outcome").entity(String.class).get();
                        return delivered(keys);
                    });
        } catch (ConditionTimeoutException e) {
            // Asserted below.
        }
        TestSimulator.faults(0, 0, 0, false, 0, 0, 0);
        assertThat(delivered(keys)).as("all delivered").isTrue();
        List<String> received = TestSimulator.receivedResults();
        Map<String, Integer> arrivals = TestSimulator.resultArrivals();
        for (String key : keys) {
            assertThat(arrivals.getOrDefault(key, 0)).as("sent again after the lost acknowledgement: %s", key).isGreaterThanOrEqualTo(2);
            assertThat(received.stream().filter(key::equals).count()).as("recorded once however often it arrived: %s", key).isEqualTo(1);
        }
    }

    /** When the last of the keys' pending messages is due again, if any is pending. */
    Optional<Instant> pendingUntil(List<String> keys) {
        Value at = driver.executableQuery("MATCH (m:OutboxMessage) WHERE m.idempotencyKey IN $keys AND m.status = 'PENDING' RETURN max(m.nextAttemptAt) AS at")
                .withParameters(Map.of("keys", keys)).execute().records().get(0).get("at");
        return at.isNull() ? Optional.empty() : Optional.of(at.asZonedDateTime().toInstant());
    }

    boolean delivered(List<String> keys) {
        return driver.executableQuery("MATCH (m:OutboxMessage) WHERE m.idempotencyKey IN $keys AND m.status = 'DELIVERED' RETURN count(m) AS n")
                .withParameters(Map.of("keys", keys)).execute().records().get(0).get("n").asLong() == keys.size();
    }
}
