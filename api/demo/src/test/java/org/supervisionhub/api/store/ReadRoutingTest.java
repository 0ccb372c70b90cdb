package org.supervisionhub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.graph.organisation.OrganisationRepository;

/**
 * Issue 22, replicas on one cluster: every read runs READ, so a cluster spreads reads over its secondaries. The
 * {@link RoutingRecorder} watches the driver through the whole suite; this class runs after the other integration tests
 * (which call every query field as every role, AccessMatrixTest, and every public list), sweeps the public site and a
 * few nested queries itself so it also holds alone, and then asks of every unit run for a GraphQL query or an HTTP GET:
 * did it run only reads, and WRITE? A new read method that runs in a write transaction fails it.
 */
@Order(Integer.MAX_VALUE - 1)
class ReadRoutingTest extends HubIntegrationTest {

    @Autowired
    RoutingRecorder recorder;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    Neo4jClient client;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyRepositoryReadForAQueryOrAPublicGetRanRead() throws Exception {
        for (String path : List.of("/public/data/results", "/public/data/results.csv", "/public/data/departments", "/public/data/penalties",
                "/public/data/draws.csv", "/public/feeds/HRSS-430100.atom")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        // Nested fields load through @BatchMapping / DataLoaders.
        graphQl(admin()).document("{ departments { id region { code parent { code } } subordinates { id } } enterprises(first: 5) { edges { node { uscc region { name } } } } }")
                .execute().path("departments").entityList(Object.class).hasSizeGreaterThan(0);
        graphQl(leader("HRSS-430100")).document("{ draws(departmentId: \"HRSS-430100\", first: 2) { edges { node { id inspections(first: 2) {"
                + " edges { node { id } } } } } } }").execute().path("draws.edges").entityList(Object.class).hasSizeGreaterThan(0);

        Map<String, Set<AccessMode>> seen = recorder.modesForReads();
        assertThat(seen).as("repository methods run for queries and GETs").containsKeys(
                "PublicSiteRepository.results", "OrganisationRepository.departments");
        assertThat(recorder.readsRoutedToWriter()).as("units that only read, for a query or a GET, yet ran WRITE (they would all go to the leader)")
                .isEmpty();
        System.out.printf("ReadRoutingTest: %d repository methods ran for queries and GETs; modes %s%n", seen.size(), seen);
    }

    @Test
    void aReadOutsideATransactionRunsRead() {
        List<RoutingRecorder.Unit> units = recorder.capture(organisations::topRegions);
        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.mode()).isEqualTo(AccessMode.READ);
            assertThat(u.repositoryMethods()).containsExactly("OrganisationRepository.topRegions");
        });
    }

    @Test
    void aReadOnlyTransactionRunsRead() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        List<RoutingRecorder.Unit> units = recorder.capture(() -> readOnly.executeWithoutResult(s -> organisations.topRegions()));
        assertThat(units).singleElement().extracting(RoutingRecorder.Unit::mode).isEqualTo(AccessMode.READ);
    }

    /** The check catches what it is for: a read in a (non-read-only) transaction runs WRITE and is reported. */
    @Test
    void aReadInAWriteTransactionRunsWriteAndTheCheckReportsIt() {
        List<RoutingRecorder.Unit> units = recorder.capture(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> organisations.topRegions()));
        assertThat(units).singleElement().extracting(RoutingRecorder.Unit::mode).isEqualTo(AccessMode.WRITE);
        assertThat(recorder.readsRoutedToWriter(units)).hasSize(1);
    }

    /** A write outside a transaction cannot slip onto a reader: the server refuses it in a READ session. */
    @Test
    void aWriteOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> client.query("CREATE (:RoutingProbe)").run()).hasMessageContaining("read access mode");
        assertThat(client.query("MATCH (n:RoutingProbe) RETURN count(n)").fetchAs(Long.class).one()).contains(0L);
    }
}
