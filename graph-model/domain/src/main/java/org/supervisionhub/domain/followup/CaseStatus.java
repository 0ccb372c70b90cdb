package org.supervisionhub.domain.followup;

/** A case is OPEN until it is closed, once (FOLLOW-06, FOLLOW-10). */
public enum CaseStatus { OPEN, CLOSED }
