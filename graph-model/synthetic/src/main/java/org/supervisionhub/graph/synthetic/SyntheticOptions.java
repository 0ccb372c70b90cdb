package org.supervisionhub.graph.synthetic;

/**
 * What to generate and how to load it.
 *
 * @param seed        every value is a pure function of this seed (and the enterprise count)
 * @param enterprises number of enterprises (target roster size)
 * @param batchSize   enterprises per write transaction
 * @param database    target database, or {@code null} for the server's default
 */
public record SyntheticOptions(long seed, int enterprises, int batchSize, String database) {

    public SyntheticOptions {
        if (enterprises < 0) {
            throw new IllegalArgumentException("enterprises must be >= 0");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1");
        }
    }

    /** The demo province: 20,000 enterprises from a fixed seed. */
    public static SyntheticOptions demo() {
        return new SyntheticOptions(20260101L, 20_000, 5_000, null);
    }
}
