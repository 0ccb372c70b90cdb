package org.supervisionhub.domain.sampling;

/** A draw is committed (its pool frozen, its commitment public) and then executed, once (vdraw-1, DRAW-01). */
public enum DrawStatus { COMMITTED, EXECUTED }
