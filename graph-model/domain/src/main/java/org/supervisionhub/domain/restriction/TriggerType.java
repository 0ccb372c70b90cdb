package org.supervisionhub.domain.restriction;

/** What activates a measure: a listing on one of the lists (FOLLOW-04, FOLLOW-05, other systems' lists) or a penalty decision. */
public enum TriggerType {
    ABNORMAL_OPERATION_LIST(TriggerKind.CREDIT_LISTING),
    SERIOUS_VIOLATION_LIST(TriggerKind.CREDIT_LISTING),
    MAJOR_TAX_VIOLATION_LIST(TriggerKind.CREDIT_LISTING),
    DISHONEST_JUDGMENT_DEBTOR_LIST(TriggerKind.CREDIT_LISTING),
    ADMINISTRATIVE_PENALTY(TriggerKind.SANCTION),
    /** A "major violation record" decision: a large fine, suspension, revocation of a licence or business licence. */
    MAJOR_ADMINISTRATIVE_PENALTY(TriggerKind.SANCTION);

    private final TriggerKind kind;

    TriggerType(TriggerKind kind) {
        this.kind = kind;
    }

    public TriggerKind kind() {
        return kind;
    }
}
