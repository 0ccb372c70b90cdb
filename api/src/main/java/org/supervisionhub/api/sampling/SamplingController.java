package org.supervisionhub.api.sampling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.AccessScope;
import org.supervisionhub.api.access.Owned;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.graphql.InputPaths;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.graphql.Connection;
import org.supervisionhub.api.graphql.GroupedLoader;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.graphql.PageRequests;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.TriggerInput;
import org.supervisionhub.domain.sampling.PlanStatus;
import org.supervisionhub.domain.sampling.TaskData.ComplaintRule;
import org.supervisionhub.domain.sampling.TaskData.Criteria;
import org.supervisionhub.domain.sampling.TaskData.RosterScope;
import org.supervisionhub.domain.sampling.TaskData.StratumRatio;
import org.supervisionhub.domain.sampling.TaskData.TriggerScope;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Replacement;
import org.supervisionhub.graph.sampling.Sampling.Task;
import org.supervisionhub.graph.sampling.Sampling.Trigger;
import org.supervisionhub.graph.store.Cursor;
import org.supervisionhub.graph.store.Page;
import reactor.core.publisher.Mono;

/** Plans, tasks, triggers, draws and their inspections. */
@Controller
public class SamplingController {

    /** Who sees draft plans (and their tasks) within their department tree. */
    static final Set<Role> DRAFT_READERS = Set.of(Role.OFFICER, Role.LEADER, Role.OVERSIGHT);

    /** A task as the schema shows it. */
    public record TaskView(String id, String planId, String departmentId, String title, String kind, List<String> itemIds,
                           String method, String mode, Criteria criteria, String strataBy, List<StratumRatio> strata,
                           ComplaintRule complaintRule, TriggerScope triggerScope, LocalDate windowStart, LocalDate windowEnd,
                           int batches, int inspectorsPerInspection, List<String> expertise, RosterScope rosterScope,
                           String origin, String dispatchLevel, boolean announced, String status, String mergedInto) {
        static TaskView of(Task t) {
            var d = t.data();
            return new TaskView(t.id(), t.planId(), t.departmentId(), d.title(), name(d.kind()), d.itemIds(), name(d.method()),
                    name(d.mode()), d.criteria(), d.strataBy(), d.strata(), d.complaintRule(), d.triggerScope(), d.windowStart(),
                    d.windowEnd(), d.batches(), d.inspectorsPerInspection(), d.expertise(), d.rosterScope(), name(d.origin()), d.dispatchLevel(),
                    d.announced(), t.status(), t.mergedInto());
        }

        private static String name(Enum<?> e) {
            return e == null ? null : e.name();
        }
    }

    /** A plan adjustment with the department that owns it (its actor is shown within that department's tree only). */
    public record AdjustmentView(String id, int revision, java.time.OffsetDateTime at, String actor, String reason, String change,
                                 String departmentId) implements Owned {
        @Override
        public AccessRule.Owner accessOwner() {
            return AccessRule.Owner.department(departmentId);
        }
    }

    public record AssignedInspectorView(String inspectorId, int position, String mode, boolean dropped) {
    }

    public record SkipView(String inspectorId, String reason) {
    }

    public record AssignmentRunView(String drawId, String departmentId, LocalDate plannedOn, int inspections,
                                    int eligibleInspectors, int workloadCap, int flagged) {
    }

    record InspectionPageKey(String drawId, int first, String after) {
        InspectionPageKey shape() {
            return new InspectionPageKey(null, first, after);
        }
    }

    record InspectionPage(Page<Inspection> page) {
    }

    private final SamplingReads reads;
    private final PlanService planService;
    private final DrawService drawService;
    private final AssignmentService assignmentService;
    private final PageRequests pages;
    private final Clock clock;

