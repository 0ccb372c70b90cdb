package org.supervisionhub.graph.synthetic;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Seeded randomness. Every entity gets its own generator derived from (seed, stream, index), so a
 * value never depends on generation order, batch size or threads, only on the seed.
 */
final class Draw {

    /** All dates are placed relative to this fixed day; nothing reads the wall clock. */
    static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);

    private Draw() {
    }

    static SplittableRandom rng(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + stream * 0x9E3779B97F4A7C15L + index));
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Index drawn with the given integer weights. */
    static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A day in [from, to), or {@code from} when the range is empty. */
    static LocalDate day(SplittableRandom r, LocalDate from, LocalDate toExclusive) {
        long span = toExclusive.toEpochDay() - from.toEpochDay();
        return span <= 0 ? from : from.plusDays(r.nextLong(span));
    }

    /** An instant on that day during Beijing office hours (09:00-18:00 +08:00), in UTC. */
    static OffsetDateTime officeHours(SplittableRandom r, LocalDate day) {
        LocalTime t = LocalTime.of(1 + r.nextInt(9), r.nextInt(60), r.nextInt(60));
        return OffsetDateTime.of(day, t, ZoneOffset.UTC);
    }

    static OffsetDateTime utc(int year, int month, int day, int hour) {
        return OffsetDateTime.of(year, month, day, hour, 0, 0, 0, ZoneOffset.UTC);
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
