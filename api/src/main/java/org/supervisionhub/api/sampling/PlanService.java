package org.supervisionhub.api.sampling;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.graphql.Checks;
import org.supervisionhub.api.graphql.DomainRefusals;
import org.supervisionhub.api.graphql.ErrorCode;
import org.supervisionhub.api.graphql.NotFoundException;
import org.supervisionhub.api.sampling.SamplingInputs.CreateSamplingPlanInput;
import org.supervisionhub.api.sampling.SamplingInputs.SamplingTaskInput;
import org.supervisionhub.api.sampling.SamplingInputs.StratumRatioInput;
import org.supervisionhub.api.sampling.SamplingInputs.TriggerInput;
import org.supervisionhub.domain.sampling.DrawMode;
import org.supervisionhub.domain.sampling.DrawOrigin;
import org.supervisionhub.domain.sampling.InspectionMethod;
import org.supervisionhub.domain.sampling.PlanId;
import org.supervisionhub.domain.sampling.SamplingPlan;
import org.supervisionhub.domain.sampling.SamplingTask;
import org.supervisionhub.domain.sampling.TaskData;
import org.supervisionhub.domain.sampling.TaskData.ComplaintRule;
import org.supervisionhub.domain.sampling.TaskData.Criteria;
import org.supervisionhub.domain.sampling.TaskData.ItemCap;
import org.supervisionhub.domain.sampling.TaskData.RosterScope;
import org.supervisionhub.domain.sampling.TaskData.StratumRatio;
import org.supervisionhub.domain.sampling.TaskData.TriggerScope;
import org.supervisionhub.domain.sampling.TaskKind;
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
 * PLAN-09, PLAN-13; a merged or drawn task no longer changes), maps refusals to input paths and persists. Checking a
 * task's input against the checklists, regions and units it names stays here.
 */
@Service
public class PlanService {

