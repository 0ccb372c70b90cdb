package org.supervisionhub.graph.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Value types of the follow-up of inspection results (FOLLOW-*, NONCOOP-*, PUB-06). */
public final class FollowUps {

    private FollowUps() {
    }

    public enum CaseStatus { OPEN, CLOSED }

    /** FOLLOW-10: a case ends in a penalty, in none, or in a transfer to another organ. */
    public enum CaseOutcome { PENALTY_IMPOSED, NO_PENALTY, TRANSFERRED }

    /** FOLLOW-06: a case opened (立案) on a result's suspected violation, by the department with jurisdiction (JUR-08). */
    public record EnforcementCase(String id, String resultId, String uscc, String departmentId, String caseNumber, LocalDate openedOn,
                                  String summary, CaseStatus status, LocalDate closedOn, CaseOutcome outcome, String closingNote,
                                  String openedBy, OffsetDateTime openedAt) {
    }

    /** PUB-06: the general procedure (一般程序), whose decisions SX publishes within 7 working days; or the simple one. */
    public enum PenaltyProcedure { GENERAL, SIMPLE }

    /** An administrative penalty decision of a case; {@code publishBy} where the jurisdiction sets a deadline (PUB-06). */
    public record PenaltyDecision(String id, String caseId, String uscc, String departmentId, String decisionNumber, LocalDate decidedOn,
                                  PenaltyProcedure procedure, String content, LocalDate publishBy, OffsetDateTime publishedAt,
                                  String publishedBy, String recordedBy, OffsetDateTime recordedAt,
                                  org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis deadlineBasis, Integer publishByWorkingDays) {
    }

    /** DOMAIN {@code ReferralDestination} (FOLLOW-07..09). */
    public enum ReferralDestination { HRSS_INTERNAL, OTHER_REGULATOR, JUDICIAL_ORGAN, PUBLIC_SECURITY }

    /**
     * A lead passed on (FOLLOW-07..09): inside the HR&SS system to a department in the graph ({@code recipientDepartment},
     * as a case source), or outside it to a named organ ({@code recipient}).
     */
    public record Referral(String id, String resultId, String uscc, String fromDepartment, ReferralDestination destination,
                           String recipientDepartment, String recipient, String reason, boolean suspectedCrime, LocalDate referredOn,
                           String referredBy, OffsetDateTime recordedAt) {
    }

    /** DOMAIN {@code NonCooperationCircumstance}: the circumstances of NONCOOP-01 (HN), NONCOOP-02 (LY) and NONCOOP-03 (QD). */
    public enum NonCooperationCircumstance {
        REFUSED_ENTRY,
        OBSTRUCTED_QUESTIONING,
        REFUSED_MATERIALS,
        DISGUISED_REFUSAL,
        LATE_MATERIALS,
        UNTRUTHFUL_MATERIALS,
        OTHER_OBSTRUCTION
    }

    /** Serious non-cooperation during an inspection, recorded with the evidence kept of it (NONCOOP-02). */
    public record NonCooperation(String id, String inspectionId, String uscc, String departmentId,
                                 List<NonCooperationCircumstance> circumstances, String description, LocalDate occurredOn,
                                 List<String> evidenceIds, String recordedBy, OffsetDateTime recordedAt) {
    }
}
