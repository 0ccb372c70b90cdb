package org.supervisionhub.graph.archive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.domain.archive.AmendmentId;
import org.supervisionhub.domain.archive.AmendmentStatus;
import org.supervisionhub.domain.archive.BorrowingId;
import org.supervisionhub.domain.archive.BorrowingStatus;
import org.supervisionhub.domain.archive.FileAmendment;
import org.supervisionhub.domain.archive.Loan;
import org.supervisionhub.domain.archive.ReturnCondition;

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

    /**
     * ARCH-05: a change to archived material: time, content, reason, handler (经办人) and approver (审定人). It may carry
     * a correction of the result ({@code resultField}, {@code resultValue}), applied on approval.
     */
    public record ArchiveAmendment(String id, String fileId, String content, String reason, String resultField, String resultValue,
                                   AmendmentStatus status, String handler, OffsetDateTime requestedAt, String approver,
                                   OffsetDateTime decidedAt, String decisionNote) {

        /** The amendment as the domain's aggregate, which decides it. */
        public FileAmendment lifecycle() {
            return new FileAmendment(new AmendmentId(id), handler, status, approver);
        }
    }

    /** A loan of an archived file (借阅): registered, consented twice, lent, and checked on return (ARCH-08, ARCH-09, ARCH-11). */
    public record Borrowing(String id, String fileId, String borrower, String borrowerDepartment, String purpose, LocalDate dueOn,
                            BorrowingStatus status, String requestedBy, OffsetDateTime requestedAt, String headConsentBy,
                            OffsetDateTime headConsentAt, String leaderConsentBy, OffsetDateTime leaderConsentAt, String refusedBy,
                            String refusalReason, LocalDate returnedOn, ReturnCondition condition, String returnNotes, String checkedBy) {

        /** The loan as the domain's aggregate, which decides its transitions. */
        public Loan lifecycle() {
            return new Loan(new BorrowingId(id), status, dueOn, headConsentBy, leaderConsentBy, returnedOn, condition);
        }
    }
}
