package org.supervisionhub.domain.directory;

/** The time-bounded links of the directory (restriction-propagation spec, "Facts"), each with the relationship the graph names it by. */
public enum LinkType {
    LEGAL_REPRESENTATIVE("LEGAL_REPRESENTATIVE_OF"),
    OFFICER("OFFICER_OF"),
    SHAREHOLDER("SHAREHOLDER_OF"),
    BRANCH("BRANCH_OF");

    private final String relationship;

    LinkType(String relationship) {
        this.relationship = relationship;
    }

    public String relationship() {
        return relationship;
    }

    public static LinkType ofRelationship(String rel) {
        for (LinkType t : values()) {
            if (t.relationship.equals(rel)) {
                return t;
            }
        }
        throw new IllegalArgumentException(rel);
    }
}
