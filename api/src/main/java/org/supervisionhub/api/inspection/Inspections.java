package org.supervisionhub.api.inspection;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.graph.archive.ArchiveRepository;
import org.supervisionhub.graph.archive.Archives.ArchiveFile;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.api.graphql.ErrorCode;

/** The inspection a department acts on, and the check that the caller acts for the department that inspects it. */
@Component
public class Inspections {

    private final DrawRepository draws;
    private final ArchiveRepository archives;

    public Inspections(DrawRepository draws, ArchiveRepository archives) {
        this.draws = draws;
        this.archives = archives;
    }

    /** ARCH-04, ARCH-05: once an inspection's file is archived, its materials change only by an approved archive amendment. */
    public void requireNotArchived(String inspectionId, String field) {
        ArchiveFile file = archives.ofInspections(List.of(inspectionId)).get(inspectionId);
        if (file != null) {
            throw InvalidInputException.of(field, ErrorCode.ARCHIVED, field + ": the file of " + inspectionId + " was archived on " + file.archivedOn()
                    + " (" + file.id() + "): change it by requestArchiveAmendment", "ARCH-05");
        }
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
        return inspection;
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
