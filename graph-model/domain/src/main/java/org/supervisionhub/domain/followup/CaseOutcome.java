package org.supervisionhub.domain.followup;

/** FOLLOW-10: a case ends in a penalty, in none, or in a transfer to another organ. */
public enum CaseOutcome { PENALTY_IMPOSED, NO_PENALTY, TRANSFERRED }
