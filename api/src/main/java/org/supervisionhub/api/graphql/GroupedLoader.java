package org.supervisionhub.api.graphql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Batch loading for fields with arguments: keys that share the same arguments (the "shape") are
 * loaded with one query, so a page of N parents costs one query per distinct argument set, not N.
 */
public final class GroupedLoader {

    private GroupedLoader() {
    }

    public static <K, S, V> Map<K, V> load(Set<K> keys, Function<K, S> shapeOf, Function<K, String> ownerOf,
                                           BiFunction<S, List<String>, Map<String, V>> loader) {
        Map<S, List<K>> byShape = new LinkedHashMap<>();
        keys.forEach(k -> byShape.computeIfAbsent(shapeOf.apply(k), s -> new java.util.ArrayList<>()).add(k));
        Map<K, V> out = new HashMap<>();
        byShape.forEach((shape, group) -> {
            Map<String, V> loaded = loader.apply(shape, group.stream().map(ownerOf).distinct().toList());
            group.forEach(k -> {
                V v = loaded.get(ownerOf.apply(k));
                if (v != null) {
                    out.put(k, v);
                }
            });
        });
        return out;
    }
}
