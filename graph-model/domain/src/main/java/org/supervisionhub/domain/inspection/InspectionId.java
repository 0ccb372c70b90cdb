package org.supervisionhub.domain.inspection;

/** An inspection's id, such as {@code INS-...}: the one a notice, record, result and archive file are named after. */
public record InspectionId(String value) {

    public InspectionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an inspection id is not blank");
        }
    }

    public static InspectionId of(String value) {
        return value == null ? null : new InspectionId(value);
    }

    /** The id of its result (one per inspection). */
    public ResultId result() {
        return ResultId.ofInspection(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
