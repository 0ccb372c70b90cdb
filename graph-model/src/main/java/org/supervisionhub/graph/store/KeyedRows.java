package org.supervisionhub.graph.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;


/**
 * Runs one batched query whose rows carry a {@code row} map (and a {@code key} for grouped
 * results) and indexes the mapped rows by key: the shape every batch loader needs.
 */
public final class KeyedRows {

    private KeyedRows() {
    }

    /**
     * Loads a page whose keys a first query found in order. Paging is two statements on purpose:
     * Neo4j 5.26 intermittently fails to plan ("... should not appear non-cached") a projection with
     * pattern comprehensions after an index-ordered range seek, while a key-only page and a load by
     * keys always plan.
     */
    public static <T> java.util.List<T> inOrder(java.util.Collection<String> keys,
                                                Function<java.util.Collection<String>, Map<String, T>> load) {
        if (keys.isEmpty()) {
            return java.util.List.of();
        }
        Map<String, T> loaded = load.apply(keys);
        return keys.stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
    }

    public static <T> Map<String, T> unique(Neo4jClient client, String cypher, Map<String, Object> params,
                                            Function<MapAccessor, T> mapper, Function<T, String> keyOf) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : client.query(cypher).bindAll(params).fetchAs(Object.class)
                .mappedBy((types, r) -> mapper.apply(r.get("row"))).all()
                .stream().map(o -> (T) o).toList()) {
            out.put(keyOf.apply(t), t);
        }
        return out;
    }

    /** Groups by the row's {@code key} column, keeping query order inside each group. */
    public static <T> Map<String, List<T>> grouped(Neo4jClient client, String cypher, Map<String, Object> params,
                                                   Function<MapAccessor, T> mapper) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        client.query(cypher).bindAll(params).fetchAs(Object[].class)
                .mappedBy((types, r) -> new Object[] {r.get("key").asString(), mapper.apply(r.get("row"))})
                .all().forEach(pair -> out.computeIfAbsent((String) pair[0], k -> new ArrayList<>()).add((T) pair[1]));
        return out;
    }

    /** Like {@link #grouped} but with a key function instead of a key column. */
    public static <T> Map<String, List<T>> grouped(Neo4jClient client, String cypher, Map<String, Object> params,
                                                   Function<MapAccessor, T> mapper, Function<T, String> keyOf) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        client.query(cypher).bindAll(params).fetchAs(Object.class).mappedBy((types, r) -> mapper.apply(r.get("row")))
                .all().forEach(o -> out.computeIfAbsent(keyOf.apply((T) o), k -> new ArrayList<>()).add((T) o));
        return out;
    }
}
