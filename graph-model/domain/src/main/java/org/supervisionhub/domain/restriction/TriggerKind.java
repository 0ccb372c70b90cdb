package org.supervisionhub.domain.restriction;

/** A credit listing (one of four lists) or an administrative penalty decision. */
public enum TriggerKind { CREDIT_LISTING, SANCTION }
