package org.supervisionhub.api.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code hub.calendar}.
 *
 * @param location holiday data read in addition to the bundled {@code classpath:calendar/cn-public-holidays.csv}: any Spring
 *                 resource ({@code file:/etc/hub/holidays-2027.csv}, {@code classpath:...}); prefixed {@code optional:} a
 *                 missing file is skipped, otherwise it stops the start (and a reload). Lines here win over bundled ones
 *                 for the same day. Blank: the bundled data only.
 */
@ConfigurationProperties("hub.calendar")
public record CalendarProperties(String location) {
}
