package org.supervisionhub.graph.store;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code cursorOf} gives each row's cursor. */
public record Page<T>(List<T> items, boolean hasNext, Function<T, String> cursorOf) {

    /** Builds a page from rows fetched with {@code LIMIT first + 1}. */
    public static <T> Page<T> of(List<T> rows, int first, Function<T, String> cursorOf) {
        boolean more = rows.size() > first;
        return new Page<>(more ? List.copyOf(rows.subList(0, first)) : List.copyOf(rows), more, cursorOf);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, t -> "");
    }
}
