package org.supervisionhub.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.HubIntegrationTest;
import org.supervisionhub.api.demo.ExploreDemo;

public class NestedLoadingTest extends HubIntegrationTest {

    public static final String DEEP = org.supervisionhub.api.graphql.CostedDocuments.DEEP_ENTERPRISES;

    int queriesFor(int pageSize) {
        graphQl(officer("HRSS-430100")).document(DEEP).variable("n", pageSize).execute().path("enterprises.edges").entityList(Object.class).hasSize(pageSize);
        queries.reset();
        graphQl(officer("HRSS-430100")).document(DEEP).variable("n", pageSize).execute().path("enterprises.edges").entityList(Object.class).hasSize(pageSize);
        return queries.count();
    }

    @Test
    void anEnterpriseReadByUsccBringsItsLegalRepresentativeInTheSameStatement() {
        // 橘洲餐饮 of the explore demo: 赵强 has represented it since three years ago; it is listed.
        String uscc = ExploreDemo.uscc(ExploreDemo.GROUP.get("橘洲餐饮"));
        String zhao = ExploreDemo.person("赵强");
        String point = "query($u: ID!) { enterprise(uscc: $u) { uscc legalRepresentative { personId name } restrictionTriggers { id } } }";
        graphQl(officer("HRSS-430100")).document(point).variable("u", uscc).execute().path("enterprise.uscc").entity(String.class).isEqualTo(uscc);
        queries.reset();
        var answer = graphQl(officer("HRSS-430100")).document(point).variable("u", uscc).execute();
        answer.path("enterprise.legalRepresentative.personId").entity(String.class).isEqualTo(zhao)
                .path("enterprise.legalRepresentative.name").entity(String.class).isEqualTo("赵强")
                .path("enterprise.restrictionTriggers").entityList(Object.class).hasSize(1);
        assertThat(queries.count()).as("the enterprise with its representative, then its triggers").isEqualTo(2);

        // Two days asked: the field's own loader answers each, the same way (in office from the day of appointment).
        java.time.LocalDate since = clock.today().minusYears(3);
        String days = "query($u: ID!, $on: Date!, $before: Date!) { enterprise(uscc: $u) { now: legalRepresentative { personId }"
                + " on: legalRepresentative(asOf: $on) { personId } before: legalRepresentative(asOf: $before) { personId } } }";
        graphQl(officer("HRSS-430100")).document(days).variable("u", uscc).variable("on", since.toString())
                .variable("before", since.minusDays(1).toString()).execute()
                .path("enterprise.now.personId").entity(String.class).isEqualTo(zhao)
                .path("enterprise.on.personId").entity(String.class).isEqualTo(zhao)
                .path("enterprise.before").valueIsNull();
        // One day asked, with no representative then: the primed answer is "none".
        graphQl(officer("HRSS-430100")).document("query($u: ID!, $d: Date!) { enterprise(uscc: $u) { legalRepresentative(asOf: $d) { personId } } }")
                .variable("u", uscc).variable("d", since.minusDays(1).toString()).execute().path("enterprise.legalRepresentative").valueIsNull();
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
