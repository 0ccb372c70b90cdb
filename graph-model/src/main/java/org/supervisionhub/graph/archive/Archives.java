package org.supervisionhub.graph.archive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Value types of the inspection archive (ARCH-*). */
public final class Archives {

    private Archives() {
    }

    /**
     * An inspection's archived file: the materials it holds ({@code KIND id}: result, record, notice, evidence, follow-up),
     * kept until {@code retainUntil} (ARCH-03) and changed only by approved amendments (ARCH-05).
     */
    public record ArchiveFile(String id, String inspectionId, String uscc, String departmentId, LocalDate archivedOn, LocalDate retainUntil,
                              List<String> contents, String archivedBy, OffsetDateTime archivedAt) {
    }

    public enum AmendmentStatus { PENDING, APPROVED, REJECTED }

    /**
     * ARCH-05: a change to archived material: time, content, reason, handler (经办人) and approver (审定人). It may carry
     * a correction of the result ({@code resultField}, {@code resultValue}), applied on approval.
     */
    public record ArchiveAmendment(String id, String fileId, String content, String reason, String resultField, String resultValue,
                                   AmendmentStatus status, String handler, OffsetDateTime requestedAt, String approver,
                                   OffsetDateTime decidedAt, String decisionNote) {
    }

    public enum BorrowingStatus { REQUESTED, LENT, REFUSED, RETURNED }

    /** ARCH-09: the two consents a loan needs. */
    public enum Consent { DEPARTMENT_HEAD, LEADER_IN_CHARGE }

    /** ARCH-11: the file's state when it comes back. */
    public enum ReturnCondition { INTACT, UNSEALED, ITEMS_MISSING, DAMAGED }

    /** A loan of an archived file (借阅): registered, consented twice, lent, and checked on return (ARCH-08, ARCH-09, ARCH-11). */
    public record Borrowing(String id, String fileId, String borrower, String borrowerDepartment, String purpose, LocalDate dueOn,
                            BorrowingStatus status, String requestedBy, OffsetDateTime requestedAt, String headConsentBy,
                            OffsetDateTime headConsentAt, String leaderConsentBy, OffsetDateTime leaderConsentAt, String refusedBy,
                            String refusalReason, LocalDate returnedOn, ReturnCondition condition, String returnNotes, String checkedBy) {
    }
}
