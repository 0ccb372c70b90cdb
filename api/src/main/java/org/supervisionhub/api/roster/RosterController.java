package org.supervisionhub.api.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.directory.DirectoryService;
import org.supervisionhub.api.directory.ImportReport;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.roster.RosterInputs.ConflictInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorFilterInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorInput;
import org.supervisionhub.api.roster.RosterInputs.InspectorScope;
import org.supervisionhub.api.roster.RosterReportService.Report;
import org.supervisionhub.api.roster.RosterReportService.RosterUpdate;
import org.supervisionhub.graph.directory.Directory.Party;
import org.supervisionhub.graph.directory.Directory.Person;
import org.supervisionhub.graph.organisation.Organisation.Unit;
import org.supervisionhub.graph.roster.Roster.Conflict;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.Roster.InspectorFilter;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.DirectoryRepository.EnterpriseState;
import org.supervisionhub.graph.roster.Roster.Change;
import org.supervisionhub.graph.roster.RosterRepository.InspectorState;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.api.graphql.GroupedLoader;
import org.supervisionhub.graph.store.Page;

/** The inspector roster, roster histories and the roster-update report. */
@Controller
public class RosterController {

    /** Change history of one roster entry, most recently recorded first. */
    record ChangeList(List<Change> changes) {
    }

    /** A subject's roster state on a day as known at an instant; subjects with equal dates load together. */
    record StateKey(String key, LocalDate date, OffsetDateTime knownAt) {
        StateKey shape() {
            return new StateKey(null, date, knownAt);
        }
    }

    /** Same key, distinct type, so the inspector loader registers separately. */
    record InspectorStateKey(StateKey key) {
    }

    private final DirectoryService directory;
    private final RosterService service;
    private final RosterReportService reports;
    private final PageRequests pages;
    private final Clock clock;

