package org.supervisionhub.graph.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Record;
import org.supervisionhub.graph.restriction.RestrictionQuery;
import org.supervisionhub.graph.store.EmbeddedGraph;

class SyntheticListingsTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    @Test
    void listsAboutTheFractionAskedStoredLikeRecordedTriggersAndDeterministically() {
        // Half the province of before at twice the fraction: the same ~100 listed (60..140), in half the load time.
        SyntheticProvince.load(graph.driver(), new SyntheticOptions(20260101L, 1_000, 500, null));
        LocalDate today = LocalDate.of(2026, 11, 22);
        SyntheticListings.Report report = SyntheticListings.load(graph.driver(), 7L, 0.1, today, null);

        assertThat(report.listed()).hasSizeBetween(60, 140).doesNotHaveDuplicates();
        List<Record> rows = graph.driver().executableQuery("""
                MATCH (t:RestrictionTrigger)-[:CONCERNS]->(e:Enterprise)
                RETURN t {.*} AS t, e.uscc AS uscc, labels(t) AS labels, COUNT { (t)-[:HAD]->(:TriggerEvent) } AS events""")
                .execute().records();
        assertThat(rows).hasSize(report.triggers());
        int removed = 0;
        for (Record r : rows) {
            var t = RestrictionQuery.trigger(r.get("t"));
            assertThat(t.uscc()).isEqualTo(r.get("uscc").asString());
            assertThat(report.listed()).contains(t.uscc());
            assertThat(r.get("labels").asList(v -> v.asString())).contains(t.kind().name().equals("SANCTION") ? "Sanction" : "CreditListing");
            assertThat(t.activeFrom().toLocalDate()).isBefore(today);
            assertThat(t.activeOn()).isEqualTo(t.activeFrom().toLocalDate());
            assertThat(t.issuingDepartment()).isNotBlank();
            // The hub's own departments issue HUB triggers; lists from other systems have no hub issuer.
            assertThat(t.issuingDepartmentId() != null).isEqualTo(t.source().name().equals("HUB"));
            if (t.removedAt() != null) {
                removed++;
                assertThat(t.removedAt()).isAfter(t.activeFrom());
            }
            assertThat(r.get("events").asInt()).isEqualTo(t.removedAt() == null ? 1 : 2);
        }
        assertThat(removed).isEqualTo(report.removed()).isPositive();
        assertThat(rows.stream().map(r -> r.get("t").get("triggerType").asString()).distinct()).hasSize(6);

        // Same seed, same province: the same enterprises.
        graph.driver().executableQuery("MATCH (t:RestrictionTrigger) DETACH DELETE t").execute();
        assertThat(SyntheticListings.load(graph.driver(), 7L, 0.1, today, null).listed()).isEqualTo(report.listed());
    }
}
