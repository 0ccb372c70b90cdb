package org.supervisionhub.domain.sampling;

/** A sampling plan's id: {@code PLAN-}, the department's id and the year (one plan per department and year, PLAN-01). */
public record PlanId(String value) {

    public PlanId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a plan id is not blank");
        }
    }

    public static PlanId of(String departmentId, int year) {
        return new PlanId("PLAN-" + departmentId + "-" + year);
    }

    @Override
    public String toString() {
        return value;
    }
}
