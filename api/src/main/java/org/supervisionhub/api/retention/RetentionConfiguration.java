package org.supervisionhub.api.retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.supervisionhub.api.store.GraphConfiguration.GraphSchema;
import org.supervisionhub.graph.retention.ExportRepository;

/** The repository of export records. */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    ExportRepository exportRepository(Neo4jClient client, GraphSchema schema) {
        return new ExportRepository(client);
    }
}
