package org.supervisionhub.domain.inspection;

/** PROPOSED by the team, REVIEWED (delegated only), APPROVED, PUBLISHED; RETURNED to the team to propose again. */
public enum ResultStatus {
    PROPOSED, RETURNED, REVIEWED, APPROVED, PUBLISHED;

    /** APPR-04: approved (and perhaps published): it changes only by amendment from here on. */
    public boolean approved() {
        return this == APPROVED || this == PUBLISHED;
    }
}
