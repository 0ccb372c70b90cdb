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

    /**
     * The page after {@code after} (a cursor made by this method) of a list already sorted by
     * {@code sortKey} ascending; each row's cursor is its sort key. For short per-parent lists
     * loaded whole, where paging in Java costs less than a query per parent.
     */
    public static <T> Page<T> after(List<T> sorted, Function<T, String> sortKey, String after, int first) {
        String afterKey = after == null ? null : Cursor.decode(after, 1).key(0);
        List<T> rows = sorted.stream().filter(t -> afterKey == null || sortKey.apply(t).compareTo(afterKey) > 0)
                .limit(first + 1L).toList();
        return of(rows, first, t -> Cursor.encode(sortKey.apply(t)));
    }

    /** A sort-key part that orders later instants first: fixed width, so strings compare like the instants. */
    public static String newestFirst(java.time.temporal.TemporalAccessor instant) {
        long epochMilli = java.time.Instant.from(instant).toEpochMilli();
        return String.format("%019d", Long.MAX_VALUE - epochMilli);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, t -> "");
    }
}
