package org.supervisionhub.domain.followup;

/** An enforcement case's id ({@code CASE-...}). */
public record CaseId(String value) {

    public CaseId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
