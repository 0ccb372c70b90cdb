package org.supervisionhub.domain.followup;

/** DOMAIN {@code ReferralDestination} (FOLLOW-07..09): inside the HR&SS system, or to another regulator, a judicial organ or public security. */
public enum ReferralDestination {
    HRSS_INTERNAL, OTHER_REGULATOR, JUDICIAL_ORGAN, PUBLIC_SECURITY;

    /** FOLLOW-07, FOLLOW-09: where a suspected crime may go. */
    public boolean takesCrimes() {
        return this == JUDICIAL_ORGAN || this == PUBLIC_SECURITY;
    }
}
