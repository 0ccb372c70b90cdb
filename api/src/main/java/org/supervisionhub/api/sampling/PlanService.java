package org.supervisionhub.api.sampling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.TriggerInput;
import org.supervisionhub.domain.sampling.PlanId;
import org.supervisionhub.domain.sampling.SamplingPlan;
import org.supervisionhub.domain.sampling.SamplingTask;
import org.supervisionhub.domain.sampling.TaskData;
import org.supervisionhub.domain.sampling.TaskData.ItemCap;
import org.supervisionhub.domain.sampling.TaskDraft;
import org.supervisionhub.domain.sampling.TaskItem;
import org.supervisionhub.domain.sampling.TaskRules;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.Checklist.Version;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * Plans and their tasks: loads the plan or task (under its lock where it changes), asks the domain's {@link SamplingPlan}
 * or {@link SamplingTask} (drafted, filed, published; after filing every change is an adjustment with who and why,
 * PLAN-09, PLAN-13; a merged or drawn task no longer changes), maps refusals to input paths and persists. A task's input
 * is decided by the domain's {@link TaskDraft}: this service reads what it names (items and their checklists, regions,
 * units, the department's superiors) and passes them as values.
 */
@Service
public class PlanService {

    public static final List<String> RISK_CLASSES = TaskRules.RISK_CLASSES;
    public static final String UNCLASSIFIED = TaskRules.UNCLASSIFIED;
    public static final String ALL = TaskRules.ALL;
    public static final String COMPLAINTS = TaskRules.COMPLAINTS;

    private final PlanRepository plans;
    private final DrawRepository draws;
    private final ChecklistRepository checklists;
    private final OrganisationRepository organisation;
    private final DirectoryRepository directory;
    private final SamplingProperties properties;
    private final org.supervisionhub.graph.sampling.JointRepository joint;
    private final Clock clock;

