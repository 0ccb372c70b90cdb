package org.supervisionhub.graph.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.supervisionhub.domain.inspection.Delegation;
import org.supervisionhub.domain.inspection.DepartmentId;
import org.supervisionhub.domain.inspection.InspectionResult;
import org.supervisionhub.domain.inspection.ObjectionId;
import org.supervisionhub.domain.inspection.ObjectionKind;
import org.supervisionhub.domain.inspection.ObjectionStatus;
import org.supervisionhub.domain.inspection.ResultObjection;
import org.supervisionhub.domain.inspection.ResultContent;
import org.supervisionhub.domain.inspection.ResultId;
import org.supervisionhub.domain.inspection.ResultCategory;
import org.supervisionhub.domain.inspection.ResultStatus;

/** Value types of inspection results. */
public final class Results {

    private Results() {
    }

    /**
     * One inspection's result. {@code inspectingDepartment} proposes (and reviews, when delegated); {@code approvingDepartment}
     * approves; {@code filedWith} is the superior an authorised result is filed with. {@code publishBy} is set at approval,
     * with {@code deadlineBasis}: provisional when the holiday data did not cover a year it spans.
     */
    public record Result(String id, String inspectionId, String uscc, String inspectingDepartment, String drawingDepartment,
                         Delegation delegation, ResultCategory category, String facts, LocalDate endedOn,
                         LocalDate rectificationDeadline, ResultStatus status, String proposedBy, OffsetDateTime proposedAt,
                         String reviewedBy, OffsetDateTime reviewedAt, String returnedBy, OffsetDateTime returnedAt,
                         String returnReason, String approvedBy, OffsetDateTime approvedAt,
                         String approvingDepartment, String filedWith, LocalDate publishBy, String publishedBy,
                         OffsetDateTime publishedAt, int amendments, LocalDate rectifiedOn, String rectificationNote,
                         LocalDate publicUntil, OffsetDateTime correctedAt, Feedback feedback,
                         org.supervisionhub.graph.calendar.Deadlines.DeadlineBasis deadlineBasis) {

        /** The result as the domain core's aggregate, which guards its transitions ({@code withheld}: PUB-11, stored apart). */
        public InspectionResult lifecycle(boolean withheld) {
            return new InspectionResult(new ResultId(id),
                    new DepartmentId(inspectingDepartment),
                    DepartmentId.of(drawingDepartment), delegation,
                    new ResultContent(category, facts, endedOn, rectificationDeadline), status, withheld,
                    feedback != null, rectifiedOn);
        }
    }

    /**
     * What a new result is created with (APPR-01: the inspecting department proposes); every other part of {@link Result}
     * comes later, each with the transition that sets it.
     */
    public record ProposedResult(String id, String inspectionId, String uscc, String inspectingDepartment, String drawingDepartment,
                           Delegation delegation, ResultContent content, String proposedBy, OffsetDateTime proposedAt) {
    }

    /** DOMAIN {@code FeedbackChannel} (PUB-09). */
    public enum FeedbackChannel { WRITTEN, IN_PERSON }

    /** PUB-09: how and when the result was fed back to the target, and by whom. */
    public record Feedback(FeedbackChannel channel, LocalDate givenOn, String note, String givenBy, OffsetDateTime recordedAt) {
    }

    /**
     * A re-examination (复查复核) of a published result: lodged by the target (recorded by the department) or opened by a
     * superior; decided by a leader of the approving department, or of the superior; an upheld one corrects the result by
     * amendments and republishes it.
     */
    public record Objection(String id, String resultId, ObjectionKind kind, String objector, String grounds, LocalDate receivedOn,
                            String reviewingDepartment, String lodgedBy, OffsetDateTime lodgedAt, ObjectionStatus status, String decision,
                            String decidedBy, OffsetDateTime decidedAt) {

        /** The re-examination as the domain's aggregate, which decides it (OBJ-01, OBJ-02, PUB-12). */
        public ResultObjection lifecycle() {
            return new ResultObjection(new ObjectionId(id), new ResultId(resultId), kind, status);
        }
    }

    /** A change to an approved result (ARCH-05 form): when, what (before and after), why, who handled and who approved. */
    public record Amendment(String resultId, int number, OffsetDateTime at, String field, String before, String after, String reason,
                            String handler, String approver) {
    }

    /** An active task past the end of its window with inspections not concluded by an approved result. */
    /** PUB-11: a published result withheld from the public as unsuitable for disclosure, by whom, when and why. */
    public record Withholding(String resultId, OffsetDateTime at, String actor, String departmentId, String reason) {
    }

    public record OverdueTask(String taskId, String title, String departmentId, LocalDate windowEnd, int openInspections) {
    }
}
