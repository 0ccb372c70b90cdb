package org.supervisionhub.api.audit;

import java.util.Collection;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.AccessScope;
import org.supervisionhub.api.access.ForbiddenException;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.graph.audit.AuditEvent;
import org.supervisionhub.graph.audit.AuditTrail;
import org.supervisionhub.graph.organisation.OrganisationRepository;

/** The oversight queries over the audit trail (OVER-03): who did what, and whether the chain is intact. */
@Controller
public class AuditController {

    public record AuditFilterInput(String subjectId, String actor, String operation, String departmentId, Boolean includeSubordinates) {
    }

    private final AuditTrail trail;
    private final OrganisationRepository organisation;
    private final PageRequests pages;

    public AuditController(AuditTrail trail, OrganisationRepository organisation, PageRequests pages) {
        this.trail = trail;
        this.organisation = organisation;
        this.pages = pages;
    }

    /** Oversight sees events of its own department tree; an administrator every event, including anonymous refusals. */
    @QueryMapping
    public Connection<AuditEvent> auditEvents(@Argument AuditFilterInput filter, @Argument Integer first, @Argument String after,
                                              @ContextValue Viewer viewer) {
        int size = pages.size(first);
        pages.checkCursor(after);
        AuditFilterInput f = filter == null ? new AuditFilterInput(null, null, null, null, true) : filter;
        Collection<String> departments = null;
        if (f.departmentId() != null) {
            if (!viewer.has(Role.ADMIN) && !viewer.reaches(f.departmentId(), AccessScope.DEPARTMENT_TREE)) {
                throw new ForbiddenException("filter.departmentId", "filter.departmentId " + f.departmentId()
                        + " is outside the caller's department tree", !viewer.authenticated());
            }
            departments = Boolean.FALSE.equals(f.includeSubordinates()) ? List.of(f.departmentId())
                    : organisation.departmentAndSubordinates(f.departmentId());
        } else if (!viewer.has(Role.ADMIN)) {
            departments = viewer.departmentTree().get();
        }
        return Connection.of(trail.events(new AuditTrail.Filter(f.subjectId(), f.actor(), departments, f.operation()), size, after), after);
    }

    @QueryMapping
    public AuditTrail.Verification auditVerification() {
        return trail.verify();
    }
}
