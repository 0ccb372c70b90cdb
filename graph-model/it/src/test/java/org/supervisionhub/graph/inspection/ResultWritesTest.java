package org.supervisionhub.graph.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.inspection.Delegation;
import org.supervisionhub.domain.inspection.InspectionResult;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultContent;
import org.supervisionhub.domain.inspection.ResultStatus;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis;
import org.supervisionhub.graph.inspection.Results.Amendment;
import org.supervisionhub.graph.inspection.Results.Feedback;
import org.supervisionhub.graph.inspection.Results.FeedbackChannel;
import org.supervisionhub.graph.inspection.Results.ProposedResult;
import org.supervisionhub.graph.inspection.Results.Result;
import org.supervisionhub.graph.store.EmbeddedGraph;

/**
 * The result's writes that keep its status (feedback, amendment, correction, withholding, corrected publication) against a
 * real Neo4j: each is written only over the state the domain's {@link InspectionResult} decided from, and one decided from a
 * state the result has left (a second decision from the same state, or a stale status) changes nothing and fails.
 */
class ResultWritesTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static ResultRepository results;
    static final OffsetDateTime NOW = OffsetDateTime.of(2027, 6, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate TODAY = NOW.toLocalDate();
    static final String DEPARTMENT = "HRSS-370202";

    @BeforeAll
    static void repository() {
        results = new ResultRepository(Neo4jClient.create(graph.driver()));
    }

    static <T> T done(Outcome<T> o) {
        return o.orElseThrow(vs -> new IllegalStateException("refused: " + vs));
    }

    /** A result of a new inspection {@code n}, proposed and approved through the repository (and published if asked). */
    static Result result(String n, ResultCategory category, boolean published) {
        graph.driver().executableQuery("CREATE (:Inspection {id: $id})").withParameters(Map.of("id", "INS-" + n)).execute();
        String id = "RES-INS-" + n;
        LocalDate deadline = category == ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED ? TODAY.plusDays(30) : null;
        results.create(new ProposedResult(id, "INS-" + n, "91370202MA3C00001X", DEPARTMENT, DEPARTMENT, Delegation.NONE,
                new ResultContent(category, "事实", TODAY.minusDays(3), deadline), "officer", NOW));
        results.approve(id, ResultStatus.PROPOSED, "leader", NOW, DEPARTMENT, null, TODAY.plusDays(20), DeadlineBasis.CALENDAR, TODAY.minusDays(3), 20);
        if (published) {
            results.publish(id, ResultStatus.APPROVED, "officer", NOW, TODAY.plusDays(7));
        }
        return reload(id);
    }

    static Result reload(String id) {
        return results.byId(List.of(id)).get(id);
    }

    static Feedback feedback(String by) {
        return new Feedback(FeedbackChannel.WRITTEN, TODAY, null, by, NOW);
    }

    @Test
    void feedbackIsWrittenOnceOverTheStatusItWasDecidedFromPUB09() {
        Result r = result("FB", ResultCategory.NO_PROBLEM_FOUND, false);
        InspectionResult fed = done(r.lifecycle(false).giveFeedback(TODAY, false, null, false));
        results.feedback(ResultStatus.APPROVED, fed, feedback("officer1"));
        assertThat(reload(r.id()).feedback().givenBy()).isEqualTo("officer1");
        assertThatThrownBy(() -> results.feedback(ResultStatus.APPROVED, fed, feedback("officer2")))
                .as("a second feedback decided from the same state").isInstanceOf(IllegalStateException.class);
        assertThat(reload(r.id()).feedback().givenBy()).as("the second wrote nothing").isEqualTo("officer1");

        Result other = result("FB2", ResultCategory.NO_PROBLEM_FOUND, true);
        InspectionResult stale = done(other.lifecycle(false).giveFeedback(TODAY, false, null, false));
        assertThatThrownBy(() -> results.feedback(ResultStatus.APPROVED, stale, feedback("officer3")))
                .as("decided while APPROVED, the result is PUBLISHED now").isInstanceOf(IllegalStateException.class);
        assertThat(reload(other.id()).feedback()).isNull();
    }

    @Test
    void anAmendmentIsWrittenOverTheAmendmentsItWasDecidedFromARCH05() {
        Result r = result("AM", ResultCategory.NO_PROBLEM_FOUND, false);
        Amendment first = new Amendment(r.id(), 1, NOW, "FACTS", "事实", "更正后的事实", "笔误", "officer", "leader");
        results.amend(ResultStatus.APPROVED, first, Map.of("facts", "更正后的事实"));
        assertThat(reload(r.id()).facts()).isEqualTo("更正后的事实");
        assertThatThrownBy(() -> results.amend(ResultStatus.APPROVED, new Amendment(r.id(), 1, NOW, "FACTS", "事实", "另一个", "并发", "officer2",
                "leader2"), Map.of("facts", "另一个"))).as("a second amendment decided from the same result").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> results.amend(ResultStatus.PROPOSED, new Amendment(r.id(), 2, NOW, "FACTS", "更正后的事实", "x", "y", "o", "l"),
                Map.of("facts", "x"))).as("decided from a status the result is not in").isInstanceOf(IllegalStateException.class);
        Result after = reload(r.id());
        assertThat(after.facts()).isEqualTo("更正后的事实");
        assertThat(after.amendments()).isEqualTo(1);
        assertThat(results.amendments(List.of(r.id())).get(r.id())).extracting(Amendment::number, Amendment::handler)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "officer"));
    }

    @Test
    void aCorrectionIsRecordedOnceOverTheStatusItWasDecidedFromFOLLOW01() {
        Result r = result("RC", ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, false);
        InspectionResult rectified = done(r.lifecycle(false).recordRectification(TODAY));
        results.rectified(ResultStatus.APPROVED, rectified, "已整改", "officer1", NOW);
        assertThat(reload(r.id()).rectifiedOn()).isEqualTo(TODAY);
        InspectionResult again = done(r.lifecycle(false).recordRectification(TODAY.minusDays(1)));
        assertThatThrownBy(() -> results.rectified(ResultStatus.APPROVED, again, "再次", "officer2", NOW))
                .as("a second correction decided from the same state").isInstanceOf(IllegalStateException.class);
        assertThat(reload(r.id()).rectifiedOn()).isEqualTo(TODAY);
        assertThat(reload(r.id()).rectificationNote()).isEqualTo("已整改");

        Result other = result("RC2", ResultCategory.PROBLEM_FOUND_RECTIFICATION_ORDERED, true);
        InspectionResult stale = done(other.lifecycle(false).recordRectification(TODAY));
        assertThatThrownBy(() -> results.rectified(ResultStatus.APPROVED, stale, "x", "officer3", NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(reload(other.id()).rectifiedOn()).isNull();
    }

    @Test
    void aPublishedResultIsWithheldOncePUB11() {
        Result r = result("WH", ResultCategory.NO_PROBLEM_FOUND, true);
        InspectionResult withheld = done(r.lifecycle(false).withhold());
        results.withhold(ResultStatus.PUBLISHED, withheld, "涉及国家秘密", "leader1", DEPARTMENT, NOW);
        assertThat(results.withholdings(List.of(r.id())).get(r.id()).actor()).isEqualTo("leader1");
        assertThatThrownBy(() -> results.withhold(ResultStatus.PUBLISHED, withheld, "另一理由", "leader2", DEPARTMENT, NOW))
                .as("withheld twice from the same state").isInstanceOf(IllegalStateException.class);
        assertThat(results.withholdings(List.of(r.id())).get(r.id()).reason()).isEqualTo("涉及国家秘密");

        Result approved = result("WH2", ResultCategory.NO_PROBLEM_FOUND, false);
        InspectionResult notPublished = new InspectionResult(approved.lifecycle(false).id(), approved.lifecycle(false).inspecting(), null,
                Delegation.NONE, approved.lifecycle(false).content(), ResultStatus.PUBLISHED, true, false, null);
        assertThatThrownBy(() -> results.withhold(ResultStatus.PUBLISHED, notPublished, "x", "leader3", DEPARTMENT, NOW))
                .as("decided as PUBLISHED, the result is APPROVED").isInstanceOf(IllegalStateException.class);
        assertThat(results.withholdings(List.of(approved.id()))).isEmpty();
    }

    @Test
    void onlyAPublishedResultIsPublishedAgainCorrectedPUB12() {
        Result r = result("RP", ResultCategory.NO_PROBLEM_FOUND, true);
        InspectionResult again = done(r.lifecycle(false).republish());
        results.republish(ResultStatus.PUBLISHED, again, NOW.plusDays(1), TODAY.plusDays(8));
        assertThat(reload(r.id()).correctedAt()).isEqualTo(NOW.plusDays(1));
        assertThat(reload(r.id()).publicUntil()).isEqualTo(TODAY.plusDays(8));

        Result approved = result("RP2", ResultCategory.NO_PROBLEM_FOUND, false);
        InspectionResult stale = new InspectionResult(approved.lifecycle(false).id(), approved.lifecycle(false).inspecting(), null, Delegation.NONE,
                approved.lifecycle(false).content(), ResultStatus.PUBLISHED, false, false, null);
        assertThatThrownBy(() -> results.republish(ResultStatus.PUBLISHED, stale, NOW, TODAY.plusDays(7)))
                .as("decided as PUBLISHED, the result is APPROVED").isInstanceOf(IllegalStateException.class);
        assertThat(reload(approved.id()).correctedAt()).isNull();
        assertThat(reload(approved.id()).publicUntil()).isNull();
    }
}
