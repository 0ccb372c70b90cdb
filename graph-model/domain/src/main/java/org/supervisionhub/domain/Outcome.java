package org.supervisionhub.domain;

import java.util.List;
import java.util.function.Function;

/** What a domain operation returns: the new state, or the violations that refuse the change (never both, never neither). */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
        public Done {
            java.util.Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(List<Violation> violations) implements Outcome<T> {
        public Refused {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one violation");
            }
            violations = List.copyOf(violations);
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Violation first, Violation... more) {
        List<Violation> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return new Refused<>(all);
    }

    /** The new state; a refusal is turned into the caller's exception (an adapter maps violations to its own errors). */
    default T orElseThrow(Function<List<Violation>, ? extends RuntimeException> refusal) {
        if (this instanceof Done<T> d) {
            return d.value();
        }
        throw refusal.apply(((Refused<T>) this).violations());
    }

    default List<Violation> violations() {
        return this instanceof Refused<T> r ? r.violations() : List.of();
    }
}
