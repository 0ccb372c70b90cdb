package org.supervisionhub.api.store;

import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

/**
 * Reads go to a cluster's readers, and still see the writes this replica made (docs/deployment-cluster.md).
 * <ul>
 * <li>The {@link Neo4jClient} every repository uses runs a statement outside a transaction in a READ session
 * ({@link ReadRoutingDriver}); inside one, the transaction manager's access mode holds (read-only: READ).</li>
 * <li>One bookmark manager for the client and the transaction manager (both take the bean): a read after a write,
 * even on another session, waits until the reader it lands on has that write (causal consistency). Without the bean
 * each kept its own bookmarks, which did not matter while every session went to the leader.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ReadRoutingConfiguration {

    @Bean
    Neo4jBookmarkManager neo4jBookmarkManager() {
        return Neo4jBookmarkManager.create();
    }

    @Bean
    Neo4jClient neo4jClient(Driver driver, DatabaseSelectionProvider databases, Neo4jBookmarkManager bookmarks) {
        return Neo4jClient.with(new ReadRoutingDriver(driver)).withDatabaseSelectionProvider(databases)
                .withNeo4jBookmarkManager(bookmarks).build();
    }
}