    public PlanService(PlanRepository plans, DrawRepository draws, ChecklistRepository checklists,
                       OrganisationRepository organisation, DirectoryRepository directory, SamplingProperties properties,
                       org.supervisionhub.graph.sampling.JointRepository joint, Clock clock) {
        this.joint = joint;
        this.plans = plans;
        this.draws = draws;
        this.checklists = checklists;
        this.organisation = organisation;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- plans

    @Transactional
    public Plan createPlan(CreateSamplingPlanInput in) {
        Checks checks = new Checks().require("departmentId", in.departmentId()).require("year", in.year())
                .require("title", in.title());
        checks.addAll(SamplingPlan.validYear(in.year()));
        checks.throwIfAny();
        Department d = department(in.departmentId(), "departmentId");
        boolean planned = plans.plan(PlanId.of(d.id(), in.year()).value()).isPresent();
        SamplingPlan plan = SamplingPlan.draft(d.id(), d.name(), d.superiorId(), in.year(), planned)
                .orElseThrow(DomainRefusals.asArguments());
        String id = plan.id().value();
        plans.createPlan(id, d.id(), in.year(), in.title().strip(), filingDeadline(d, in.year()), now());
        return plans.plan(id).orElseThrow();
    }

    /** PLAN-02/04/08/11: the deadline this department's plan of {@code year} must meet, per its jurisdiction's profile. */
    public LocalDate filingDeadline(Department d, int year) {
        return properties.profileFor(d.regionCode()).deadline(year, d.level());
    }

    /** PLAN-02, PLAN-05: the plan goes to the next-higher department; a department without one publishes directly. */
    @Transactional
    public Plan file(String planId, String actor) {
        Plan plan = locked(planId);
        Department d = department(plan.departmentId(), "id");
        plan.aggregate(d.superiorId()).file(joint.notReady(planId, null)).orElseThrow(DomainRefusals.asArguments());
        plans.file(planId, plan.status(), d.superiorId(), now());
        return plans.plan(planId).orElseThrow();
    }

    /** A filed plan (or, for a department without a superior, a draft) is published (PLAN-02, GEN-08). */
    @Transactional
    public Plan publish(String planId) {
        Plan plan = locked(planId);
        Department d = department(plan.departmentId(), "id");
        plan.aggregate(d.superiorId()).publish(joint.notReady(planId, null)).orElseThrow(DomainRefusals.asArguments());
        plans.publish(planId, plan.status(), now());
        return plans.plan(planId).orElseThrow();
    }

    /** The plan under its write lock, so the status it decides from is the one written over. */
    private Plan locked(String planId) {
        return plans.lock(planId).orElseThrow(() -> new NotFoundException("id", "no sampling plan " + planId));
    }

    // ---- tasks

    @Transactional
    public Task addTask(String planId, SamplingTaskInput in, String reason, String actor) {
        Plan plan = plan(planId, "planId");
        TaskData data = validate(plan, in, "input");
        SamplingPlan.Change change = change(plan, actor, reason);
        String id = plans.createTask(planId, data, now());
        record(change, "task " + id + " added: " + data.title());
        return plans.task(id).orElseThrow();
    }

    @Transactional
    public Task updateTask(String taskId, SamplingTaskInput in, String reason, String actor) {
        // The task's write lock first: a participant's confirmation (which takes it too) then sees this change, or this
        // change sees the confirmation's items (PLAN-15).
        joint.lockTask(taskId);
        Task task = task(taskId, "id");
        requireEditable(task, "id");
        Plan plan = plans.plan(task.planId()).orElseThrow();
        TaskData data = validate(plan, in, "input");
        requireParticipantsFit(taskId, data);
        SamplingPlan.Change change = change(plan, actor, reason);
        plans.updateTask(taskId, data);
        record(change, "task " + taskId + " changed: " + data.title());
        return plans.task(taskId).orElseThrow();
    }

    /**
     * PLAN-03: tasks with the same targets and method merge into the first; its items become the union, its
     * ratio per stratum the highest, its window the union. The others are kept, marked merged.
     */
    @Transactional
    public Task merge(List<String> taskIds, String reason, String actor) {
        requireTwoTasks(taskIds);
        List<String> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        Map<String, Task> found = plans.tasks(ids);
        Map<String, List<org.supervisionhub.graph.sampling.Sampling.Draw>> drawn = draws.drawsOfTasks(ids);
        List<SamplingTask> tasks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Task t = found.get(ids.get(i));
            if (t == null) {
                throw new NotFoundException("taskIds[" + i + "]", "no sampling task " + ids.get(i));
            }
            SamplingTask task = t.aggregate(!drawn.getOrDefault(t.id(), List.of()).isEmpty());
            List<org.supervisionhub.domain.Violation> frozen = task.editable("taskIds[" + i + "]");
            if (!frozen.isEmpty()) {
                throw DomainRefusals.asArguments().apply(frozen);
            }
            tasks.add(task);
        }
        // PLAN-15: the participants agreed to a joint task; it is not merged into or away.
        TaskData merged = SamplingTask.merge(tasks, id -> !joint.ofTask(id.value()).isEmpty()).orElseThrow(DomainRefusals.asArguments());
        String first = ids.get(0);
        Plan plan = plans.plan(found.get(first).planId()).orElseThrow();
        SamplingPlan.Change change = change(plan, actor, reason);
        // The merged task must still respect every item's ratio cap (DRAW-07).
        refuse(merged.capViolations(caps(taskItems(merged.itemIds()).values()), "taskIds"), UnaryOperator.identity());
        plans.updateTask(first, merged);
        plans.markMerged(ids.subList(1, ids.size()), first);
        record(change, "tasks " + String.join(", ", ids.subList(1, ids.size())) + " merged into " + first);
        return plans.task(first).orElseThrow();
    }

    /** PLAN-03: a merge names at least two different tasks (checked before any scope check). */
    public static void requireTwoTasks(List<String> taskIds) {
        List<org.supervisionhub.domain.Violation> two = SamplingTask.twoToMerge(taskIds);
        if (!two.isEmpty()) {
            throw DomainRefusals.asArguments().apply(two);
        }
    }

