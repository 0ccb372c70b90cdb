package org.supervisionhub.domain.archive;

/** ARCH-11: the file's state when it comes back. */
public enum ReturnCondition { INTACT, UNSEALED, ITEMS_MISSING, DAMAGED }
