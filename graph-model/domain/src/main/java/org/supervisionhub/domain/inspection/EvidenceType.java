package org.supervisionhub.domain.inspection;

/** EVID-02: the six evidence types. */
public enum EvidenceType {
    DOCUMENTARY, PHYSICAL, AUDIOVISUAL_ELECTRONIC, THIRD_PARTY_CERTIFICATION, STATEMENT, OTHER;

    /** EVID-05: a documentary copy carries the target's seal, a third-party certification its seal or signature. */
    public boolean mustBeSealed() {
        return this == DOCUMENTARY || this == THIRD_PARTY_CERTIFICATION;
    }
}
