package org.supervisionhub.domain.restriction;

/** BAR (禁入) and RESTRICT (限制) restrict; ALERT is shown to the approver as an associated risk. */
public enum Effect { BAR, RESTRICT, ALERT }
