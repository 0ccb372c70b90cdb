package org.supervisionhub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What the domain's tests read of an outcome: the value it decided, or its refusals as {@code KIND subject RULE}. */
public final class Outcomes {

    private Outcomes() {
    }

    public static <T> T done(Outcome<T> o) {
        assertThat(o.violations()).as("refused").isEmpty();
        return ((Outcome.Done<T>) o).value();
    }

    public static List<String> refusals(Outcome<?> o) {
        return refusals(o.violations());
    }

    public static List<String> refusals(List<Violation> vs) {
        return vs.stream().map(v -> v.kind() + " " + v.subject() + " " + v.rule()).toList();
    }
}
