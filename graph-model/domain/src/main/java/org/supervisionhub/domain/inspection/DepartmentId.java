package org.supervisionhub.domain.inspection;

/** A department's id, such as {@code HRSS-430100}. */
public record DepartmentId(String value) {

    public DepartmentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a department id is not blank");
        }
    }

    public static DepartmentId of(String value) {
        return value == null ? null : new DepartmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
