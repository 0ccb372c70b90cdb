package org.supervisionhub.api.graphql;

import java.util.List;

import org.supervisionhub.graph.store.Page;

/** A Relay connection built from one keyset page. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static <T> Connection<T> of(Page<T> page, boolean hasPrevious, Integer totalCount) {
        List<Edge<T>> edges = page.items().stream().map(t -> new Edge<>(page.cursorOf().apply(t), t)).toList();
        PageInfo info = new PageInfo(page.hasNext(), hasPrevious,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }

    public static <T> Connection<T> of(Page<T> page, String after) {
        return of(page, after != null, null);
    }
}
