package org.supervisionhub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;
import org.neo4j.driver.NotificationClassification;

class DriverNotificationsTest {

    @Test
    void theDriverAsksTheServerForNoUnrecognizedNotificationsButKeepsTheOthers() {
        Config.ConfigBuilder builder = Config.builder();
        new DriverNotifications().unrecognizedNotificationsOff().customize(builder);
        Config config = builder.build();
        assertThat(config.disabledNotificationClassifications()).containsExactly(NotificationClassification.UNRECOGNIZED);
        assertThat(config.minimumNotificationSeverity()).isEmpty();
    }
}
