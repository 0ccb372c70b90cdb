package org.supervisionhub.api.store;

import java.util.Set;

import org.neo4j.driver.NotificationClassification;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which Cypher notifications the server sends. "Unrecognized" ones (a property or label not in the graph yet) are
 * what a fresh graph answers to every statement naming data not written yet: on a first start they were ~150 WARN
 * blocks that said nothing wrong. Deprecations, performance and other warnings still come.
 */
@Configuration(proxyBeanMethods = false)
public class DriverNotifications {

    @Bean
    ConfigBuilderCustomizer unrecognizedNotificationsOff() {
        return builder -> builder.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
    }
}