    public SamplingController(SamplingReads reads, PlanService planService, DrawService drawService, AssignmentService assignmentService,
                              PageRequests pages, Clock clock, BatchLoaderRegistry registry) {
        this.reads = reads;
        this.planService = planService;
        this.drawService = drawService;
        this.assignmentService = assignmentService;
        this.pages = pages;
        this.clock = clock;
        registry.forTypePair(InspectionPageKey.class, InspectionPage.class).registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() ->
                GroupedLoader.load(keys, InspectionPageKey::shape, InspectionPageKey::drawId, (shape, ids) -> {
                    String afterId = shape.after() == null ? null : Cursor.decode(shape.after(), 1).key(0);
                    Map<String, InspectionPage> out = new HashMap<>();
                    reads.inspectionPages(ids, shape.first() + 1, afterId).forEach((id, rows) ->
                            out.put(id, new InspectionPage(Page.of(rows, shape.first(), i -> Cursor.encode(i.id())))));
                    return out;
                })));
    }

    // ---- queries

    @QueryMapping
    public Plan samplingPlan(@Argument String id, @ContextValue Viewer viewer) {
        return reads.plan(id).filter(p -> visible(viewer, p)).orElse(null);
    }

    @QueryMapping
    public Connection<Plan> samplingPlans(@Argument String departmentId, @Argument Integer year, @Argument String status,
                                          @Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
        Set<String> draftsOf = viewer.hasAny(DRAFT_READERS) ? viewer.departmentTree().get() : Set.of();
        return Connection.of(reads.list(departmentId == null ? null : List.of(departmentId), year, status, draftsOf,
                pages.size(first), after), after);
    }

    @QueryMapping
    public TaskView samplingTask(@Argument String id, @ContextValue Viewer viewer) {
        Task task = reads.task(id).orElse(null);
        if (task == null || !visible(viewer, reads.plan(task.planId()).orElseThrow())) {
            return null;
        }
        return TaskView.of(task);
    }

    @QueryMapping
    public PlanService.Coverage planCoverage(@Argument String departmentId, @Argument int year, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return planService.coverage(departmentId, year);
    }

    @QueryMapping
    public Draw draw(@Argument String id) {
        return reads.draw(id).orElse(null);
    }

    @QueryMapping
    public Connection<Draw> draws(@Argument String departmentId, @Argument String status, @Argument Integer first,
                                  @Argument String after) {
        pages.checkCursor(after);
        return Connection.of(reads.newest(departmentId == null ? null : List.of(departmentId), status, pages.size(first), after, 0), after);
    }

    @QueryMapping
    public Inspection inspection(@Argument String id) {
        return reads.inspections(List.of(id)).get(id);
    }

    @QueryMapping
    public List<Inspection> enterpriseInspections(@Argument String uscc) {
        Checks checks = new Checks();
        String code = checks.uscc("uscc", uscc);
        checks.throwIfAny();
        return reads.inspectionsOfEnterprises(List.of(code)).getOrDefault(code, List.of());
    }

    @QueryMapping
    public Connection<Trigger> triggers(@Argument String departmentId, @Argument String uscc, @Argument List<String> types,
                                        @Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        pages.checkCursor(after);
        return Connection.of(reads.listTriggers(reads.departmentAndSubordinates(departmentId), uscc, types,
                pages.size(first), after), after);
    }

    // ---- mutations

    @MutationMapping
    public Plan createSamplingPlan(@Argument CreateSamplingPlanInput input, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, input.departmentId(), "input.departmentId");
        return InputPaths.under("input", () -> planService.createPlan(input));
    }

    @MutationMapping
    public Plan fileSamplingPlan(@Argument String id, @ContextValue Viewer viewer) {
        requirePlanDepartment(viewer, id, "id");
        return planService.file(id, viewer.actor());
    }

    @MutationMapping
    public Plan publishSamplingPlan(@Argument String id, @ContextValue Viewer viewer) {
        requirePlanDepartment(viewer, id, "id");
        return planService.publish(id);
    }

    @MutationMapping
    public TaskView addSamplingTask(@Argument String planId, @Argument SamplingTaskInput input, @Argument String reason,
                                    @ContextValue Viewer viewer) {
        requirePlanDepartment(viewer, planId, "planId");
        return TaskView.of(planService.addTask(planId, input, reason, viewer.actor()));
    }

    @MutationMapping
    public TaskView updateSamplingTask(@Argument String id, @Argument SamplingTaskInput input, @Argument String reason,
                                       @ContextValue Viewer viewer) {
        requireTaskDepartment(viewer, id, "id");
        return TaskView.of(planService.updateTask(id, input, reason, viewer.actor()));
    }

    @MutationMapping
    public TaskView mergeSamplingTasks(@Argument List<String> taskIds, @Argument String reason, @ContextValue Viewer viewer) {
        PlanService.requireTwoTasks(taskIds);
        for (int i = 0; i < taskIds.size(); i++) {
            requireTaskDepartment(viewer, taskIds.get(i), "taskIds[" + i + "]");
        }
        return TaskView.of(planService.merge(taskIds, reason, viewer.actor()));
    }

    @MutationMapping
    public Trigger recordTrigger(@Argument TriggerInput input, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, input.departmentId(), "input.departmentId");
        String id = InputPaths.under("input", () -> planService.recordTrigger(input));
        return reads.triggers(List.of(id)).get(id);
    }

    @MutationMapping
    public Draw commitDraw(@Argument String taskId, @ContextValue Viewer viewer) {
        requireTaskDepartment(viewer, taskId, "taskId");
        return drawService.commit(taskId, viewer.actor());
    }

    @MutationMapping
    public Draw executeDraw(@Argument String drawId, @Argument String entropy, @ContextValue Viewer viewer) {
        requireDrawDepartment(viewer, drawId, "drawId");
        return drawService.execute(drawId, entropy, viewer.actor());
    }

    @MutationMapping
    public Inspection replaceDrawTarget(@Argument String drawId, @Argument String uscc, @Argument String reason,
                                        @ContextValue Viewer viewer) {
        requireDrawDepartment(viewer, drawId, "drawId");
        Checks checks = new Checks();
        String code = checks.uscc("uscc", uscc);
        checks.throwIfAny();
        return drawService.replace(drawId, code, reason, viewer.actor());
    }

    @MutationMapping
    public AssignmentRunView assignInspectors(@Argument String drawId, @Argument String departmentId, @Argument LocalDate plannedOn,
                                              @ContextValue Viewer viewer) {
        if (reads.draw(drawId).isEmpty()) {
            throw new NotFoundException("drawId", "no draw " + drawId);
        }
        // ASSIGN-14: each department matches inspectors to the inspections it carries out.
        Access.requireDepartment(viewer, departmentId, "departmentId");
        var run = assignmentService.assign(drawId, departmentId, plannedOn, viewer.actor());
        return new AssignmentRunView(run.drawId(), run.departmentId(), run.plannedOn(), run.inspections(), run.eligible(),
                run.workloadCap(), run.flagged());
    }

    @MutationMapping
    public Inspection substituteInspector(@Argument String inspectionId, @Argument String inspectorId, @Argument String reason,
                                          @ContextValue Viewer viewer) {
        requireInspectingDepartment(viewer, inspectionId);
        return assignmentService.substitute(inspectionId, inspectorId, reason, viewer.actor());
    }

    @MutationMapping
    public Inspection matchNeighbouringInspectors(@Argument String inspectionId, @ContextValue Viewer viewer) {
        requireInspectingDepartment(viewer, inspectionId);
        return assignmentService.matchNeighbours(inspectionId, viewer.actor());
    }

    @MutationMapping
    public Inspection assignInspectorsDirectly(@Argument String inspectionId, @Argument List<String> inspectorIds,
                                               @Argument String reason, @ContextValue Viewer viewer) {
        requireInspectingDepartment(viewer, inspectionId);
        return assignmentService.assignDirectly(inspectionId, inspectorIds, reason, viewer.actor());
    }

    private void requirePlanDepartment(Viewer viewer, String planId, String field) {
        Plan plan = reads.plan(planId).filter(p -> visible(viewer, p))
                .orElseThrow(() -> new NotFoundException(field, "no sampling plan " + planId));
        Access.requireDepartment(viewer, plan.departmentId(), field);
    }

    private void requireTaskDepartment(Viewer viewer, String taskId, String field) {
        Task task = reads.task(taskId).orElseThrow(() -> new NotFoundException(field, "no sampling task " + taskId));
        Access.requireDepartment(viewer, task.departmentId(), field);
    }

    private void requireDrawDepartment(Viewer viewer, String drawId, String field) {
        Draw draw = reads.draw(drawId).orElseThrow(() -> new NotFoundException(field, "no draw " + drawId));
        Access.requireDepartment(viewer, draw.departmentId(), field);
    }

    private void requireInspectingDepartment(Viewer viewer, String inspectionId) {
        Inspection i = reads.inspections(List.of(inspectionId)).get(inspectionId);
        if (i == null) {
            throw new NotFoundException("inspectionId", "no inspection " + inspectionId);
        }
        Access.requireDepartment(viewer, i.inspectedBy(), "inspectionId");
    }

    /** Filed and published plans are public (GEN-08); drafts only within their department tree. */
    private static boolean visible(Viewer viewer, Plan plan) {
        return plan.status() != PlanStatus.DRAFT
                || viewer.hasAny(DRAFT_READERS) && viewer.reaches(plan.departmentId(), AccessScope.DEPARTMENT_TREE)
                || viewer.has(Role.ADMIN);
    }

    // ---- SamplingPlan

    @BatchMapping(typeName = "SamplingPlan")
    public Map<Plan, Department> department(List<Plan> plans) {
        return Batches.byKey(plans, Plan::departmentId, reads.departments(Batches.keys(plans, Plan::departmentId)));
    }

    @BatchMapping(typeName = "SamplingPlan")
    public Map<Plan, Department> filedWith(List<Plan> plans) {
        return Batches.byKey(plans, Plan::filedWith, reads.departments(Batches.keys(plans, Plan::filedWith)));
    }

    /** Late when filed (or, at the top, published) after the deadline, or still not filed after it (OVER-08(d)). */
    @SchemaMapping(typeName = "SamplingPlan")
    public boolean late(Plan plan) {
        if (plan.filingDeadline() == null) {
            return false;
        }
        var done = plan.filedAt() != null ? plan.filedAt() : plan.publishedAt();
        LocalDate day = done != null ? done.atZoneSameInstant(DrawDocumentController.BEIJING).toLocalDate() : LocalDate.now(clock);
        return day.isAfter(plan.filingDeadline());
    }

    @BatchMapping(typeName = "SamplingPlan")
    public Map<Plan, List<TaskView>> tasks(List<Plan> list) {
        Map<String, List<Task>> byPlan = reads.tasksOf(Batches.keys(list, Plan::id));
        Map<Plan, List<TaskView>> out = new LinkedHashMap<>();
        list.forEach(p -> out.put(p, byPlan.getOrDefault(p.id(), List.of()).stream().map(TaskView::of).toList()));
        return out;
    }

    @BatchMapping(typeName = "SamplingPlan")
    public Map<Plan, List<AdjustmentView>> adjustments(List<Plan> list) {
        var byPlan = reads.adjustments(Batches.keys(list, Plan::id));
        Map<Plan, List<AdjustmentView>> out = new LinkedHashMap<>();
        list.forEach(p -> out.put(p, byPlan.getOrDefault(p.id(), List.of()).stream()
                .map(a -> new AdjustmentView(a.id(), a.revision(), a.at(), a.actor(), a.reason(), a.change(), p.departmentId())).toList()));
        return out;
    }

    @BatchMapping(typeName = "SamplingPlan")
    public Map<Plan, List<List<TaskView>>> mergeableTasks(List<Plan> list) {
        Map<String, List<Task>> byPlan = reads.tasksOf(Batches.keys(list, Plan::id));
        Map<Plan, List<List<TaskView>>> out = new LinkedHashMap<>();
        list.forEach(p -> out.put(p, planService.mergeable(byPlan.getOrDefault(p.id(), List.of())).stream()
                .map(g -> g.stream().map(TaskView::of).toList()).toList()));
        return out;
    }

    // ---- SamplingTask

    @BatchMapping(typeName = "SamplingTask")
    public Map<TaskView, Plan> plan(List<TaskView> tasks) {
        return Batches.byKey(tasks, TaskView::planId, reads.plans(Batches.keys(tasks, TaskView::planId)));
    }

    @BatchMapping(typeName = "SamplingTask")
    public Map<TaskView, List<Item>> items(List<TaskView> tasks) {
        List<String> ids = tasks.stream().flatMap(t -> t.itemIds().stream()).distinct().toList();
        Map<String, Item> items = ids.isEmpty() ? Map.of() : reads.itemsById(ids);
        Map<TaskView, List<Item>> out = new LinkedHashMap<>();
        tasks.forEach(t -> out.put(t, t.itemIds().stream().map(items::get).filter(java.util.Objects::nonNull).toList()));
        return out;
    }

    @BatchMapping(typeName = "SamplingTask")
    public Map<TaskView, TaskView> mergedInto(List<TaskView> tasks) {
        Map<String, Task> found = reads.tasks(Batches.keys(tasks, TaskView::mergedInto));
        Map<String, TaskView> views = new HashMap<>();
        found.forEach((k, v) -> views.put(k, TaskView.of(v)));
        return Batches.byKey(tasks, TaskView::mergedInto, views);
    }

    @BatchMapping(typeName = "SamplingTask")
    public Map<TaskView, List<Draw>> draws(List<TaskView> tasks) {
        return Batches.grouped(tasks, TaskView::id, reads.drawsOfTasks(Batches.keys(tasks, TaskView::id)));
    }

    // ---- Draw

    @BatchMapping(typeName = "Draw")
    public Map<Draw, TaskView> task(List<Draw> list) {
        Map<String, TaskView> views = new HashMap<>();
        reads.tasks(Batches.keys(list, Draw::taskId)).forEach((k, v) -> views.put(k, TaskView.of(v)));
        return Batches.byKey(list, Draw::taskId, views);
    }

    /** A stratum as the viewer may see it: opaque label and no ratio where the stratification is confidential (Amendment 1). */
    public record DrawStratumView(String label, int size, String ratio, int selectedCount, String digest) {
    }

    @SchemaMapping(typeName = "Draw")
    public List<DrawStratumView> strata(Draw draw, @ContextValue Viewer viewer) {
        Draw d = drawService.disclosed(draw);
        boolean sees = StratumDisclosure.seesLabels(viewer, d);
        return d.strata().stream()
                .map(s -> sees ? new DrawStratumView(s.label(), s.size(), s.ratio(), s.selectedCount(), s.digest())
                        : new DrawStratumView(s.opaqueLabel(), s.size(), null, s.selectedCount(), s.digest()))
                .sorted(Comparator.comparing(DrawStratumView::label, sees ? Vdraw1::compareUtf8 : StratumDisclosure.OPAQUE_ORDER))
                .toList();
    }

    /** Amendment 1: an inspection's stratum is the enterprise's risk class or complaint status, not public. */
    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, String> stratum(List<Inspection> list, @ContextValue Viewer viewer) {
        return visibleStrata(list, Inspection::drawId, Inspection::stratum, viewer);
    }

    @BatchMapping(typeName = "DrawReplacement", field = "stratum")
    public Map<Replacement, String> stratum_(List<Replacement> list, @ContextValue Viewer viewer) {
        return visibleStrata(list, Replacement::drawId, Replacement::stratum, viewer);
    }

    private <T> Map<T, String> visibleStrata(List<T> list, Function<T, String> drawId, Function<T, String> label, Viewer viewer) {
        Map<String, UnaryOperator<String>> shown = new HashMap<>();
        reads.draws(Batches.keys(list, drawId)).forEach((id, d) -> shown.put(id, StratumDisclosure.labelsFor(viewer, drawService.disclosed(d))));
        Map<T, String> out = new LinkedHashMap<>();
        list.forEach(x -> out.put(x, shown.computeIfAbsent(drawId.apply(x), id -> StratumDisclosure.labelsFor(viewer, null)).apply(label.apply(x))));
        return out;
    }

    @SchemaMapping(typeName = "Draw")
    public String verificationUrl(Draw draw) {
        return "/public/draws/" + draw.id();
    }

    @BatchMapping(typeName = "Draw")
    public Map<Draw, Integer> inspectionCount(List<Draw> list) {
        Map<String, Integer> counts = reads.inspectionCounts(Batches.keys(list, Draw::id));
        Map<Draw, Integer> out = new LinkedHashMap<>();
        list.forEach(d -> out.put(d, counts.getOrDefault(d.id(), 0)));
        return out;
    }

    @SchemaMapping(typeName = "Draw")
    public CompletableFuture<Connection<Inspection>> inspections(Draw draw, @Argument Integer first, @Argument String after,
                                                                 DataLoader<InspectionPageKey, InspectionPage> loader) {
        int size = pages.size(first);
        pages.checkCursor(after);
        return loader.load(new InspectionPageKey(draw.id(), size, after))
                .thenApply(p -> Connection.of(p == null ? Page.<Inspection>empty() : p.page(), after));
    }

    @BatchMapping(typeName = "Draw")
    public Map<Draw, List<Replacement>> replacements(List<Draw> list) {
        return Batches.grouped(list, Draw::id, reads.replacements(Batches.keys(list, Draw::id)));
    }

    // ---- Inspection

    /**
     * NOTICE-07: the visit date of an unannounced inspection is not public before the visit; until the day after it,
     * only the departments that draw or inspect (their trees) and administrators read it.
     */
    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, LocalDate> plannedOn(List<Inspection> list, @ContextValue Viewer viewer) {
        Set<String> unannounced = reads.unannounced(Batches.keys(list, Inspection::taskId));
        LocalDate today = LocalDate.now(clock);
        Map<Inspection, LocalDate> out = new LinkedHashMap<>();
        for (Inspection i : list) {
            boolean secret = i.plannedOn() != null && !today.isAfter(i.plannedOn()) && unannounced.contains(i.taskId());
            boolean insider = viewer.has(Role.ADMIN) || (viewer.hasAny(VISIT_ROLES)
                    && (viewer.reaches(i.drawnBy(), AccessScope.DEPARTMENT_TREE) || viewer.reaches(i.inspectedBy(), AccessScope.DEPARTMENT_TREE)));
            out.put(i, secret && !insider ? null : i.plannedOn());
        }
        return out;
    }

    private static final Set<Role> VISIT_ROLES = Set.of(Role.OFFICER, Role.LEADER, Role.OVERSIGHT, Role.INSPECTOR);

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, Draw> draw(List<Inspection> list) {
        return Batches.byKey(list, Inspection::drawId, reads.draws(Batches.keys(list, Inspection::drawId)));
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, Enterprise> enterprise(List<Inspection> list) {
        return Batches.byKey(list, Inspection::uscc, reads.enterprises(Batches.keys(list, Inspection::uscc)));
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, Department> drawnBy(List<Inspection> list) {
        return Batches.byKey(list, Inspection::drawnBy, reads.departments(Batches.keys(list, Inspection::drawnBy)));
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, Department> inspectedBy(List<Inspection> list) {
        return Batches.byKey(list, Inspection::inspectedBy, reads.departments(Batches.keys(list, Inspection::inspectedBy)));
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, Inspection> deferredTo(List<Inspection> list) {
        return Batches.byKey(list, Inspection::deferredTo, reads.inspections(Batches.keys(list, Inspection::deferredTo)));
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, List<AssignedInspectorView>> inspectors(List<Inspection> list) {
        var assignees = reads.assignees(Batches.keys(list, Inspection::id));
        Map<Inspection, List<AssignedInspectorView>> out = new LinkedHashMap<>();
        list.forEach(i -> out.put(i, assignees.getOrDefault(i.id(), List.of()).stream()
                .map(a -> new AssignedInspectorView(a.inspectorId(), a.position(), a.mode(), a.dropped())).toList()));
        return out;
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, List<SkipView>> skipped(List<Inspection> list) {
        var skipped = reads.skipped(Batches.keys(list, Inspection::id));
        Map<Inspection, List<SkipView>> out = new LinkedHashMap<>();
        list.forEach(i -> out.put(i, skipped.getOrDefault(i.id(), List.of()).stream()
                .map(s -> new SkipView(s.inspector(), s.reason())).toList()));
        return out;
    }

    @BatchMapping(typeName = "AssignedInspector")
    public Map<AssignedInspectorView, Inspector> inspector(List<AssignedInspectorView> list) {
        return Batches.byKey(list, AssignedInspectorView::inspectorId, reads.inspectors(Batches.keys(list, AssignedInspectorView::inspectorId)));
    }

    // ---- AssignmentRun, Trigger

    @BatchMapping(typeName = "AssignmentRun", field = "draw")
    public Map<AssignmentRunView, Draw> draw_(List<AssignmentRunView> list) {
        return Batches.byKey(list, AssignmentRunView::drawId, reads.draws(Batches.keys(list, AssignmentRunView::drawId)));
    }

    @BatchMapping(typeName = "Trigger", field = "enterprise")
    public Map<Trigger, Enterprise> enterprise_(List<Trigger> list) {
        return Batches.byKey(list, Trigger::uscc, reads.enterprises(Batches.keys(list, Trigger::uscc)));
    }

    @BatchMapping(typeName = "Trigger", field = "department")
    public Map<Trigger, Department> department_(List<Trigger> list) {
        return Batches.byKey(list, Trigger::departmentId, reads.departments(Batches.keys(list, Trigger::departmentId)));
    }
}
