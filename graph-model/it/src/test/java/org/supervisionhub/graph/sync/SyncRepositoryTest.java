package org.supervisionhub.graph.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.store.EmbeddedGraph;
import org.supervisionhub.graph.sync.SyncRepository.EnterpriseRow;
import org.supervisionhub.graph.sync.SyncRepository.HolderKind;
import org.supervisionhub.graph.sync.SyncRepository.Holding;
import org.supervisionhub.graph.sync.SyncRepository.PersonLink;

/** The registry upserts against a real Neo4j: the fresh path of a first load and the careful path of later snapshots give the same graph. */
class SyncRepositoryTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static SyncRepository repository;
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate DAY1 = LocalDate.of(2026, 1, 5);
    static final LocalDate DAY2 = LocalDate.of(2026, 3, 9);

    @BeforeAll
    static void regions() {
        graph.driver().executableQuery("UNWIND ['430102', '430103'] AS code CREATE (:Region {code: code})").execute();
        repository = new SyncRepository(Neo4jClient.create(graph.driver()));
    }

    static EnterpriseRow row(String uscc, long version, LocalDate on, String region, String legal, String manager, List<Holding> holders, String parent) {
        return new EnterpriseRow(uscc, "名称" + uscc.substring(14), "LIMITED_COMPANY", "ACTIVE", region, "地址", LocalDate.of(2010, 1, 1), version, on,
                new PersonLink(legal, "法人" + legal, null), List.of(new PersonLink(manager, "经理" + manager, "MANAGER")), holders, parent);
    }

    List<Map<String, Object>> links(String uscc) {
        return graph.driver().executableQuery("""
                MATCH (e:Enterprise {uscc: $uscc})
                CALL (e) { MATCH (x)-[l:LEGAL_REPRESENTATIVE_OF|OFFICER_OF|SHAREHOLDER_OF]->(e)
                           RETURN type(l) AS type, coalesce(x.personId, x.uscc) AS other, l.role AS role, l.sharePct AS pct, l.validFrom AS from, l.validTo AS to
                           UNION MATCH (e)-[l:BRANCH_OF|LOCATED_IN]->(x)
                           RETURN type(l) AS type, coalesce(x.uscc, x.code) AS other, null AS role, null AS pct, l.validFrom AS from, l.validTo AS to }
                RETURN type, other, role, pct, from, to ORDER BY type, other, pct, from""").withParameters(Map.of("uscc", uscc)).execute().records()
                .stream().map(r -> r.asMap()).toList();
    }

    @Test
    void knownRegionsAreThoseOfTheAskedCodesTheGraphHolds() {
        assertThat(repository.knownRegions(List.of("430102", "439999", "430103", "430102"))).containsExactlyInAnyOrder("430102", "430103");
        assertThat(repository.knownRegions(List.of())).isEmpty();
    }

    @Test
    void aFirstLoadCreatesSubjectsWithAllTheirLinksAndAppliedAgainChangesNothing() {
        List<Holding> holders = List.of(new Holding(HolderKind.PERSON, "P-H1", "股东", 60.0), new Holding(HolderKind.ENTERPRISE, "91430102A00000001X", "母公司", 40.0));
        List<EnterpriseRow> rows = List.of(row("91430102A00000002X", 1, DAY1, "430102", "P-L1", "P-M1", holders, null),
                row("91430102A00000003X", 1, DAY1, "430103", "P-L2", "P-M2", List.of(), "91430102A00000002X"));

        assertThat(repository.upsertEnterprises("MARKET_SUPERVISION", rows, NOW)).isEqualTo(2);
        List<Map<String, Object>> first = links("91430102A00000002X");
        assertThat(first).extracting(m -> m.get("type") + " " + m.get("other") + " " + m.get("pct") + " " + m.get("to")).containsExactly(
                "LEGAL_REPRESENTATIVE_OF P-L1 null null", "LOCATED_IN 430102 null null", "OFFICER_OF P-M1 null null",
                "SHAREHOLDER_OF 91430102A00000001X 40.0 null", "SHAREHOLDER_OF P-H1 60.0 null");
        assertThat(links("91430102A00000003X")).extracting(m -> m.get("type") + " " + m.get("other")).contains("BRANCH_OF 91430102A00000002X");
        // The holding subject the registry has not sent yet is known by its USCC.
        assertThat(graph.driver().executableQuery("MATCH (e:Enterprise {uscc: '91430102A00000001X'}) RETURN e.sourceVersion AS v").execute()
                .records().get(0).get("v").isNull()).isTrue();

        assertThat(repository.upsertEnterprises("MARKET_SUPERVISION", rows, NOW)).as("not newer").isZero();
        assertThat(links("91430102A00000002X")).isEqualTo(first);
    }

    @Test
    void aNewerSnapshotEndsTheLinksThatLeftAndBeginsTheNewOnesKeepingHistory() {
        String uscc = "91430102A00000012X";
        repository.upsertEnterprises("MARKET_SUPERVISION", List.of(row(uscc, 1, DAY1, "430102", "P-L11", "P-M11",
                List.of(new Holding(HolderKind.ENTERPRISE, "91430102A00000011X", "母公司", 40.0)), "91430102A00000011X")), NOW);
        // A new legal representative, the same manager, the holder's share changed, no longer a branch, moved to another district.
        repository.upsertEnterprises("MARKET_SUPERVISION", List.of(row(uscc, 2, DAY2, "430103", "P-L12", "P-M11",
                List.of(new Holding(HolderKind.ENTERPRISE, "91430102A00000011X", "母公司", 30.0)), null)), NOW);

        assertThat(links(uscc)).extracting(m -> m.get("type") + " " + m.get("other") + " " + m.get("pct") + " " + m.get("from") + " " + m.get("to"))
                .containsExactly(
                        "BRANCH_OF 91430102A00000011X null 2026-01-05 2026-03-09",
                        "LEGAL_REPRESENTATIVE_OF P-L11 null 2026-01-05 2026-03-09",
                        "LEGAL_REPRESENTATIVE_OF P-L12 null 2026-03-09 null",
                        "LOCATED_IN 430103 null null null",
                        "OFFICER_OF P-M11 null 2026-01-05 null",
                        "SHAREHOLDER_OF 91430102A00000011X 30.0 2026-03-09 null",
                        "SHAREHOLDER_OF 91430102A00000011X 40.0 2026-01-05 2026-03-09");
    }

    @Test
    void aSubjectWithLinksFromElsewhereIsComparedNotDuplicated() {
        String uscc = "91430102A00000022X";
        // Known before the registry sent it (a demo load, another system): no version, but links.
        graph.driver().executableQuery("""
                MATCH (r:Region {code: '430102'}) CREATE (e:Enterprise {uscc: $uscc, rosterFrom: date('2025-01-01')})-[:LOCATED_IN]->(r)
                CREATE (:Person {personId: 'P-L21', name: '法人'})-[:LEGAL_REPRESENTATIVE_OF {validFrom: date('2020-01-01')}]->(e)
                CREATE (:Person {personId: 'P-X', name: '离任'})-[:OFFICER_OF {role: 'DIRECTOR', validFrom: date('2020-01-01')}]->(e)""")
                .withParameters(Map.of("uscc", uscc)).execute();

        repository.upsertEnterprises("MARKET_SUPERVISION", List.of(row(uscc, 1, DAY1, "430102", "P-L21", "P-M21", List.of(), null)), NOW);

        assertThat(links(uscc)).extracting(m -> m.get("type") + " " + m.get("other") + " " + m.get("to")).containsExactly(
                "LEGAL_REPRESENTATIVE_OF P-L21 null", "LOCATED_IN 430102 null", "OFFICER_OF P-M21 null", "OFFICER_OF P-X 2026-01-05");
        assertThat(graph.driver().executableQuery("MATCH (e:Enterprise {uscc: $uscc}) RETURN e.rosterFrom AS d").withParameters(Map.of("uscc", uscc))
                .execute().records().get(0).get("d").asLocalDate()).as("kept").isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aSubjectFirstKnownByItsUsccAloneJoinsTheRosterWhenItsSnapshotArrives() {
        String uscc = "91430102A00000032X";
        repository.ensureEnterprises(List.of(uscc));
        repository.upsertEnterprises("MARKET_SUPERVISION", List.of(row(uscc, 1, DAY1, "430102", "P-L31", "P-M31", List.of(), null)), NOW);
        assertThat(graph.driver().executableQuery("MATCH (e:Enterprise {uscc: $uscc}) RETURN e.rosterFrom AS d").withParameters(Map.of("uscc", uscc))
                .execute().records().get(0).get("d").asLocalDate()).isEqualTo(DAY1);
        assertThat(links(uscc)).hasSize(3);
    }

    @Test
    void eachPartitionKeepsItsOwnCheckpointPerNumberOfPartitions() {
        repository.savePartitionCheckpoint("MARKET_SUPERVISION", "partitioned", 0, 2, "c-40", 40, 7, NOW);
        repository.savePartitionCheckpoint("MARKET_SUPERVISION", "partitioned", 1, 2, "c-60", 60, 5, NOW);
        repository.savePartitionCheckpoint("MARKET_SUPERVISION", "partitioned", 1, 2, "c-80", 80, 3, NOW);
        repository.savePartitionCheckpoint("MARKET_SUPERVISION", "partitioned", 2, 3, "c-90", 90, 1, NOW);

        assertThat(repository.partitionCheckpoints("MARKET_SUPERVISION", "partitioned", 2)).isEqualTo(Map.of(0, 40L, 1, 80L));
        assertThat(repository.partitionCheckpoints("MARKET_SUPERVISION", "partitioned", 3)).isEqualTo(Map.of(2, 90L));
        assertThat(repository.partitionCheckpoints("MARKET_SUPERVISION", "partitioned", 4)).isEmpty();
        assertThat(repository.checkpoints()).as("the stream's own checkpoint list is not the partitions'")
                .noneMatch(c -> c.stream().equals("partitioned"));
    }

    @Test
    void theLeaseIsHeldByItsOwnerUntilItExpires() {
        assertThat(repository.lock("sync:test:holds", "a", NOW, NOW.plusMinutes(2))).isTrue();

        assertThat(repository.holds("sync:test:holds", "a", NOW.plusMinutes(1))).isTrue();
        assertThat(repository.holds("sync:test:holds", "b", NOW.plusMinutes(1))).as("another owner").isFalse();
        assertThat(repository.holds("sync:test:holds", "a", NOW.plusMinutes(3))).as("expired").isFalse();
        assertThat(repository.lock("sync:test:holds", "b", NOW.plusMinutes(3), NOW.plusMinutes(5))).isTrue();
        assertThat(repository.holds("sync:test:holds", "a", NOW.plusMinutes(4))).as("taken over").isFalse();
    }
}
