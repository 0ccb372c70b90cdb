package org.supervisionhub.domain.inspection;

/** RESULT-01: the eight result categories, in the order of HN art. 16(10). */
public enum ResultCategory {
    NO_PROBLEM_FOUND,
    REQUIRED_INFO_NOT_DISCLOSED,
    DISCLOSED_INFO_FALSIFIED,
    UNREACHABLE_AT_REGISTERED_ADDRESS,
    PROBLEM_FOUND_RECTIFICATION_ORDERED,
    SERIOUS_NON_COOPERATION,
    NO_RELEVANT_BUSINESS_ACTIVITY,
    PROBLEM_FOUND_PENDING_FOLLOW_UP;

    /** FOLLOW-04: nothing was found, so there is nothing to list the enterprise for. */
    public boolean foundNothing() {
        return this == NO_PROBLEM_FOUND || this == NO_RELEVANT_BUSINESS_ACTIVITY;
    }
}
