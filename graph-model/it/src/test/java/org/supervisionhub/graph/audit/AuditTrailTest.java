package org.supervisionhub.graph.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.supervisionhub.graph.store.EmbeddedGraph;

class AuditTrailTest {

    /** Events carry the time the caller gives them; any fixed instant will do. */
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-04T10:00:00+08:00");

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    AuditTrail trail;

    @BeforeEach
    void clean() {
        graph.driver().executableQuery("MATCH (n) WHERE n:AuditEvent OR n:AuditHead OR n:AuditSubject DETACH DELETE n").execute();
        trail = new AuditTrail(Neo4jClient.create(graph.driver()), new Neo4jTransactionManager(graph.driver()));
    }

    AuditEvent append(int n) {
        return trail.append("officer-" + n, "HRSS-430100", "upsertEnterprise", "digest" + n, List.of("91430102MA0000001X"),
                "reason | with a separator", "SUCCESS", AT);
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<AuditEvent>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(pool.submit(() -> append(n)));
        }
        List<Long> seqs = new java.util.ArrayList<>();
        for (Future<AuditEvent> f : futures) {
            seqs.add(f.get().seq());
        }
        pool.shutdown();
        assertThat(seqs).doesNotHaveDuplicates().hasSize(40).allMatch(s -> s >= 1 && s <= 40);
        assertThat(trail.verify()).isEqualTo(new AuditTrail.Verification(true, 40, null, null));
    }

    @Test
    void aModifiedEventIsDetected() {
        for (int i = 0; i < 5; i++) {
            append(i);
        }
        graph.driver().executableQuery("MATCH (e:AuditEvent {seq: 3}) SET e.reason = 'nothing to see'").execute();
        AuditTrail.Verification v = trail.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.problem()).contains("modified");
    }

    @Test
    void aRemovedOrRecomputedEventIsDetected() {
        for (int i = 0; i < 5; i++) {
            append(i);
        }
        graph.driver().executableQuery("MATCH (e:AuditEvent {seq: 2}) DETACH DELETE e").execute();
        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.valid()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(2);
        });

        clean();
        for (int i = 0; i < 3; i++) {
            append(i);
        }
        // Rewriting an event and its own hash still breaks the next event's link.
        AuditEvent second = AuditTrail.read(graph.driver().executableQuery("MATCH (e:AuditEvent {seq: 2}) RETURN e").execute()
                .records().get(0).get("e"));
        AuditEvent forged = new AuditEvent(2, second.at(), "someone-else", second.department(), second.operation(),
                second.argumentsDigest(), second.affectedIds(), second.reason(), second.outcome(), second.prevHash(), null);
        graph.driver().executableQuery("MATCH (e:AuditEvent {seq: 2}) SET e.actor = $a, e.hash = $h")
                .withParameters(Map.of("a", forged.actor(), "h", forged.computeHash())).execute();
        assertThat(trail.verify()).satisfies(v -> {
            assertThat(v.valid()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(3);
        });
    }

    @Test
    void eventsAreFoundBySubjectNewestFirst() {
        for (int i = 0; i < 3; i++) {
            append(i);
        }
        trail.append("officer-x", "MS-430102", "recordComplaint", "d", List.of("COMPLAINT-1"), null, "SUCCESS", AT);
        var page = trail.events(new AuditTrail.Filter("91430102MA0000001X", null, null, null), 2, null);
        assertThat(page.items()).extracting(AuditEvent::seq).containsExactly(3L, 2L);
        assertThat(page.hasNext()).isTrue();
        var rest = trail.events(new AuditTrail.Filter("91430102MA0000001X", null, null, null), 2, page.cursorOf().apply(page.items().get(1)));
        assertThat(rest.items()).extracting(AuditEvent::seq).containsExactly(1L);
        assertThat(trail.events(new AuditTrail.Filter(null, null, List.of("MS-430102"), null), 10, null).items())
                .extracting(AuditEvent::operation).containsExactly("recordComplaint");
    }

    @Test
    void anAppendInsideARolledBackTransactionLeavesNoTrace() {
        append(0);
        var tx = new org.springframework.transaction.support.TransactionTemplate(new Neo4jTransactionManager(graph.driver()));
        tx.executeWithoutResult(status -> {
            append(1);
            status.setRollbackOnly();
        });
        assertThat(trail.verify()).isEqualTo(new AuditTrail.Verification(true, 1, null, null));
    }

    @Test
    void separatorsInsideFieldsCannotMakeTwoEventsHashAlike() {
        OffsetDateTime at = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        AuditEvent a = new AuditEvent(1, at, "a|b", "", "op", "", List.of(), "", "", AuditEvent.GENESIS, null);
        AuditEvent b = new AuditEvent(1, at, "a", "b", "op", "", List.of(), "", "", AuditEvent.GENESIS, null);
        assertThat(a.computeHash()).isNotEqualTo(b.computeHash());
    }
}
