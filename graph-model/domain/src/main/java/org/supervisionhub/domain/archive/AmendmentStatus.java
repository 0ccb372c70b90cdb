package org.supervisionhub.domain.archive;

/** ARCH-05: an amendment waits for its approver, who approves or rejects it, once. */
public enum AmendmentStatus { PENDING, APPROVED, REJECTED }
