package org.supervisionhub.api.inspection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository.Assignee;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.JointRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Participation;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * A joint inspection (PLAN-15, GEN-15) is one visit: the lead's inspection carries the one notice, listing every
 * participant's items, and the one on-site record, covering them, made by the union of the teams; each participant's
 * part carries its own result (谁检查、谁负责). A single department's inspection is its own visit.
 */
@Component
public class JointInspections {

    private final JointRepository joint;
    private final DrawRepository draws;
    private final AssignmentRepository assignments;

    public JointInspections(JointRepository joint, DrawRepository draws, AssignmentRepository assignments) {
        this.joint = joint;
        this.draws = draws;
        this.assignments = assignments;
    }

    /** The notice and the record are the joint visit's, made on the lead's inspection, never on a part. */
    void requireVisit(Inspection inspection, String field, String rule) {
        if (inspection.part()) {
            throw InvalidInputException.of(field, ErrorCode.ILLEGAL_TRANSITION, inspection.id() + " is " + inspection.inspectedBy()
                    + "'s part of the joint inspection " + inspection.jointOf() + ": its notice and on-site record are the joint"
                    + " inspection's, made there (" + rule + ")", "GEN-15");
        }
    }

    /** The parts of a joint inspection (none for any other). */
    List<Inspection> parts(Inspection inspection) {
        return inspection.part() ? List.of() : joint.partsOf(List.of(inspection.id())).getOrDefault(inspection.id(), List.of());
    }

    /** The inspections of the one visit {@code inspection} belongs to: the lead's first, then each part; itself alone when not joint. */
    public List<Inspection> visit(Inspection inspection) {
        if (!inspection.part()) {
            List<Inspection> all = new ArrayList<>(List.of(inspection));
            all.addAll(parts(inspection));
            return all;
        }
        Inspection lead = draws.inspections(List.of(inspection.jointOf())).get(inspection.jointOf());
        return lead == null ? List.of(inspection) : visit(lead);
    }

    /**
     * PLAN-15, GEN-15: the one visit's shared materials (its on-site record, the evidence of every part) are read by each
     * department that may read one of its inspections; each still acts on, approves and publishes its own part only.
     */
    public static boolean mayReadVisit(Viewer viewer, List<Inspection> visit) {
        return visit.stream().anyMatch(i -> Inspections.mayRead(viewer, Inspections.inspecting(i), i.drawnBy()));
    }

    /** The items the visit checks: the task's and each participant's with a part in it (NOTICE-02). */
    List<String> itemIds(Inspection inspection, Task task) {
        Set<String> ids = new LinkedHashSet<>(task.data().itemIds());
        List<Inspection> parts = parts(inspection);
        if (!parts.isEmpty()) {
            Set<String> departments = new java.util.HashSet<>();
            parts.forEach(p -> departments.add(p.inspectedBy()));
            joint.ofTask(task.id()).stream().filter(p -> departments.contains(p.departmentId())).map(Participation::itemIds).forEach(ids::addAll);
        }
        return List.copyOf(ids);
    }

    /** The item codes the visit's record covers. */
    Set<String> itemCodes(Inspection inspection) {
        Set<String> codes = new LinkedHashSet<>(inspection.itemCodes());
        parts(inspection).forEach(p -> codes.addAll(p.itemCodes()));
        return codes;
    }

    /** The visit's team: the current inspectors of the lead's inspection and of each part. */
    Set<String> team(Inspection inspection) {
        List<String> ids = new ArrayList<>(List.of(inspection.id()));
        parts(inspection).forEach(p -> ids.add(p.id()));
        Set<String> team = new LinkedHashSet<>();
        var assignees = assignments.assignees(ids);
        ids.forEach(id -> assignees.getOrDefault(id, List.of()).stream().filter(a -> !a.dropped()).map(Assignee::inspectorId).forEach(team::add));
        return team;
    }
}
