package org.supervisionhub.graph.sampling;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.supervisionhub.domain.sampling.DrawId;
import org.supervisionhub.domain.sampling.DrawStatus;
import org.supervisionhub.domain.sampling.InspectionAssignment;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.domain.sampling.PlanId;
import org.supervisionhub.domain.sampling.PlanStatus;
import org.supervisionhub.domain.sampling.SamplingDraw;
import org.supervisionhub.domain.sampling.SamplingPlan;
import org.supervisionhub.domain.sampling.SamplingTask;
import org.supervisionhub.domain.sampling.TaskData;
import org.supervisionhub.domain.sampling.TaskData.RosterScope;
import org.supervisionhub.domain.sampling.TaskId;

/**
 * Value types of plans, tasks, triggers and draws as stored and read. Ratios are exact decimals kept as strings; a task's
 * data, the statuses and their rules are the domain core's ({@code org.supervisionhub.domain.sampling}).
 */
public final class Sampling {

    private Sampling() {
    }

    public record Plan(String id, String departmentId, int year, String title, PlanStatus status, LocalDate filingDeadline,
                       String filedWith, OffsetDateTime createdAt, OffsetDateTime filedAt, OffsetDateTime publishedAt,
                       int revision) {
        /** The plan as the domain decides on it; {@code superiorId}: its department's superior, null at the top. */
        public SamplingPlan aggregate(String superiorId) {
            return new SamplingPlan(new PlanId(id), departmentId, year, status, superiorId);
        }
    }

    /** A change to a plan after it was filed or published, recorded as such (PLAN-09, PLAN-13). */
    public record Adjustment(String id, String planId, int revision, OffsetDateTime at, String actor, String reason,
                             String change) {
    }

    public record Task(String id, String planId, String departmentId, int year, TaskData data, String status,
                       String mergedInto, OffsetDateTime createdAt) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** The task as the domain decides on it; {@code drawn}: a draw of it is committed. */
        public SamplingTask aggregate(boolean drawn) {
            return new SamplingTask(new TaskId(id), new PlanId(planId), data, active(), mergedInto, drawn);
        }
    }

    public record Trigger(String id, String type, String uscc, String departmentId, LocalDate occurredOn,
                          String description, String sourceRef, OffsetDateTime recordedAt) {
    }

    /**
     * One stratum of a draw. {@code opaqueLabel} ({@code S1}, {@code S2}, ...) and {@code digest} (hex SHA-256 of its
     * members' USCC lines) are what the public sees of a confidential stratification (vdraw-1 Amendment 1); both are
     * null on a draw read before they were assigned.
     */
    public record DrawStratum(String label, int size, String ratio, int selectedCount, String opaqueLabel, String digest) {
    }

    public record Draw(String id, String taskId, String departmentId, int year, int batchNo, String algorithm,
                       DrawStatus status, OffsetDateTime committedAt, String commitment, String poolDigest, int poolSize,
                       List<DrawStratum> strata, OffsetDateTime executedAt, String entropy, String seed,
                       String secret) {
        public boolean executed() {
            return status == DrawStatus.EXECUTED;
        }

        /** The draw as the domain decides on it. */
        public SamplingDraw aggregate() {
            return new SamplingDraw(new DrawId(id), new TaskId(taskId), status, strata.stream().map(s -> new SamplingDraw.Stratum(s.label(),
                    s.size(), new java.math.BigDecimal(s.ratio()), s.selectedCount())).toList(), entropy);
        }
    }

    /**
     * One selected target. {@code drawOrder} is its position within its stratum (step 10); {@code rank}
     * the hex rank key (step 9) that orders inspector assignment (step 14).
     */
    public record Inspection(String id, String drawId, String taskId, String uscc, String stratum, int drawOrder,
                             String rank, InspectionStatus status, String drawnBy, String inspectedBy,
                             List<String> itemCodes, LocalDate plannedOn, boolean flagged, String assignmentMode,
                             String replacedReason, String replacementOf, String deferredTo, String jointOf) {
        /** A participant's part of a joint inspection (PLAN-15); the lead's inspection is the one the draw selected. */
        public boolean part() {
            return jointOf != null;
        }

        /** The inspection's inspectors as the domain decides on them (ASSIGN-01/02/03/04/08). */
        public InspectionAssignment assignment(List<AssignmentRepository.Assignee> assignees) {
            return new InspectionAssignment(id, status, plannedOn, flagged, assignees.stream()
                    .map(a -> new InspectionAssignment.Assignee(a.inspectorId(), a.dropped())).toList());
        }
    }

    public enum ParticipationStatus { INVITED, CONFIRMED, DECLINED }

    /**
     * A department invited to a joint task (PLAN-15, ASSIGN-13): its answer and, once confirmed, the items of its own
     * checklists it inspects, the units whose inspectors it draws and how many it sends to each inspection.
     */
    public record Participation(String id, String taskId, String departmentId, ParticipationStatus status, List<String> itemIds,
                                RosterScope rosterScope, Integer inspectorCount, OffsetDateTime invitedAt, String invitedBy,
                                OffsetDateTime answeredAt, String answeredBy, String declineReason) {
        public boolean confirmed() {
            return status == ParticipationStatus.CONFIRMED;
        }
    }

    public record Replacement(String drawId, String replaced, String replacement, String stratum, String reason,
                              OffsetDateTime at, String actor) {
    }

    /** Inspectors of one inspection in assignment order, and every inspector considered and skipped. */
    public record Assignment(String inspectionId, String uscc, int processingOrder, int required, int workloadCap,
                             List<String> eligible, List<String> assigned, List<Skip> skipped, boolean flagged,
                             String mode, String inspectedBy) {
    }

    public record Skip(String inspector, String reason) {
    }

    public record Substitution(String inspectionId, String uscc, String dropped, String substitute, String reason,
                               OffsetDateTime at, String actor) {
    }

    /** Under DRAW-13 a superior's inspection of the same enterprise and items went to the lower level. */
    public record Deferral(String superiorInspectionId, String lowerInspectionId, String uscc, List<String> itemCodes,
                           OffsetDateTime at) {
    }
}
