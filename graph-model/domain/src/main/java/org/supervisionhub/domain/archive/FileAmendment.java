package org.supervisionhub.domain.archive;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * ARCH-05: a change to archived material, asked for by its handler (经办人) and decided once, by an approver (审定人) who is
 * another person: PENDING → APPROVED or REJECTED. Violations name the subjects {@code id} and {@code note}.
 */
public record FileAmendment(AmendmentId id, String handler, AmendmentStatus status, String approver) {

    public FileAmendment {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(handler, "handler");
        java.util.Objects.requireNonNull(status, "status");
    }

    /** ARCH-05: the handler asks; it waits for the approver. */
    public static FileAmendment request(AmendmentId id, String handler) {
        return new FileAmendment(id, handler, AmendmentStatus.PENDING, null);
    }

    /** ARCH-05: decided once, by someone other than the handler; a rejection says why ({@code note}, null or blank: none). */
    public Outcome<FileAmendment> decide(boolean approve, String by, String note) {
        if (status != AmendmentStatus.PENDING) {
            return Outcome.refused(Violation.illegalTransition("id", "already " + status, "ARCH-05"));
        }
        if (handler.equals(by)) {
            return Outcome.refused(new Violation(Kind.SAME_PERSON, "id", "the approver (审定人) is not the handler (经办人) " + handler, "ARCH-05"));
        }
        if (!approve && (note == null || note.isBlank())) {
            return Outcome.refused(new Violation(Kind.REQUIRED, "note", "why it is rejected", null));
        }
        return Outcome.done(new FileAmendment(id, handler, approve ? AmendmentStatus.APPROVED : AmendmentStatus.REJECTED, by));
    }
}
