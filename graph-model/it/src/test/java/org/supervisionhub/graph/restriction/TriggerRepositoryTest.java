package org.supervisionhub.graph.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.domain.restriction.TriggerKind;
import org.supervisionhub.domain.restriction.TriggerType;
import org.supervisionhub.graph.restriction.Restrictions.SourceSystem;
import org.supervisionhub.graph.restriction.Restrictions.Trigger;
import org.supervisionhub.graph.store.EmbeddedGraph;

/** {@link TriggerRepository#REMOVE} against a real Neo4j: a removal is written only over an open trigger. */
class TriggerRepositoryTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static TriggerRepository triggers;
    static final OffsetDateTime LISTED = OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @BeforeAll
    static void fixture() {
        graph.driver().executableQuery("CREATE (:Enterprise {uscc: 'TRG-X', name: 'Listed'})").execute();
        triggers = new TriggerRepository(Neo4jClient.create(graph.driver()));
    }

    @Test
    void aRemovalIsWrittenOnceOverTheOpenTriggerItWasDecidedFrom() {
        assertThat(triggers.create(new Trigger("LST-T1", TriggerKind.CREDIT_LISTING, TriggerType.ABNORMAL_OPERATION_LIST, "TRG-X", "MS-1",
                "Bureau", "basis", "reason", null, List.of(), null, LISTED, LISTED.toLocalDate(), null, null, null, SourceSystem.HUB, null,
                LISTED, "officer"))).isTrue();
        OffsetDateTime repaired = LISTED.plusDays(40);
        triggers.remove("LST-T1", repaired, "补报年报", "officer", repaired);
        assertThat(triggers.byId(List.of("LST-T1")).get("LST-T1").removedAt()).isAtSameInstantAs(repaired);
        assertThatThrownBy(() -> triggers.remove("LST-T1", repaired.plusDays(1), "again", "officer", repaired.plusDays(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("removed already");
        assertThat(triggers.byId(List.of("LST-T1")).get("LST-T1").removedAt()).as("the first removal stands").isAtSameInstantAs(repaired);
        assertThat(triggers.events(List.of("LST-T1")).get("LST-T1")).extracting(Restrictions.TriggerEvent::kind).containsExactlyInAnyOrder("LISTED", "REMOVED");
    }
}
