package org.supervisionhub.domain.sampling;

/** A task draws for regular or for triggered inspections and takes items of checklists of the same kind (CHK-09, TRIG-01). */
public enum TaskKind { REGULAR, TRIGGERED }
