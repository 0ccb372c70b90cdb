package org.supervisionhub.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.HubIntegrationTest;

public class NestedLoadingTest extends HubIntegrationTest {

    public static final String DEEP = org.supervisionhub.api.graphql.CostedDocuments.DEEP_ENTERPRISES;

    int queriesFor(int pageSize) {
        graphQl(officer("HRSS-430100")).document(DEEP).variable("n", pageSize).execute().path("enterprises.edges").entityList(Object.class).hasSize(pageSize);
        queries.reset();
        graphQl(officer("HRSS-430100")).document(DEEP).variable("n", pageSize).execute().path("enterprises.edges").entityList(Object.class).hasSize(pageSize);
        return queries.count();
    }

    @Test
    void nestedFieldsAreBatchedSoTheQueryCountDoesNotGrowWithThePage() {
        // Pages this large contain every kind of nested value, so each field's batch query runs in both.
        int hundred = queriesFor(100);
        int twoHundred = queriesFor(200);
        assertThat(twoHundred).as("queries for 200 rows vs 100 rows").isEqualTo(hundred);
        // The page (keys, then rows by key) and at most one per field: region, parent region, authority, its
        // superior, legal representative, its links, complaint count, complaints, their departments, links,
        // counterpart regions, branches.
        assertThat(twoHundred).isLessThanOrEqualTo(14);
    }
}
