package org.supervisionhub.domain.sampling;

/** A sampling task's id: its plan's id, {@code -T} and its number in the plan. */
public record TaskId(String value) {

    public TaskId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a task id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
