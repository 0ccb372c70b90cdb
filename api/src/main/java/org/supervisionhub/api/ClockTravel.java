package org.supervisionhub.api;

import java.time.OffsetDateTime;

/**
 * A hub clock that can be run at another instant for a while. The demo replays its province's year through the same
 * services the API uses, each step on its own date (DemoDataLoader); the tests' clock sets its time the same way.
 */
public interface ClockTravel {

    /** Runs {@code body} with the clock reading {@code at} (and running on from there), then puts it back where it would have been. */
    void runAt(OffsetDateTime at, Runnable body);
}
