package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.graph.archive.ArchiveRepository;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.domain.sampling.InspectionAssignment;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository.Assignee;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;

/**
 * The inspection a department acts on, and the checks that the caller acts for the department that inspects it and,
 * as an inspector, for its current team (ONSITE-02, ASSIGN-03, ASSIGN-04): the one place those rules are enforced.
 */
@Component
public class Inspections {

    private final DrawRepository draws;
    private final AssignmentRepository assignments;
    private final ArchiveRepository archives;
    private final Clock clock;

    public Inspections(DrawRepository draws, AssignmentRepository assignments, ArchiveRepository archives, Clock clock) {
        this.draws = draws;
        this.assignments = assignments;
        this.archives = archives;
        this.clock = clock;
    }

    /** ARCH-04, ARCH-05: once an inspection's file is archived, its materials change only by an approved archive amendment. */
    public void requireNotArchived(String inspectionId, String field) {
        ArchiveFile file = archives.ofInspections(List.of(inspectionId)).get(inspectionId);
        if (file != null) {
            throw InvalidInputException.of(field, ErrorCode.ARCHIVED, field + ": the file of " + inspectionId + " was archived on " + file.archivedOn()
                    + " (" + file.id() + "): change it by requestArchiveAmendment", "ARCH-05");
        }
    }

    /** The inspection {@code id}, or null when there is none. */
    public Inspection find(String id) {
        return id == null ? null : draws.inspections(List.of(id)).get(id);
    }

    /** Who carries the inspection out: the department it was dispatched to, else the one that drew it. */
    public static String inspecting(Inspection inspection) {
        return inspection.inspectedBy() != null ? inspection.inspectedBy() : inspection.drawnBy();
    }

    /** The inspection {@code id} (named {@code field} in errors), when the viewer holds one of {@code roles} in its inspecting department. */
    public Inspection actingOn(String id, String field, Viewer viewer, String rule, Role... roles) {
        Inspection inspection = id == null ? null : draws.inspections(List.of(id)).get(id);
        if (inspection == null) {
            throw new NotFoundException(field, "no inspection " + id);
        }
        requireDepartment(viewer, inspecting(inspection), field, rule + ": by the inspecting department " + inspecting(inspection), roles);
        requireTeam(inspection, field, viewer, rule, roles);
        return inspection;
    }

    /**
     * As {@link #requireTeam(Inspection, String, Viewer, String, Role...)} for the inspection {@code id} (acts that start
     * from its result, e.g. PUB-09 feedback).
     */
    public void requireTeam(String id, String field, Viewer viewer, String rule, Role... roles) {
        Inspection inspection = id == null ? null : draws.inspections(List.of(id)).get(id);
        if (inspection == null) {
            throw new NotFoundException(field, "no inspection " + id);
        }
        requireTeam(inspection, field, viewer, rule, roles);
    }

    /**
     * The team's acts on an inspection ({@code roles} include INSPECTOR): an inspector acts only while on its current team,
     * after substitutions (ONSITE-02; ASSIGN-04: one substituted out no longer acts), and never while recused from its
     * enterprise (ASSIGN-03: skipped for a conflict on this inspection, or a conflict on the graph today, such as a declared
     * one). An officer (or leader, where {@code roles} allow) enters on the team's behalf and is recorded as the one who
     * entered it; if the officer is also an inspector with a conflict, ASSIGN-03 refuses them too.
     */
    public void requireTeam(Inspection inspection, String field, Viewer viewer, String rule, Role... roles) {
        List<Role> allowed = Arrays.asList(roles);
        if (!allowed.contains(Role.INSPECTOR)) {
            return;
        }
        String me = viewer.inspectorId();
        boolean onBehalf = allowed.stream().filter(r -> r != Role.INSPECTOR).anyMatch(viewer::has);
        if (me != null) {
            Set<String> recused = recusal(inspection, me);
            if (!recused.isEmpty()) {
                throw new ForbiddenException(field, "ASSIGN-03: " + me + " is recused from " + inspection.uscc() + " " + recused
                        + " and does not act on inspection " + inspection.id() + " (" + rule + ")", false, "ASSIGN-03");
            }
        }
        if (onBehalf) {
            return;
        }
        if (me == null) {
            throw new ForbiddenException(field, "ONSITE-02: the caller names no inspector, so is on no inspection team (" + rule + ")",
                    !viewer.authenticated(), "ONSITE-02");
        }
        List<Assignee> assignees = assignments.assignees(List.of(inspection.id())).getOrDefault(inspection.id(), List.of());
        switch (inspection.assignment(assignees).standing(me)) {
            case ON_TEAM -> {
            }
            case SUBSTITUTED_OUT -> throw new ForbiddenException(field, "ASSIGN-04: " + me + " was substituted out of the team of inspection "
                    + inspection.id() + " and no longer acts on it (" + rule + ")", false, "ASSIGN-04");
            case NOT_ON_TEAM -> throw new ForbiddenException(field, "ONSITE-02: " + me + " is not on the current team of inspection "
                    + inspection.id() + "; the team, or an officer on its behalf, acts on it (" + rule + ")", false, "ONSITE-02");
        }
    }

    /** Why {@code inspectorId} is recused from the inspection's enterprise (ASSIGN-03); empty when they are not. */
    Set<String> recusal(Inspection inspection, String inspectorId) {
        List<String> skipped = assignments.skipped(List.of(inspection.id())).getOrDefault(inspection.id(), List.of()).stream()
                .filter(s -> s.inspector().equals(inspectorId)).map(s -> s.reason()).toList();
        List<String> today = assignments.recusals(List.of(inspection.uscc()), List.of(inspectorId), inspection.drawId(), LocalDate.now(clock), 0)
                .getOrDefault(inspection.uscc(), java.util.Map.of()).getOrDefault(inspectorId, List.of());
        return InspectionAssignment.recusal(skipped, today);
    }

    /** The inspecting and drawing departments, oversight above them, and administrators. */
    public static boolean mayRead(Viewer viewer, String inspecting, String drawing) {
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        java.util.Set<String> involved = new java.util.HashSet<>();
        involved.add(inspecting);
        if (drawing != null) {
            involved.add(drawing);
        }
        return involved.contains(viewer.departmentId())
                || (viewer.has(Role.OVERSIGHT) && involved.stream().anyMatch(d -> viewer.departmentTree().get().contains(d)));
    }

    /** The viewer must hold one of {@code roles} in {@code department} (administrators are not the department). */
    public static void requireDepartment(Viewer viewer, String department, String field, String rule, Role... roles) {
        boolean role = Arrays.stream(roles).anyMatch(viewer::has);
        if (!role || department == null || !department.equals(viewer.departmentId())) {
            throw new ForbiddenException(field, rule + "; the caller is " + viewer.roles() + " of " + viewer.departmentId(), !viewer.authenticated());
        }
    }
}
