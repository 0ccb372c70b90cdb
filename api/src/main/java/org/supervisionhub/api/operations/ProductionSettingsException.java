package org.supervisionhub.api.operations;

import java.util.List;

/** The {@code prod} profile was started without what it needs, or with what it refuses; each problem names its setting. */
public class ProductionSettingsException extends IllegalStateException {

    private final List<String> problems;

    public ProductionSettingsException(List<String> problems) {
        super("The prod profile cannot start:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
