package org.supervisionhub.graph.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.neo4j.driver.Value;

/** Null-tolerant conversions from driver values to Java types. */
public final class Values {

    private Values() {
    }

    public static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    public static LocalDate date(Value v) {
        return v == null || v.isNull() ? null : v.asLocalDate();
    }

    public static OffsetDateTime dateTime(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public static Integer integer(Value v) {
        return v == null || v.isNull() ? null : v.asInt();
    }

    public static Double dbl(Value v) {
        return v == null || v.isNull() ? null : v.asDouble();
    }

    public static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
