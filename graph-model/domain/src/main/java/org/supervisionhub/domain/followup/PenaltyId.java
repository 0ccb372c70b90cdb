package org.supervisionhub.domain.followup;

/** A penalty decision's id ({@code PEN-...}). */
public record PenaltyId(String value) {

    public PenaltyId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
