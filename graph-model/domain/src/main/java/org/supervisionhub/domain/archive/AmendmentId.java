package org.supervisionhub.domain.archive;

/** An archive amendment's id ({@code ARCA-...}). */
public record AmendmentId(String value) {

    public AmendmentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
