package org.supervisionhub.api.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Helpers for {@code @BatchMapping} methods: collect keys of the sources, pair results back. */
public final class Batches {

    private Batches() {
    }

    /** Distinct non-null keys of the sources. */
    public static <S> List<String> keys(List<S> sources, Function<S, String> key) {
        return sources.stream().map(key).filter(Objects::nonNull).distinct().toList();
    }

    /** Pairs each source with the loaded value of its key; sources without one get a null field. */
    public static <S, V> Map<S, V> byKey(List<S> sources, Function<S, String> key, Map<String, V> loaded) {
        Map<S, V> out = new LinkedHashMap<>();
        for (S s : sources) {
            String k = key.apply(s);
            if (k != null && loaded.containsKey(k)) {
                out.put(s, loaded.get(k));
            }
        }
        return out;
    }

    /** Pairs each source with its loaded list, empty when nothing was loaded for it. */
    public static <S, V> Map<S, List<V>> grouped(List<S> sources, Function<S, String> key, Map<String, List<V>> loaded) {
        Map<S, List<V>> out = new LinkedHashMap<>();
        for (S s : sources) {
            out.put(s, loaded.getOrDefault(key.apply(s), List.of()));
        }
        return out;
    }
}
