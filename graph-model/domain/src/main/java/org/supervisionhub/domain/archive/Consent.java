package org.supervisionhub.domain.archive;

/** ARCH-09: the two consents a loan needs. */
public enum Consent { DEPARTMENT_HEAD, LEADER_IN_CHARGE }
