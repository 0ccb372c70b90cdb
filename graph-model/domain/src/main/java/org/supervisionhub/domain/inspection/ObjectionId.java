package org.supervisionhub.domain.inspection;

/** A re-examination's id, such as {@code OBJ-...}. */
public record ObjectionId(String value) {

    public ObjectionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an objection id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
