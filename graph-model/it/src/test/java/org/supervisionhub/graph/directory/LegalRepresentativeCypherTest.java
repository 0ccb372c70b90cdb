package org.supervisionhub.graph.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.graph.directory.Directory.Person;
import org.supervisionhub.graph.store.EmbeddedGraph;

/** The legal representative on a day, as the point read and the batch loader read it, against a real Neo4j. */
class LegalRepresentativeCypherTest {

    @RegisterExtension
    static EmbeddedGraph graph = new EmbeddedGraph();

    static DirectoryRepository repository;

    static final String HANDED_OVER = "91430102LR0000001A";
    static final String OVERLAP = "91430102LR0000002A";
    static final String NOBODY = "91430102LR0000003A";

    @BeforeAll
    static void graph() {
        graph.driver().executableQuery("""
                UNWIND [$handedOver, $overlap, $nobody] AS uscc CREATE (:Enterprise {uscc: uscc, name: '企业' + right(uscc, 2), regionCode: '430102'})
                WITH count(*) AS made
                UNWIND [{p: 'P-A', e: $handedOver, from: date('2020-01-01'), to: date('2024-01-01')},
                        {p: 'P-B', e: $handedOver, from: date('2024-01-01'), to: null},
                        {p: 'P-D', e: $overlap, from: date('2021-06-01'), to: null},
                        {p: 'P-C', e: $overlap, from: date('2022-01-01'), to: null},
                        {p: 'P-E', e: $overlap, from: date('2021-06-01'), to: null}] AS l
                MERGE (p:Person {personId: l.p}) SET p.name = '人' + l.p
                WITH p, l MATCH (e:Enterprise {uscc: l.e}) CREATE (p)-[:LEGAL_REPRESENTATIVE_OF {validFrom: l.from, validTo: l.to}]->(e)""")
                .withParameters(Map.of("handedOver", HANDED_OVER, "overlap", OVERLAP, "nobody", NOBODY)).execute();
        repository = new DirectoryRepository(Neo4jClient.create(graph.driver()));
    }

    @Test
    void theRepresentativeInOfficeOnTheDayEndsTheDayBeforeTheSuccessorStarts() {
        assertThat(repository.legalRepresentatives(List.of(HANDED_OVER, NOBODY), LocalDate.of(2023, 12, 31)))
                .containsExactly(Map.entry(HANDED_OVER, new Person("P-A", "人P-A")));
        assertThat(repository.legalRepresentatives(List.of(HANDED_OVER), LocalDate.of(2024, 1, 1)))
                .containsExactly(Map.entry(HANDED_OVER, new Person("P-B", "人P-B")));
        assertThat(repository.legalRepresentatives(List.of(HANDED_OVER), LocalDate.of(2019, 12, 31))).isEmpty();
    }

    @Test
    void ofOverlappingRepresentativesTheEarliestAppointedThenTheSmallestPersonIdAsALinkPageListsThem() {
        assertThat(repository.legalRepresentatives(List.of(OVERLAP), LocalDate.of(2025, 1, 1)).get(OVERLAP).personId()).isEqualTo("P-D");
    }

    @Test
    void thePointReadBringsTheEnterpriseWithTheSameRepresentativeOrNone() {
        var read = repository.enterpriseWithLegalRepresentative(HANDED_OVER, LocalDate.of(2023, 12, 31)).orElseThrow();
        assertThat(read.enterprise().uscc()).isEqualTo(HANDED_OVER);
        assertThat(read.legalRepresentative()).isEqualTo(new Person("P-A", "人P-A"));
        var none = repository.enterpriseWithLegalRepresentative(NOBODY, LocalDate.of(2023, 12, 31)).orElseThrow();
        assertThat(none.enterprise().name()).isEqualTo("企业3A");
        assertThat(none.legalRepresentative()).isNull();
        assertThat(repository.enterpriseWithLegalRepresentative("91430102LR0000009A", LocalDate.of(2023, 12, 31))).isEmpty();
    }
}
