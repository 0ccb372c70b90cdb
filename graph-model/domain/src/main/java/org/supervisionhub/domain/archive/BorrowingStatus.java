package org.supervisionhub.domain.archive;

/** A loan is REQUESTED (registered), LENT after both consents, or REFUSED; a lent file is RETURNED (ARCH-09, ARCH-11). */
public enum BorrowingStatus { REQUESTED, LENT, REFUSED, RETURNED }
