package org.supervisionhub.domain.sampling;

/** A drawn inspection is active until it is replaced from the reserve (DRAW-02) or deferred; only active ones count towards caps and get inspectors. */
public enum InspectionStatus { ACTIVE, REPLACED, DEFERRED }
