package org.supervisionhub.domain.archive;

/** A loan's id ({@code LOAN-...}). */
public record BorrowingId(String value) {

    public BorrowingId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
