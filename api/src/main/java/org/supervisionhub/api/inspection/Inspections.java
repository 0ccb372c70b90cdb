package org.supervisionhub.api.inspection;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;

/** The inspection a department acts on, and the check that the caller acts for the department that inspects it. */
@Component
public class Inspections {

    private final DrawRepository draws;

    public Inspections(DrawRepository draws) {
        this.draws = draws;
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

    /** The viewer must hold one of {@code roles} in {@code department} (administrators are not the department). */
    static void requireDepartment(Viewer viewer, String department, String field, String rule, Role... roles) {
        boolean role = Arrays.stream(roles).anyMatch(viewer::has);
        if (!role || department == null || !department.equals(viewer.departmentId())) {
            throw new ForbiddenException(field, rule + "; the caller is " + viewer.roles() + " of " + viewer.departmentId(), !viewer.authenticated());
        }
    }
}
