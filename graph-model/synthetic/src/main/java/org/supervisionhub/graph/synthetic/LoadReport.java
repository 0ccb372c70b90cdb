package org.supervisionhub.graph.synthetic;

import java.time.Duration;

/** Outcome of a load: what was created (from the server's update counters) and how long it took. */
public record LoadReport(long enterprises, long persons, long nodes, long relationships, Duration elapsed) {

    public double enterprisesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : enterprises / seconds;
    }
}