    public RosterController(DirectoryService directory, RosterService service, RosterReportService reports, PageRequests pages, Clock clock,
                            BatchLoaderRegistry registry) {
        this.clock = clock;
        registry.forTypePair(String.class, ChangeList.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
            Map<String, ChangeList> out = new java.util.HashMap<>();
            service.changesOf(keys).forEach((k, v) -> out.put(k, new ChangeList(v)));
            return out;
        }));
        registry.forTypePair(StateKey.class, EnterpriseState.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() ->
                GroupedLoader.load(keys, StateKey::shape, StateKey::key, (shape, usccs) ->
                        directory.enterpriseStatesAsOf(usccs, shape.date(), shape.knownAt()))));
        registry.forTypePair(InspectorStateKey.class, InspectorState.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() ->
                GroupedLoader.load(keys, k -> k.key().shape(), k -> k.key().key(), (shape, ids) ->
                        service.inspectorStatesAsOf(ids, shape.date(), shape.knownAt()))));
        this.directory = directory;
        this.service = service;
        this.reports = reports;
        this.pages = pages;
    }

    @QueryMapping
    public Inspector inspector(@Argument String inspectorId) {
        return service.inspector(inspectorId).orElse(null);
    }

    @QueryMapping
    public Connection<Inspector> inspectors(@Argument InspectorScope scope, @Argument InspectorFilterInput filter,
                                            @Argument Integer first, @Argument String after) {
        int size = pages.size(first);
        List<String> units = service.unitsIn(scope);
        InspectorFilterInput f = filter == null ? new InspectorFilterInput(null, null, null, null) : filter;
        Page<Inspector> page = service.search(new InspectorFilter(units, f.expertise(), f.certificateValidOn(), f.onRosterOn(),
                f.nameContains()), size, after);
        return Connection.of(page, after);
    }

    @QueryMapping
    public Report rosterUpdateReport(@Argument String roster, @Argument LocalDate from, @Argument LocalDate to,
                                     @Argument Boolean lateOnly, @ContextValue Viewer viewer) {
        return reports.report(roster, from, to, Boolean.TRUE.equals(lateOnly), visibleChanges(viewer));
    }

    /**
     * The roster changes of the caller's department tree: an inspector entry's by the department its unit belonged to
     * when the change was recorded, a target entry's by its region then (the tree's regions, as for upsertEnterprise);
     * administrators all.
     */
    static java.util.function.Predicate<Change> visibleChanges(Viewer viewer) {
        var departments = Access.rows(viewer);
        if (viewer.has(Role.ADMIN)) {
            return c -> true;
        }
        return c -> {
            var owner = c.owner();
            if (owner == null) {
                return false;
            }
            if ("TARGET".equals(c.roster())) {
                return owner.regionCode() != null && viewer.jurisdiction().get().contains(owner.regionCode());
            }
            return departments.test(AccessRule.Owner.department(owner.departmentId()));
        };
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

    @SchemaMapping(typeName = "Enterprise", field = "rosterChanges")
    public CompletableFuture<Connection<Change>> enterpriseRosterChanges(Enterprise enterprise, @Argument Integer first,
                                                                         @Argument String after, DataLoader<String, ChangeList> loader) {
        return changes(enterprise.uscc(), first, after, loader);
    }

    @SchemaMapping(typeName = "Inspector", field = "rosterChanges")
    public CompletableFuture<Connection<Change>> inspectorRosterChanges(Inspector inspector, @Argument Integer first,
                                                                        @Argument String after, DataLoader<String, ChangeList> loader) {
        return changes(inspector.inspectorId(), first, after, loader);
    }

    private CompletableFuture<Connection<Change>> changes(String key, Integer first, String after, DataLoader<String, ChangeList> loader) {
        int size = pages.size(first);
        pages.checkCursor(after);
        return loader.load(key).thenApply(list -> Connection.of(
                Page.after(list == null ? List.of() : list.changes(), RosterController::sortKey, after, size), after));
    }

    /** Most recently recorded first, then by id: the order the repository returns. */
    private static String sortKey(Change c) {
        return Page.newestFirst(c.recordedAt()) + "|" + c.id();
    }

    @SchemaMapping(typeName = "Enterprise")
    public CompletableFuture<EnterpriseState> stateAsOf(Enterprise enterprise, @Argument LocalDate date,
                                                        @Argument OffsetDateTime knownAt, DataLoader<StateKey, EnterpriseState> loader) {
        return loader.load(new StateKey(enterprise.uscc(), date, knownAtOrNow(knownAt)));
    }

    @SchemaMapping(typeName = "Inspector", field = "stateAsOf")
    public CompletableFuture<InspectorState> inspectorStateAsOf(Inspector inspector, @Argument LocalDate date,
                                                                @Argument OffsetDateTime knownAt,
                                                                DataLoader<InspectorStateKey, InspectorState> loader) {
        return loader.load(new InspectorStateKey(new StateKey(inspector.inspectorId(), date, knownAtOrNow(knownAt))));
    }

    @BatchMapping(typeName = "InspectorState", field = "unit")
    public Map<InspectorState, Unit> stateUnit(List<InspectorState> states) {
        return Batches.byKey(states, InspectorState::unitId, service.units(Batches.keys(states, InspectorState::unitId)));
    }

    private OffsetDateTime knownAtOrNow(OffsetDateTime knownAt) {
        return knownAt == null ? OffsetDateTime.now(clock) : knownAt;
    }

    /** The unit's department, and the inspector's current one when it moves, must be the officer's own. */
    @MutationMapping
    public Inspector upsertInspector(@Argument InspectorInput input, @ContextValue Viewer viewer) {
        Unit unit = input.unitId() == null ? null : service.units(List.of(input.unitId())).get(input.unitId());
        if (unit == null) {
            throw new NotFoundException("input.unitId", "no unit " + input.unitId());
        }
        Access.requireDepartment(viewer, unit.departmentId(), "input.unitId");
        service.inspector(input.inspectorId()).ifPresent(i -> Access.requireDepartment(viewer, i.departmentId(), "input.inspectorId"));
        return InputPaths.under("input", () -> service.upsert(input));
    }

    /** An officer for their department's inspectors, or the inspector for themself (ASSIGN-03). */
    @MutationMapping
    public Inspector declareConflict(@Argument ConflictInput input, @ContextValue Viewer viewer) {
        Inspector inspector = service.inspector(input.inspectorId())
                .orElseThrow(() -> new NotFoundException("input.inspectorId", "no inspector " + input.inspectorId()));
        Access.requireDepartmentOrSelf(viewer, inspector.departmentId(), inspector.inspectorId(), "input.inspectorId");
        return InputPaths.under("input", () -> service.declareConflict(input));
    }

    @MutationMapping
    public ImportReport importInspectors(@Argument String csv, @ContextValue Viewer viewer) {
        var rows = Access.rows(viewer);
        return service.importInspectors(csv, department -> rows.test(AccessRule.Owner.department(department)));
    }

    @BatchMapping(typeName = "Inspector")
    public Map<Inspector, Unit> unit(List<Inspector> inspectors) {
        return Batches.byKey(inspectors, Inspector::unitId, service.units(Batches.keys(inspectors, Inspector::unitId)));
    }

    @BatchMapping(typeName = "Inspector")
    public Map<Inspector, Person> person(List<Inspector> inspectors) {
        return Batches.byKey(inspectors, Inspector::personId, directory.persons(Batches.keys(inspectors, Inspector::personId)));
    }

    @BatchMapping(typeName = "Inspector")
    public Map<Inspector, List<Conflict>> conflicts(List<Inspector> inspectors) {
        return Batches.grouped(inspectors, Inspector::inspectorId, service.conflicts(Batches.keys(inspectors, Inspector::inspectorId)));
    }

    @BatchMapping(typeName = "Conflict")
    public Map<Conflict, Party> counterpart(List<Conflict> conflicts) {
        Map<String, Party> parties = new java.util.HashMap<>();
        parties.putAll(directory.enterprises(conflicts.stream().filter(c -> c.targetKind().equals("ENTERPRISE")).map(Conflict::targetKey).distinct().toList()));
        parties.putAll(directory.persons(conflicts.stream().filter(c -> c.targetKind().equals("PERSON")).map(Conflict::targetKey).distinct().toList()));
        return Batches.byKey(conflicts, Conflict::targetKey, parties);
    }
}
