package org.supervisionhub.api.calendar;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.graph.calendar.Deadlines.DeadlineChange;
import org.supervisionhub.graph.calendar.Deadlines.StoredDeadline;

/** The operators' view of the working-day calendar: its coverage, the provisional deadlines, their recomputations, and reloading. */
@Controller
public class CalendarController {

    private final CalendarService calendar;
    private final PageRequests pages;

    public CalendarController(CalendarService calendar, PageRequests pages) {
        this.calendar = calendar;
        this.pages = pages;
    }

    @QueryMapping
    public CalendarService.Coverage calendarCoverage() {
        return calendar.coverage();
    }

    /** Oversight sees the deadlines of its department tree; an administrator all. */
    @QueryMapping
    public Connection<StoredDeadline> provisionalDeadlines(@Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
        int size = pages.size(first);
        java.util.Set<String> departments = viewer.has(Role.ADMIN) ? null : viewer.departmentTree().get();
        return Connection.of(calendar.provisional(size, after, departments), after);
    }

    @QueryMapping
    public List<DeadlineChange> deadlineChanges(@Argument String ownerId) {
        Checks checks = new Checks();
        checks.require("ownerId", ownerId);
        checks.throwIfAny();
        return calendar.changesOf(ownerId.strip());
    }

    /** Audited like every mutation (the reason argument, else X-Hub-Reason); the recomputations are recorded on each deadline. */
    @MutationMapping
    public CalendarService.Reload reloadCalendar(@Argument String reason, @ContextValue Viewer viewer) {
        return calendar.reload(viewer.actor(), reason);
    }
}
