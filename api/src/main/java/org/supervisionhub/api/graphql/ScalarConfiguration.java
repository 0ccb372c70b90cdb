package org.supervisionhub.api.graphql;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Date and DateTime from graphql-java-extended-scalars (LocalDate, OffsetDateTime). */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Date).scalar(ExtendedScalars.DateTime);
    }
}
