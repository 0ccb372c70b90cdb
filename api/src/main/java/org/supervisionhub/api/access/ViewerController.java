package org.supervisionhub.api.access;

import java.util.List;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.Organisation.Unit;
import org.supervisionhub.graph.organisation.OrganisationRepository;

/** {@code me}: the caller as the hub sees it, so a client can tell why a field is refused. */
@Controller
public class ViewerController {

    private final OrganisationRepository organisation;

    public ViewerController(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    @QueryMapping
    public Viewer me(@ContextValue Viewer viewer) {
        return viewer;
    }

    @SchemaMapping(typeName = "Viewer")
    public List<Role> roles(Viewer viewer) {
        return viewer.roles().stream().sorted().toList();
    }

    @SchemaMapping(typeName = "Viewer")
    public Department department(Viewer viewer) {
        return viewer.departmentId() == null ? null : organisation.department(viewer.departmentId()).orElse(null);
    }

    @SchemaMapping(typeName = "Viewer")
    public Unit unit(Viewer viewer) {
        return viewer.unitId() == null ? null : organisation.units(List.of(viewer.unitId())).get(viewer.unitId());
    }
}
