package org.supervisionhub.api.publicsite;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How every public answer writes a time: ISO-8601 in Beijing time to the second ({@code 2026-06-01T10:00:00+08:00}),
 * never with fractions of a second; the site's pages show its first 16 characters ({@code 2026-06-01 10:00}).
 */
public final class PublicTime {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private PublicTime() {
    }

    public static String format(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(BEIJING).truncatedTo(ChronoUnit.SECONDS).format(FORMAT);
    }
}
