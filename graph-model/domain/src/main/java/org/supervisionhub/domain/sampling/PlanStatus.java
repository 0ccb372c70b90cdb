package org.supervisionhub.domain.sampling;

/** A plan is drafted, filed with the next-higher department, published (PLAN-02); a department without a superior publishes its draft. */
public enum PlanStatus { DRAFT, FILED, PUBLISHED }
