package org.supervisionhub.connectors.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** How the simulated systems page their feeds: items numbered 1..total, an opaque-looking cursor after the last one served. */
final class Feeds {

    /** One page: its items, the cursor after them, and whether more follow. */
    record Slice<T>(List<T> items, String nextCursor, boolean hasMore) {
    }

    private Feeds() {
    }

    /** Items {@code after}+1 .. at most {@code limit} (1–1000, default 500) of a feed of {@code total}. */
    static <T> Slice<T> slice(String after, Integer limit, long total, LongFunction<T> item) {
        long from = cursor(after);
        int n = limit == null ? 500 : Math.max(1, Math.min(1000, limit));
        List<T> items = new ArrayList<>();
        for (long seq = from + 1; seq <= Math.min(total, from + n); seq++) {
            items.add(item.apply(seq));
        }
        long last = from + items.size();
        return new Slice<>(items, "s" + last, last < total);
    }

    /** The position a cursor of these systems stands for; 400 for one they did not issue. */
    static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            if (after.charAt(0) == 's') {
                return Long.parseLong(after.substring(1));
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a cursor of this system: " + after);
    }
}
