package org.supervisionhub.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.supervisionhub.api.HubIntegrationTest;

class PaginationTest extends HubIntegrationTest {

    @Autowired
    Driver driver;

    @Test
    void cursorsVisitEveryExistingEnterpriseExactlyOnceWhileOthersAreInsertedConcurrently() throws Exception {
        for (String order : List.of("USCC", "NAME")) {
            // By name, registered enterprises only: one known by its USCC alone (a list sync's) has no name to order by.
            Set<String> existing = new HashSet<>(driver.executableQuery("MATCH (e:Enterprise) WHERE $o = 'USCC' OR e.name IS NOT NULL RETURN e.uscc AS u")
                    .withParameters(Map.of("o", order)).execute().records().stream().map(r -> r.get("u").asString()).toList());
            AtomicBoolean paging = new AtomicBoolean(true);
            AtomicInteger inserted = new AtomicInteger();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> writes = writer.submit(() -> {
                while (paging.get()) {
                    graphQl(officer("HRSS-430100")).document(DirectoryApiTest.UPSERT).variable("in", Map.of("uscc", newUscc(), "name",
                                    (inserted.get() % 2 == 0 ? "A" : "Z") + "并发插入企业" + inserted.get(),
                                    "orgType", "COMPANY", "regionCode", "430102"))
                            .execute().path("upsertEnterprise.uscc").hasValue();
                    inserted.incrementAndGet();
                }
            });
            List<String> seen = new ArrayList<>();
            try {
                String after = null;
                boolean more = true;
                while (more) {
                    GraphQlTester.Response page = graphQl().document("query($a: String, $o: EnterpriseOrder) { enterprises(first: 97, after: $a, orderBy: $o) "
                            + "{ edges { node { uscc } } pageInfo { hasNextPage endCursor } } }").variable("a", after).variable("o", order).execute();
                    seen.addAll(page.path("enterprises.edges[*].node.uscc").entityList(String.class).get());
                    more = page.path("enterprises.pageInfo.hasNextPage").entity(Boolean.class).get();
                    after = page.path("enterprises.pageInfo.endCursor").entity(String.class).get();
                }
            } finally {
                paging.set(false);
                writes.get();
            }
            writer.shutdown();

            assertThat(inserted.get()).as("inserts ran during paging (" + order + ")").isPositive();
            assertThat(seen).as("no enterprise twice (" + order + ")").doesNotHaveDuplicates();
            assertThat(seen).as("every enterprise that existed before paging (" + order + ")").containsAll(existing);
        }
    }

    @Test
    void aForeignOrTamperedCursorIsATypedError() {
        graphQl().document("{ enterprises(first: 5, after: \"not-a-cursor!\") { edges { cursor } } }").execute()
                .errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "INVALID_CURSOR").containsEntry("field", "after"));
        String nameCursor = graphQl().document("{ enterprises(first: 1, orderBy: NAME) { pageInfo { endCursor } } }").execute()
                .path("enterprises.pageInfo.endCursor").entity(String.class).get();
        graphQl().document("query($a: String) { enterprises(first: 5, after: $a) { edges { cursor } } }").variable("a", nameCursor).execute()
                .errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "INVALID_CURSOR"));
    }

    @Test
    void pageSizeAboveTheMaximumIsRefused() {
        graphQl().document("{ enterprises(first: 201) { edges { cursor } } }").execute()
                .errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "PAGE_SIZE").containsEntry("field", "first"));
        graphQl().document("{ enterprises(first: 2) { edges { node { links(first: 0) { totalCount } } } } }").execute()
                .errors().satisfy(e -> assertThat(e).isNotEmpty().allSatisfy(x -> assertThat(x.getExtensions()).containsEntry("code", "PAGE_SIZE")));
    }
}
