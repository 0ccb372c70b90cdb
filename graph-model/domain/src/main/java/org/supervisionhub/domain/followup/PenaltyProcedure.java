package org.supervisionhub.domain.followup;

/** PUB-06: the general procedure (一般程序), whose decisions SX publishes within 7 working days; or the simple one. */
public enum PenaltyProcedure { GENERAL, SIMPLE }
