package org.supervisionhub.graph.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.domain.followup.Case;
import org.supervisionhub.domain.followup.CaseId;
import org.supervisionhub.domain.followup.CaseOutcome;
import org.supervisionhub.domain.followup.CaseStatus;
import org.supervisionhub.domain.followup.NonCooperationCircumstance;
import org.supervisionhub.domain.followup.Penalty;
import org.supervisionhub.domain.followup.PenaltyId;
import org.supervisionhub.domain.followup.PenaltyProcedure;
import org.supervisionhub.domain.followup.ReferralDestination;
import org.supervisionhub.domain.inspection.DepartmentId;

/** Value types of the follow-up of inspection results (FOLLOW-*, NONCOOP-*, PUB-06). */
public final class FollowUps {

    private FollowUps() {
    }

    /** FOLLOW-06: a case opened (立案) on a result's suspected violation, by the department with jurisdiction (JUR-08). */
    public record EnforcementCase(String id, String resultId, String uscc, String departmentId, String caseNumber, LocalDate openedOn,
                                  String summary, CaseStatus status, LocalDate closedOn, CaseOutcome outcome, String closingNote,
                                  String openedBy, OffsetDateTime openedAt) {

        /** The case as the domain's aggregate, which decides its transitions. */
        public Case lifecycle() {
            return new Case(new CaseId(id), new DepartmentId(departmentId), openedOn, status, closedOn, outcome);
        }
    }

    /** An administrative penalty decision of a case; {@code publishBy} where the jurisdiction sets a deadline (PUB-06). */
    public record PenaltyDecision(String id, String caseId, String uscc, String departmentId, String decisionNumber, LocalDate decidedOn,
                                  PenaltyProcedure procedure, String content, LocalDate publishBy, OffsetDateTime publishedAt,
                                  String publishedBy, String recordedBy, OffsetDateTime recordedAt,
                                  org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis deadlineBasis, Integer publishByWorkingDays) {

        /** The decision as the domain's aggregate. */
        public Penalty lifecycle() {
            return new Penalty(new PenaltyId(id), new CaseId(caseId), procedure, publishedAt);
        }
    }

    /**
     * A lead passed on (FOLLOW-07..09): inside the HR&SS system to a department in the graph ({@code recipientDepartment},
     * as a case source), or outside it to a named organ ({@code recipient}).
     */
    public record Referral(String id, String resultId, String uscc, String fromDepartment, ReferralDestination destination,
                           String recipientDepartment, String recipient, String reason, boolean suspectedCrime, LocalDate referredOn,
                           String referredBy, OffsetDateTime recordedAt) {
    }

    /** Serious non-cooperation during an inspection, recorded with the evidence kept of it (NONCOOP-02). */
    public record NonCooperation(String id, String inspectionId, String uscc, String departmentId,
                                 List<NonCooperationCircumstance> circumstances, String description, LocalDate occurredOn,
                                 List<String> evidenceIds, String recordedBy, OffsetDateTime recordedAt) {
    }
}
