package org.supervisionhub.domain.restriction;

/** Which subjects a measure reaches from the listed enterprise X (restriction-propagation spec, "reach"). */
public enum Reach {
    SELF, BRANCHES, LEGAL_REPRESENTATIVE, KEY_PERSONNEL, CONTROLLING_SHAREHOLDERS, ENTERPRISES_OF_PERSON;

    /** Longest chain any measure may state; the check query's patterns are bounded by it. */
    public static final int MAX_HOPS = 3;

    /** Reaches that may chain over several relationships (maxHops > 1). */
    public boolean chains() {
        return this == BRANCHES || this == CONTROLLING_SHAREHOLDERS;
    }

    /** The persons ENTERPRISES_OF_PERSON may start from. */
    public boolean personReach() {
        return this == LEGAL_REPRESENTATIVE || this == KEY_PERSONNEL || this == CONTROLLING_SHAREHOLDERS;
    }

    /** Reaches whose shareholdings count, so a measure names its minimum share. */
    public boolean sharesCount() {
        return this == CONTROLLING_SHAREHOLDERS || this == ENTERPRISES_OF_PERSON;
    }
}
