package org.supervisionhub.graph.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineChange;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineKind;
import org.supervisionhub.graph.store.EmbeddedGraph;

/**
 * A stored deadline's recompute against a real Neo4j: written only over the day and basis it was recomputed from; one
 * decided from a day the deadline has left (a second recompute from the same day, or a stale basis) changes nothing and fails.
 */
class DeadlineWritesTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static DeadlineRepository deadlines;
    static final OffsetDateTime NOW = OffsetDateTime.of(2027, 6, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate FROM = LocalDate.of(2027, 12, 20);
    static final LocalDate PROVISIONAL_DAY = LocalDate.of(2028, 1, 17);
    static final LocalDate CALENDAR_DAY = LocalDate.of(2028, 1, 18);

    @BeforeAll
    static void repository() {
        deadlines = new DeadlineRepository(Neo4jClient.create(graph.driver()));
    }

    /** A result whose publication deadline (PUB-03) is stored on {@code day} with {@code basis}. */
    static String result(String n, LocalDate day, DeadlineBasis basis) {
        String id = "RES-DL-" + n;
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("day", day);
        p.put("basis", basis == null ? null : basis.name());
        p.put("from", FROM);
        graph.driver().executableQuery("CREATE (:InspectionResult {id: $id, publishBy: $day, publishByBasis: $basis, publishByFrom: $from,"
                + " publishByWorkingDays: 20})").withParameters(p).execute();
        return id;
    }

    static LocalDate publishBy(String id) {
        return graph.driver().executableQuery("MATCH (r:InspectionResult {id: $id}) RETURN r.publishBy AS d").withParameters(Map.of("id", id))
                .execute().records().get(0).get("d").asLocalDate();
    }

    static DeadlineChange change(String id, LocalDate before, DeadlineBasis basisBefore, LocalDate after, String actor) {
        return new DeadlineChange(DeadlineKind.RESULT_PUBLICATION, id, FROM, 20, before, basisBefore, after, DeadlineBasis.CALENDAR, NOW,
                "PUB-03, PUB-04: the year's notice was added", actor);
    }

    @Test
    void aRecomputedPublicationDeadlineIsWrittenOnceOverTheDayItWasRecomputedFromPUB03() {
        String id = result("1", PROVISIONAL_DAY, DeadlineBasis.PROVISIONAL_CALENDAR);
        deadlines.apply(change(id, PROVISIONAL_DAY, DeadlineBasis.PROVISIONAL_CALENDAR, CALENDAR_DAY, "admin1"));
        assertThat(publishBy(id)).isEqualTo(CALENDAR_DAY);
        assertThatThrownBy(() -> deadlines.apply(change(id, PROVISIONAL_DAY, DeadlineBasis.PROVISIONAL_CALENDAR, CALENDAR_DAY.plusDays(1), "admin2")))
                .as("a second recompute decided from the same day").isInstanceOf(IllegalStateException.class);
        assertThat(publishBy(id)).as("the second wrote nothing").isEqualTo(CALENDAR_DAY);
        assertThat(deadlines.changesOf(id)).extracting(DeadlineChange::actor).containsExactly("admin1");
    }

    @Test
    void aRecomputeDecidedFromAStaleBasisChangesNothingPUB03() {
        String id = result("2", PROVISIONAL_DAY, DeadlineBasis.CALENDAR);
        assertThatThrownBy(() -> deadlines.apply(change(id, PROVISIONAL_DAY, DeadlineBasis.PROVISIONAL_CALENDAR, CALENDAR_DAY, "admin3")))
                .as("decided as provisional, the deadline is on the calendar now").isInstanceOf(IllegalStateException.class);
        assertThat(publishBy(id)).isEqualTo(PROVISIONAL_DAY);
        assertThat(deadlines.changesOf(id)).isEmpty();
    }

    @Test
    void aDeadlineStoredBeforeBasesWereIsRecomputedPUB03() {
        String id = result("3", PROVISIONAL_DAY, null);
        deadlines.apply(change(id, PROVISIONAL_DAY, null, CALENDAR_DAY, "admin4"));
        assertThat(publishBy(id)).isEqualTo(CALENDAR_DAY);
    }
}
