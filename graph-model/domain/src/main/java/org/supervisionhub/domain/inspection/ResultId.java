package org.supervisionhub.domain.inspection;

/** An inspection result's id: one result per inspection, {@code RES-} and the inspection's id. */
public record ResultId(String value) {

    public ResultId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a result id is not blank");
        }
    }

    public static ResultId ofInspection(String inspectionId) {
        return new ResultId("RES-" + inspectionId);
    }

    @Override
    public String toString() {
        return value;
    }
}
