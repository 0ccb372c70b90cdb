package org.supervisionhub.domain.sampling;

/** DRAW-14, DRAW-15: the department draws for itself, or a superior draws and dispatches to a lower level. */
public enum DrawOrigin { SELF, SUPERIOR_UNIFIED }
