package org.supervisionhub.domain.sampling;

/** DRAW-05: an undirected draw samples the whole roster; a directed one only the enterprises meeting its criteria. */
public enum DrawMode { UNDIRECTED, DIRECTED }
