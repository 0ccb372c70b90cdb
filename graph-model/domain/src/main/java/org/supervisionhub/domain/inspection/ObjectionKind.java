package org.supervisionhub.domain.inspection;

/** OBJ-01: the target's objection to a publication; OBJ-02: a superior's own re-examination. */
public enum ObjectionKind { TARGET_OBJECTION, SUPERIOR_REVIEW }