    /** Groups of active tasks of a plan that share targets and method and should be merged (PLAN-03). */
    public List<List<Task>> mergeable(List<Task> tasks) {
        return SamplingTask.mergeable(tasks, Task::data, Task::active);
    }

    // ---- coverage (PLAN-10)

    public record Coverage(String departmentId, int year, int checklistItems, List<Item> uncovered) {
        public int covered() {
            return checklistItems - uncovered.size();
        }
    }

    public Coverage coverage(String departmentId, int year) {
        department(departmentId, "departmentId");
        List<String> ids = plans.uncoveredItems(departmentId, year);
        List<Item> items = List.copyOf(checklists.itemsById(ids).values());
        return new Coverage(departmentId, year, plans.checklistItemCount(departmentId), items);
    }

    // ---- triggers (TRIG-01, TRIG-02)

    @Transactional
    public String recordTrigger(TriggerInput in) {
        Checks checks = new Checks().require("type", in.type()).require("departmentId", in.departmentId())
                .require("occurredOn", in.occurredOn());
        String uscc = checks.uscc("uscc", in.uscc());
        // TRIG-01: the domain decides the type, the date and the description.
        checks.addAll(TaskRules.trigger(in.type(), in.occurredOn(), in.description(), LocalDate.now(clock)));
        checks.throwIfAny();
        department(in.departmentId(), "departmentId");
        if (directory.enterprises(List.of(uscc)).isEmpty()) {
            throw new NotFoundException("uscc", "no enterprise " + uscc + " in the target roster");
        }
        return plans.createTrigger(in.type(), uscc, in.departmentId(), in.occurredOn(), in.description(), in.sourceRef(), now());
    }

    // ---- validation

    /** The task the input describes, as the domain decides it (refusals at {@code p}'s paths), from what it names in the graph. */
    private TaskData validate(Plan plan, SamplingTaskInput in, String p) {
        Department d = organisation.department(plan.departmentId()).orElseThrow();
        TaskDraft draft = draft(in);
        List<String> regions = draft.namedRegions();
        TaskDraft.Facts facts = new TaskDraft.Facts(plan.year(), d.id(), d.level(), departmentChain(d), taskItems(draft.namedItems()),
                regions.isEmpty() ? Set.of() : organisation.regions(regions).keySet(), unitDepartments(draft.namedUnits()));
        return draft.validate(facts).orElseThrow(DomainRefusals.at(s -> p + "." + s));
    }

    private static TaskDraft draft(SamplingTaskInput in) {
        var c = in.criteria();
        var cr = in.complaintRule();
        var ts = in.triggerScope();
        var rs = in.rosterScope();
        return new TaskDraft(in.title(), in.kind(), in.itemIds(), in.method(), in.mode(),
                c == null ? null : new TaskDraft.Criteria(c.orgTypes(), c.scales(), c.industries(), c.regionCodes()), in.strataBy(),
                in.strata() == null ? null : in.strata().stream().map(r -> new TaskDraft.Stratum(r.label(), r.ratio())).toList(),
                cr == null ? null : new TaskDraft.Complaints(cr.minComplaints(), cr.withinDays(), cr.ratio()),
                ts == null ? null : new TaskDraft.Triggers(ts.types(), ts.from(), ts.to()), in.windowStart(), in.windowEnd(),
                in.batches(), in.inspectorsPerInspection(), in.expertise(),
                rs == null ? null : new TaskDraft.Roster(rs.unitIds(), rs.neighbouringRegions()), in.origin(), in.dispatchLevel(),
                in.announced());
    }

    /**
     * The items {@code ids} names that exist, with what the domain's item rules read of their checklist versions
     * (CHK-07, CHK-09, METH-01, DRAW-07).
     */
    Map<String, TaskItem> taskItems(Collection<String> ids) {
        Map<String, Item> items = itemsById(ids);
        Map<String, Version> versions = items.isEmpty() ? Map.of()
                : checklists.versions(items.values().stream().map(Item::versionId).distinct().toList());
        Map<String, TaskItem> out = new java.util.LinkedHashMap<>();
        items.forEach((id, i) -> {
            Version v = versions.get(i.versionId());
            out.put(id, new TaskItem(i.id(), i.code(), i.methods(), "GENERAL".equals(i.itemClass()), i.ratioCap(), v != null && v.published(),
                    v == null ? null : v.departmentId(), v == null ? null : v.kind()));
        });
        return out;
    }