    public static final List<String> RISK_CLASSES = List.of("A", "B", "C", "D");
    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    public static final String ALL = "ALL";
    public static final String COMPLAINTS = "COMPLAINTS";
    static final Set<String> METHODS = names(InspectionMethod.values());
    static final Set<String> TRIGGER_TYPES = Set.of("COMPLAINT_REPORT", "REFERRAL_ASSIGNMENT", "NETWORK_MONITORING",
            "RISK_PREVENTION", "CREDIT_RISK_CLASSIFICATION");
    static final Set<String> ORG_TYPES = Set.of("COMPANY", "INDIVIDUAL_BUSINESS", "PRIVATE_NON_ENTERPRISE_UNIT", "PARTNERSHIP",
            "FOUNDATION", "STATE_ORGAN", "PUBLIC_INSTITUTION", "SOCIAL_ORGANISATION");
    static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY");

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
        Checks checks = new Checks().require("input.departmentId", in.departmentId()).require("input.year", in.year())
                .require("input.title", in.title());
        DomainRefusals.violations(SamplingPlan.validYear(in.year()), s -> "input." + s).forEach(checks::add);
        checks.throwIfAny();
        Department d = department(in.departmentId(), "input.departmentId");
        boolean planned = plans.plan(PlanId.of(d.id(), in.year()).value()).isPresent();
        SamplingPlan plan = SamplingPlan.draft(d.id(), d.name(), d.superiorId(), in.year(), planned)
                .orElseThrow(DomainRefusals.at(s -> "input." + s));
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
        Checks checks = new Checks();
        checkCaps(merged, itemsById(merged.itemIds()), "taskIds", checks);
        checks.throwIfAny();
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
        Checks checks = new Checks().require("input.type", in.type()).require("input.departmentId", in.departmentId())
                .require("input.occurredOn", in.occurredOn());
        String uscc = checks.uscc("input.uscc", in.uscc());
        checks.check(in.type() == null || TRIGGER_TYPES.contains(in.type()), "input.type", ErrorCode.INVALID_VALUE,
                "type must be one of " + TRIGGER_TYPES, "TRIG-01");
        checks.check(in.occurredOn() == null || !in.occurredOn().isAfter(LocalDate.now(clock)), "input.occurredOn", ErrorCode.INVALID_VALUE,
                "a trigger cannot have occurred in the future", null);
        checks.check(in.description() == null || in.description().length() <= 2000, "input.description", ErrorCode.INVALID_VALUE,
                "at most 2000 characters", null);
        checks.throwIfAny();
        department(in.departmentId(), "input.departmentId");
        if (directory.enterprises(List.of(uscc)).isEmpty()) {
            throw new NotFoundException("input.uscc", "no enterprise " + uscc + " in the target roster");
        }
        return plans.createTrigger(in.type(), uscc, in.departmentId(), in.occurredOn(), in.description(), in.sourceRef(), now());
    }

    // ---- validation

    private TaskData validate(Plan plan, SamplingTaskInput in, String p) {
        Department d = organisation.department(plan.departmentId()).orElseThrow();
        Checks checks = new Checks().require(p + ".title", in.title()).require(p + ".itemIds", in.itemIds())
                .require(p + ".method", in.method()).require(p + ".windowStart", in.windowStart())
                .require(p + ".windowEnd", in.windowEnd()).require(p + ".strata", in.strata());
        String kind = in.kind() == null ? "REGULAR" : in.kind();
        String mode = in.mode() == null ? "UNDIRECTED" : in.mode();
        checks.check(in.method() == null || METHODS.contains(in.method()), p + ".method", ErrorCode.INVALID_VALUE, "unknown inspection method", "METH-01");

        // Items: published checklist versions only, of this department or a superior (CHK-07), of the task's kind (CHK-09).
        List<String> itemIds = in.itemIds() == null ? List.of() : in.itemIds().stream().distinct().toList();
        checks.check(in.itemIds() == null || !itemIds.isEmpty(), p + ".itemIds", ErrorCode.REQUIRED, "a task inspects at least one item", "PLAN-01");
        Map<String, Item> items = checkItems(d, kind, in.method(), itemIds, p + ".itemIds", checks);

        // Targets (DRAW-05).
        Criteria criteria = criteria(in, p, checks);
        boolean anyCriterion = !criteria.orgTypes().isEmpty() || !criteria.scales().isEmpty() || !criteria.industries().isEmpty()
                || !criteria.regionCodes().isEmpty();
        checks.check(names(DrawMode.values()).contains(mode), p + ".mode", ErrorCode.INVALID_VALUE, "UNDIRECTED or DIRECTED", "DRAW-05");
        checks.check(!"UNDIRECTED".equals(mode) || !anyCriterion, p + ".criteria", ErrorCode.INVALID_VALUE,
                "an undirected draw has no criteria; use mode DIRECTED", "DRAW-05");
        checks.check(!"DIRECTED".equals(mode) || anyCriterion || "TRIGGERED".equals(kind), p + ".criteria", ErrorCode.REQUIRED,
                "a directed draw names at least one criterion (type, scale, industry, region)", "DRAW-05");

        // Strata and ratios (DRAW-08, DRAW-07, DRAW-09).
        String strataBy = in.strataBy() == null ? "CREDIT_RISK_CLASS" : in.strataBy();
        List<StratumRatio> strata = strata(in.strata(), strataBy, p, checks);
        ComplaintRule rule = complaintRule(in, strata, p, checks);
        int batches = in.batches() == null ? 1 : in.batches();
        checks.check(batches >= 1 && batches <= 12, p + ".batches", ErrorCode.INVALID_VALUE, "between 1 and 12 batches", "DRAW-03");

        // Triggered sampling (TRIG-01, TRIG-03).
        TriggerScope triggerScope = null;
        checks.check(names(TaskKind.values()).contains(kind), p + ".kind", ErrorCode.INVALID_VALUE, "REGULAR or TRIGGERED", "CHK-09");
        if ("TRIGGERED".equals(kind)) {
            var ts = in.triggerScope();
            checks.check(ts != null && ts.types() != null && !ts.types().isEmpty(), p + ".triggerScope.types", ErrorCode.REQUIRED,
                    "a triggered task names the trigger types it draws from", "TRIG-01");
            if (ts != null && ts.types() != null) {
                for (int i = 0; i < ts.types().size(); i++) {
                    checks.check(TRIGGER_TYPES.contains(ts.types().get(i)), p + ".triggerScope.types[" + i + "]", ErrorCode.INVALID_VALUE,
                            "unknown trigger type", "TRIG-01");
                }
                checks.require(p + ".triggerScope.from", ts.from()).require(p + ".triggerScope.to", ts.to())
                        .notBefore(p + ".triggerScope.to", ts.to(), p + ".triggerScope.from", ts.from());
                triggerScope = new TriggerScope(List.copyOf(ts.types()), ts.from(), ts.to());
            }
        } else {
            checks.check(in.triggerScope() == null, p + ".triggerScope", ErrorCode.INVALID_VALUE, "only TRIGGERED tasks have a trigger scope", "TRIG-01");
        }

        // Time window inside the plan year (PLAN-17).
        checks.notBefore(p + ".windowEnd", in.windowEnd(), p + ".windowStart", in.windowStart());
        checks.check(in.windowStart() == null || in.windowStart().getYear() == plan.year(), p + ".windowStart", ErrorCode.INVALID_VALUE,
                "the window lies in the plan's year " + plan.year(), "PLAN-17");
        checks.check(in.windowEnd() == null || in.windowEnd().getYear() == plan.year(), p + ".windowEnd", ErrorCode.INVALID_VALUE,
                "the window lies in the plan's year " + plan.year(), "PLAN-17");

        // Inspectors (ASSIGN-02, ASSIGN-07/08).
        int m = in.inspectorsPerInspection() == null ? 2 : in.inspectorsPerInspection();
        checks.check(m >= 2 && m <= 10, p + ".inspectorsPerInspection", ErrorCode.INVALID_VALUE, "at least two inspectors inspect (at most 10)", "ASSIGN-02");
        List<String> unitIds = in.rosterScope() == null || in.rosterScope().unitIds() == null ? List.of()
                : in.rosterScope().unitIds().stream().distinct().toList();
        if (!unitIds.isEmpty()) {
            var units = organisation.units(unitIds);
            for (int i = 0; i < unitIds.size(); i++) {
                var u = units.get(unitIds.get(i));
                checks.check(u != null && u.departmentId().equals(d.id()), p + ".rosterScope.unitIds[" + i + "]", ErrorCode.INVALID_VALUE,
                        "unit " + unitIds.get(i) + " is not a unit of " + d.id(), "ASSIGN-07");
            }
        }
        boolean neighbours = in.rosterScope() != null && Boolean.TRUE.equals(in.rosterScope().neighbouringRegions());
        List<String> expertise = in.expertise() == null ? List.of() : in.expertise().stream().filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();

        // Origin (DRAW-14, DRAW-15).
        String origin = in.origin() == null ? "SELF" : in.origin();
        String dispatchLevel = null;
        checks.check(names(DrawOrigin.values()).contains(origin), p + ".origin", ErrorCode.INVALID_VALUE, "SELF or SUPERIOR_UNIFIED", "DRAW-14");
        if ("SUPERIOR_UNIFIED".equals(origin)) {
            dispatchLevel = in.dispatchLevel() == null ? "COUNTY" : in.dispatchLevel();
            checks.check(LEVELS.contains(dispatchLevel) && LEVELS.indexOf(dispatchLevel) > LEVELS.indexOf(d.level()),
                    p + ".dispatchLevel", ErrorCode.INVALID_VALUE, "a unified draw dispatches to a level below " + d.level(), "DRAW-14");
        } else {
            checks.check(in.dispatchLevel() == null, p + ".dispatchLevel", ErrorCode.INVALID_VALUE, "only SUPERIOR_UNIFIED tasks dispatch", "DRAW-14");
        }
        checks.throwIfAny();
        // Every name below was checked above (the schema's enums say the same).
        TaskData data = new TaskData(in.title().strip(), TaskKind.valueOf(kind), itemIds, InspectionMethod.valueOf(in.method()),
                DrawMode.valueOf(mode), criteria, strataBy, strata, rule, triggerScope, in.windowStart(), in.windowEnd(), batches, m,
                expertise, new RosterScope(unitIds, neighbours), DrawOrigin.valueOf(origin), dispatchLevel,
                in.announced() == null || in.announced());
        checkCaps(data, items, p + ".strata", checks);
        checks.throwIfAny();
        return data;
    }

    /**
     * CHK-07, CHK-09, METH-01: the items exist, are in published checklist versions of {@code d} or one of its superiors,
     * of the task's kind, and allow its method. Violations go to {@code checks} under {@code field[i]}.
     */
    Map<String, Item> checkItems(Department d, String kind, String method, List<String> itemIds, String field, Checks checks) {
        Map<String, Item> items = itemsById(itemIds);
        Map<String, Version> versions = checklists.versions(items.values().stream().map(Item::versionId).distinct().toList());
        Set<String> chain = departmentChain(d);
        for (int i = 0; i < itemIds.size(); i++) {
            String f = field + "[" + i + "]";
            Item item = items.get(itemIds.get(i));
            if (item == null) {
                checks.add(new org.supervisionhub.api.graphql.Violation(f, ErrorCode.NOT_FOUND, "no inspection item " + itemIds.get(i), "CHK-07"));
                continue;
            }
            Version v = versions.get(item.versionId());
            checks.check(v.published(), f, ErrorCode.INVALID_VALUE, "item " + item.id() + " is in a draft checklist; only published items"
                    + " may be inspected", "CHK-07");
            checks.check(chain.contains(v.departmentId()), f, ErrorCode.INVALID_VALUE, "item " + item.id() + " is on the checklist of "
                    + v.departmentId() + ", which is not " + d.id() + " or one of its superiors", "CHK-07");
            checks.check(kind.equals(v.kind()), f, ErrorCode.INVALID_VALUE, "a " + kind + " task takes items of " + kind
                    + " checklists; " + item.id() + " is " + v.kind(), "CHK-09");
            checks.check(method == null || item.methods().contains(method), f, ErrorCode.INVALID_VALUE,
                    "item " + item.code() + " is not inspected by " + method + " (it allows " + item.methods() + ")", "METH-01");
        }
        return items;
    }

    private Criteria criteria(SamplingTaskInput in, String p, Checks checks) {
        var c = in.criteria();
        if (c == null) {
            return Criteria.NONE;
        }
        List<String> orgTypes = clean(c.orgTypes());
        for (int i = 0; i < orgTypes.size(); i++) {
            checks.check(ORG_TYPES.contains(orgTypes.get(i)), p + ".criteria.orgTypes[" + i + "]", ErrorCode.INVALID_VALUE, "unknown org type", "DRAW-05");
        }
        List<String> regions = clean(c.regionCodes());
        if (!regions.isEmpty()) {
            var found = organisation.regions(regions);
            for (int i = 0; i < regions.size(); i++) {
                checks.check(found.containsKey(regions.get(i)), p + ".criteria.regionCodes[" + i + "]", ErrorCode.NOT_FOUND,
                        "no region " + regions.get(i), "DRAW-05");
            }
        }
        return new Criteria(orgTypes, clean(c.scales()), clean(c.industries()), regions);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private static List<StratumRatio> strata(List<StratumRatioInput> in, String strataBy, String p, Checks checks) {
        if (in == null) {
            return List.of();
        }
        List<StratumRatio> out = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String f = p + ".strata[" + i + "]";
            StratumRatioInput s = in.get(i);
            String label = s.label() == null ? "" : s.label().strip();
            checks.check(labels.add(label), f + ".label", ErrorCode.CONFLICT, "stratum " + label + " appears twice", "DRAW-08");
            if ("CREDIT_RISK_CLASS".equals(strataBy)) {
                checks.check(RISK_CLASSES.contains(label) || UNCLASSIFIED.equals(label), f + ".label", ErrorCode.INVALID_VALUE,
                        "strata by credit-risk class are A, B, C, D (and UNCLASSIFIED)", "DRAW-08");
            } else {
                checks.check(ALL.equals(label), f + ".label", ErrorCode.INVALID_VALUE, "an unstratified task has the single stratum ALL", "DRAW-08");
            }
            BigDecimal ratio = ratio(s.ratio(), f + ".ratio", checks);
            if (ratio != null) {
                out.add(new StratumRatio(label, ratio.toPlainString()));
            }
        }
        checks.check(Set.of("CREDIT_RISK_CLASS", "NONE").contains(strataBy), p + ".strataBy", ErrorCode.INVALID_VALUE,
                "CREDIT_RISK_CLASS or NONE", "DRAW-08");
        if ("CREDIT_RISK_CLASS".equals(strataBy)) {
            checks.check(labels.containsAll(RISK_CLASSES), p + ".strata", ErrorCode.REQUIRED,
                    "sampling is stratified by credit-risk class: give a ratio for each of A, B, C and D", "DRAW-08");
        } else {
            checks.check(labels.size() == 1, p + ".strata", ErrorCode.REQUIRED, "an unstratified task has the single stratum ALL", "DRAW-08");
        }
        return out;
    }

    private static ComplaintRule complaintRule(SamplingTaskInput in, List<StratumRatio> strata, String p, Checks checks) {
        var c = in.complaintRule();
        if (c == null) {
            return null;
        }
        String f = p + ".complaintRule";
        checks.require(f + ".minComplaints", c.minComplaints()).require(f + ".ratio", c.ratio());
        checks.check(c.minComplaints() == null || c.minComplaints() >= 1, f + ".minComplaints", ErrorCode.INVALID_VALUE, "at least 1", "DRAW-09");
        int within = c.withinDays() == null ? 365 : c.withinDays();
        checks.check(within >= 1 && within <= 3660, f + ".withinDays", ErrorCode.INVALID_VALUE, "between 1 and 3660 days", "DRAW-09");
        BigDecimal ratio = ratio(c.ratio(), f + ".ratio", checks);
        if (ratio == null || c.minComplaints() == null) {
            return null;
        }
        // The rule raises the ratio for enterprises with many complaints; it never lowers it (DRAW-09, DRAW-10).
        for (StratumRatio s : strata) {
            checks.check(ratio.compareTo(new BigDecimal(s.ratio())) >= 0, f + ".ratio", ErrorCode.INVALID_VALUE,
                    "the complaint ratio raises sampling: it must be at least the ratio of stratum " + s.label(), "DRAW-09");
        }
        return new ComplaintRule(c.minComplaints(), within, ratio.toPlainString());
    }

    /** An exact decimal in (0, 1], never a binary float (vdraw-1 step 3). */
    static BigDecimal ratio(String raw, String field, Checks checks) {
        if (raw == null || raw.isBlank()) {
            checks.require(field, raw);
            return null;
        }
        try {
            BigDecimal r = new BigDecimal(raw.strip());
            boolean ok = r.signum() > 0 && r.compareTo(BigDecimal.ONE) <= 0 && r.scale() <= 6;
            checks.check(ok, field, ErrorCode.INVALID_VALUE, "a ratio is a decimal in (0, 1] with at most 6 decimals, such as 0.05", "DRAW-04");
            return ok ? r.stripTrailingZeros() : null;
        } catch (NumberFormatException e) {
            checks.check(false, field, ErrorCode.INVALID_VALUE, "a ratio is a decimal such as 0.05", "DRAW-04");
            return null;
        }
    }

    /**
     * DRAW-07: a general item's ratio is capped; key items are not. Every batch may draw its ratio again, so
     * the ratio times the batches must stay within the lowest cap of the task's general items.
     */
    static void checkCaps(TaskData data, Map<String, Item> items, String field, Checks checks) {
        List<ItemCap> caps = items.values().stream().map(i -> new ItemCap(i.code(), "GENERAL".equals(i.itemClass()), i.ratioCap())).toList();
        DomainRefusals.violations(data.capViolations(caps, field), UnaryOperator.identity()).forEach(checks::add);
    }

    // ---- helpers

    /**
     * PLAN-15: a joint task's participants contributed items valid for its kind (CHK-09), method (METH-01) and ratios
     * (DRAW-07); the lead's change must keep every confirmed participant's items valid, or it is refused naming the field
     * it changed. The participants change their own items (confirmJointParticipation), never the lead.
     */
    private void requireParticipantsFit(String taskId, TaskData data) {
        Checks checks = new Checks();
        for (var p : joint.ofTask(taskId)) {
            if (!p.confirmed() || p.itemIds().isEmpty()) {
                continue;
            }
            Map<String, Item> items = itemsById(p.itemIds());
            Map<String, Version> versions = checklists.versions(items.values().stream().map(Item::versionId).distinct().toList());
            for (Item item : items.values()) {
                Version v = versions.get(item.versionId());
                checks.check(v == null || data.kind().name().equals(v.kind()), "input.kind", ErrorCode.INVALID_VALUE, "joint task " + taskId
                        + ": participant " + p.departmentId() + "'s item " + item.code() + " is " + (v == null ? "?" : v.kind())
                        + ", not " + data.kind() + " (PLAN-15: the participant changes its items first)", "CHK-09");
                checks.check(data.method() == null || item.methods().contains(data.method().name()), "input.method", ErrorCode.INVALID_VALUE,
                        "joint task " + taskId + ": participant " + p.departmentId() + "'s item " + item.code() + " is not inspected by "
                        + data.method() + " (it allows " + item.methods() + "; PLAN-15: the participant changes its items first)", "METH-01");
            }
            checkCaps(data, items, "input.strata", checks);
        }
        checks.throwIfAny();
    }

    private Map<String, Item> itemsById(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : checklists.itemsById(ids);
    }

    private Set<String> departmentChain(Department d) {
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

    static Set<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
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
