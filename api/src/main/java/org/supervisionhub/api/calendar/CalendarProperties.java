package org.supervisionhub.api.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code hub.calendar}.
 *
 * @param location holiday data read in addition to the bundled {@code classpath:calendar/cn-public-holidays.csv}: any Spring
 *                 resource ({@code file:/etc/hub/holidays-2027.csv}, {@code classpath:...}); prefixed {@code optional:} a
 *                 missing file is skipped, otherwise it stops the start (and a reload). Lines here win over bundled ones
 *                 for the same day. Blank: the bundled data only.
 * @param warnUncovered whether a start whose holiday data misses a day within the next 90 days says so as a WARN (default)
 *                      or only as INFO: the demo runs on today's date, before the State Council has published next year's
 *                      notice, and its users have nothing to do about that.
 */
@ConfigurationProperties("hub.calendar")
public record CalendarProperties(String location, Boolean warnUncovered) {

    public boolean warnsUncovered() {
        return warnUncovered == null || warnUncovered;
    }
}
