package org.supervisionhub.domain.inspection;

/** A re-examination is UNDER_REVIEW until it is decided, once: UPHELD (the result is corrected) or DISMISSED (OBJ-01, PUB-12). */
public enum ObjectionStatus { UNDER_REVIEW, UPHELD, DISMISSED }