    /** ASSIGN-07: the department of each unit of {@code unitIds} that exists. */
    Map<String, String> unitDepartments(List<String> unitIds) {
        Map<String, String> out = new java.util.HashMap<>();
        if (!unitIds.isEmpty()) {
            organisation.units(unitIds).forEach((id, u) -> out.put(id, u.departmentId()));
        }
        return out;
    }

    static List<ItemCap> caps(Collection<TaskItem> items) {
        return items.stream().map(TaskItem::cap).toList();
    }

    /** Throws the domain's violations (each once) at {@code path}, if any. */
    static void refuse(List<org.supervisionhub.domain.Violation> violations, UnaryOperator<String> path) {
        if (!violations.isEmpty()) {
            throw DomainRefusals.at(path).apply(List.copyOf(new LinkedHashSet<>(violations)));
        }
    }

    static final UnaryOperator<String> INPUT = s -> "input." + s;

    // ---- helpers

    /**
     * PLAN-15: a joint task's participants contributed items valid for its kind (CHK-09), method (METH-01) and ratios
     * (DRAW-07); the lead's change must keep every confirmed participant's items valid, or it is refused naming the field
     * it changed. The participants change their own items (confirmJointParticipation), never the lead.
     */
    private void requireParticipantsFit(String taskId, TaskData data) {
        List<org.supervisionhub.domain.Violation> refused = new ArrayList<>();
        for (var p : joint.ofTask(taskId)) {
            if (p.confirmed() && !p.itemIds().isEmpty()) {
                refused.addAll(TaskRules.participantFits(data, taskId, p.departmentId(), taskItems(p.itemIds()).values()));
            }
        }
        refuse(refused, INPUT);
    }

    private Map<String, Item> itemsById(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : checklists.itemsById(ids);
    }

    /** CHK-07: {@code d} and its superiors, whose published checklists its tasks take items of. */
    Set<String> departmentChain(Department d) {
        Set<String> chain = new LinkedHashSet<>();
        Department cur = d;
        while (cur != null && chain.add(cur.id())) {
            cur = cur.superiorId() == null ? null : organisation.department(cur.superiorId()).orElse(null);
        }
        return chain;
    }

    /** PLAN-09: the plan accepts a change by {@code actor} (after filing, an adjustment with a reason) or refuses it. */
    SamplingPlan.Change change(Plan plan, String actor, String reason) {
        // After filing, filedWith is the superior; the superior matters only for filing and publishing, not for a change.
        return plan.aggregate(plan.filedWith()).change(actor, reason).orElseThrow(DomainRefusals.asArguments());
    }

    /** PLAN-09, PLAN-13: an adjustment is recorded with who made it and why. */
    void record(SamplingPlan.Change change, String what) {
        if (change.adjustment()) {
            plans.adjust(change.plan().value(), change.actor(), change.reason(), what, now());
        }
    }

    /** PLAN-03, DRAW-01: a task merged away, or whose pool a committed draw froze, no longer changes. */
    void requireEditable(Task task, String field) {
        boolean drawn = !draws.drawsOfTasks(List.of(task.id())).getOrDefault(task.id(), List.of()).isEmpty();
        List<org.supervisionhub.domain.Violation> frozen = task.aggregate(drawn).editable(field);
        if (!frozen.isEmpty()) {
            throw DomainRefusals.asArguments().apply(frozen);
        }
    }

    Plan plan(String id, String field) {
        return plans.plan(id).orElseThrow(() -> new NotFoundException(field, "no sampling plan " + id));
    }

    Task task(String id, String field) {
        return plans.task(id).orElseThrow(() -> new NotFoundException(field, "no sampling task " + id));
    }

    Department department(String id, String field) {
        return organisation.department(id).orElseThrow(() -> new NotFoundException(field, "no department " + id));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
