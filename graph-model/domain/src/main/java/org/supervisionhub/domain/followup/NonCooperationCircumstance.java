package org.supervisionhub.domain.followup;

/** DOMAIN {@code NonCooperationCircumstance}: the circumstances of NONCOOP-01 (HN), NONCOOP-02 (LY) and NONCOOP-03 (QD). */
public enum NonCooperationCircumstance {
    REFUSED_ENTRY,
    OBSTRUCTED_QUESTIONING,
    REFUSED_MATERIALS,
    DISGUISED_REFUSAL,
    LATE_MATERIALS,
    UNTRUTHFUL_MATERIALS,
    OTHER_OBSTRUCTION
}
