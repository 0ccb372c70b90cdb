package org.supervisionhub.api.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.directory.ImportReport;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.InvalidInputException;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.roster.RosterInputs.ConflictInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorFilterInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorScope;
import org.supervisionhub.api.roster.RosterReportService.Report;
import org.supervisionhub.api.roster.RosterReportService.RosterUpdate;
import org.supervisionhub.graph.directory.Directory.Party;
import org.supervisionhub.graph.directory.Directory.Person;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.organisation.Organisation.Unit;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.roster.Roster.Conflict;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.Roster.InspectorFilter;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.Page;

/** The inspector roster and the roster-update report. */
@Controller
public class RosterController {

    private final RosterRepository roster;
    private final OrganisationRepository organisation;
    private final DirectoryRepository directory;
    private final RosterService service;
    private final RosterReportService reports;
    private final PageRequests pages;

    public RosterController(RosterRepository roster, OrganisationRepository organisation, DirectoryRepository directory,
                            RosterService service, RosterReportService reports, PageRequests pages) {
        this.roster = roster;
        this.organisation = organisation;
        this.directory = directory;
        this.service = service;
        this.reports = reports;
        this.pages = pages;
    }

    @QueryMapping
    public Inspector inspector(@Argument String inspectorId) {
        return roster.inspector(inspectorId).orElse(null);
    }

    @QueryMapping
    public Connection<Inspector> inspectors(@Argument InspectorScope scope, @Argument InspectorFilterInput filter,
                                            @Argument Integer first, @Argument String after) {
        int size = pages.size(first);
        List<String> units = unitsIn(scope);
        InspectorFilterInput f = filter == null ? new InspectorFilterInput(null, null, null, null) : filter;
        Page<Inspector> page = roster.search(new InspectorFilter(units, f.expertise(), f.certificateValidOn(), f.onRosterOn(),
                f.nameContains()), size, after);
        return Connection.of(page, after);
    }

    private List<String> unitsIn(InspectorScope scope) {
        boolean byDepartment = scope.departmentId() != null;
        if (byDepartment == (scope.unitId() != null)) {
            throw InvalidInputException.of("scope", "REQUIRED", "give exactly one of scope.departmentId or scope.unitId", null);
        }
        if (!byDepartment) {
            if (organisation.units(List.of(scope.unitId())).isEmpty()) {
                throw new NotFoundException("scope.unitId", "no unit " + scope.unitId());
            }
            return List.of(scope.unitId());
        }
        List<String> departments = Boolean.TRUE.equals(scope.includeSubordinates())
                ? organisation.departmentAndSubordinates(scope.departmentId()) : List.of(scope.departmentId());
        if (departments.isEmpty() || organisation.department(scope.departmentId()).isEmpty()) {
            throw new NotFoundException("scope.departmentId", "no department " + scope.departmentId());
        }
        List<String> units = new ArrayList<>();
        organisation.unitsOf(departments).values().forEach(l -> l.forEach(u -> units.add(u.id())));
        return units;
    }

    @QueryMapping
    public Report rosterUpdateReport(@Argument String roster, @Argument LocalDate from, @Argument LocalDate to,
                                     @Argument Boolean lateOnly) {
        return reports.report(roster, from, to, Boolean.TRUE.equals(lateOnly));
    }

    @SchemaMapping(typeName = "RosterUpdateReport")
    public Connection<RosterUpdate> updates(Report report, @Argument Integer first, @Argument String after) {
        int size = pages.size(first);
        long start = after == null ? 0 : Cursor.decode(after, 1).longKey(0) + 1;
        List<RosterUpdate> rows = report.shown();
        int from = (int) Math.min(Math.max(start, 0), rows.size());
        List<RosterUpdate> slice = rows.subList(from, Math.min(rows.size(), from + size + 1));
        // The report is a snapshot computed per request, so positions are stable within it.
        java.util.Map<RosterUpdate, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < slice.size(); i++) {
            index.put(slice.get(i), from + i);
        }
        return Connection.of(Page.of(slice, size, u -> Cursor.encode(String.valueOf(index.get(u)))), after);
    }

    @MutationMapping
    public Inspector upsertInspector(@Argument InspectorInput input) {
        return service.upsert(input);
    }

    @MutationMapping
    public Inspector declareConflict(@Argument ConflictInput input) {
        return service.declareConflict(input);
    }

    @MutationMapping
    public ImportReport importInspectors(@Argument String csv) {
        return service.importInspectors(csv);
    }

    @BatchMapping(typeName = "Inspector")
    public Map<Inspector, Unit> unit(List<Inspector> inspectors) {
        return Batches.byKey(inspectors, Inspector::unitId, organisation.units(Batches.keys(inspectors, Inspector::unitId)));
    }

    @BatchMapping(typeName = "Inspector")
    public Map<Inspector, Person> person(List<Inspector> inspectors) {
        return Batches.byKey(inspectors, Inspector::personId, directory.persons(Batches.keys(inspectors, Inspector::personId)));
    }

    @BatchMapping(typeName = "Inspector")
    public Map<Inspector, List<Conflict>> conflicts(List<Inspector> inspectors) {
        return Batches.grouped(inspectors, Inspector::inspectorId, roster.conflicts(Batches.keys(inspectors, Inspector::inspectorId)));
    }

    @BatchMapping(typeName = "Conflict")
    public Map<Conflict, Party> counterpart(List<Conflict> conflicts) {
        Map<String, Party> parties = new java.util.HashMap<>();
        parties.putAll(directory.enterprises(conflicts.stream().filter(c -> c.targetKind().equals("ENTERPRISE")).map(Conflict::targetKey).distinct().toList()));
        parties.putAll(directory.persons(conflicts.stream().filter(c -> c.targetKind().equals("PERSON")).map(Conflict::targetKey).distinct().toList()));
        return Batches.byKey(conflicts, Conflict::targetKey, parties);
    }
}
