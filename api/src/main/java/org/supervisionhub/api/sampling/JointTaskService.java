package org.supervisionhub.api.sampling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.sampling.SamplingInputs.ParticipationInput;
import org.supervisionhub.domain.sampling.JointParticipation;
import org.supervisionhub.domain.sampling.SamplingPlan;
import org.supervisionhub.domain.sampling.TaskData.RosterScope;
import org.supervisionhub.domain.sampling.TaskItem;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.sampling.JointRepository;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.sampling.Sampling.Participation;
import org.supervisionhub.graph.sampling.Sampling.ParticipationStatus;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * Joint tasks (部门联合抽查, PLAN-15, ASSIGN-13): the task's department leads and invites departments of any sector and
 * level within its jurisdiction; each answers, and a confirmed participant contributes items of its own checklists, its
 * roster scope and how many inspectors it sends. Nothing changes once the task has a draw (its pool and parts are
 * frozen); after the plan is filed every change is an adjustment of the lead's plan, with who and why (PLAN-09).
 */
@Service
public class JointTaskService {

    private final JointRepository joint;
    private final PlanRepository plans;
    private final PlanService planService;
    private final OrganisationRepository organisation;
    private final Clock clock;

    public JointTaskService(JointRepository joint, PlanRepository plans, PlanService planService, OrganisationRepository organisation,
                            Clock clock) {
        this.joint = joint;
        this.plans = plans;
        this.planService = planService;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** PLAN-15: invites {@code departmentIds} to the lead's task. */
    @Transactional
    public Task invite(String taskId, List<String> departmentIds, String reason, String actor) {
        Task task = openTask(taskId, "taskId");
        Plan plan = plans.plan(task.planId()).orElseThrow();
        Department lead = planService.department(task.departmentId(), "taskId");
        new Checks().require("departmentIds", departmentIds).throwIfAny();
        List<String> ids = departmentIds.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
        Map<String, String> regionOf = new HashMap<>();
        organisation.departments(ids).forEach((id, d) -> regionOf.put(id, d.regionCode()));
        Set<String> invited = new HashSet<>();
        joint.ofTask(taskId).forEach(p -> invited.add(p.departmentId()));
        Checks checks = new Checks();
        // PLAN-15: the domain decides whom the lead may invite.
        checks.addAll(JointParticipation.invitable(lead.id(), lead.regionCode(), Set.copyOf(organisation.regionAndDescendants(lead.regionCode())),
                invited, ids, regionOf));
        checks.throwIfAny();
        SamplingPlan.Change change = planService.change(plan, actor, reason);
        joint.invite(taskId, ids, actor, now());
        planService.record(change, "task " + taskId + ": " + String.join(", ", ids) + " invited to take part jointly");
        return plans.task(taskId).orElseThrow();
    }

    /** PLAN-15: the invited department confirms with its items, roster scope and inspector count (again to change them). */
    @Transactional
    public Participation confirm(String taskId, String departmentId, ParticipationInput in, String reason, String actor) {
        Task task = openTask(taskId, "taskId");
        Participation participation = invitation(task, departmentId);
        Department d = planService.department(departmentId, "departmentId");
        Checks checks = new Checks().require("input.itemIds", in.itemIds()).require("input.inspectorCount", in.inspectorCount());
        List<String> itemIds = in.itemIds() == null ? null : in.itemIds().stream().filter(Objects::nonNull).distinct().toList();
        List<String> unitIds = in.rosterScope() == null || in.rosterScope().unitIds() == null ? List.of()
                : in.rosterScope().unitIds().stream().filter(Objects::nonNull).distinct().toList();
        // PLAN-15, ASSIGN-13 (CHK-07: items of its own checklists or its superiors', never the lead's or another's): the domain decides.
        Map<String, TaskItem> items = planService.taskItems(itemIds == null ? List.of() : itemIds);
        DomainRefusals.violations(JointParticipation.confirmable(task.data(), d.id(), planService.departmentChain(d), itemIds, items,
                in.inspectorCount(), unitIds, planService.unitDepartments(unitIds)), PlanService.INPUT).forEach(checks::add);
        checks.throwIfAny();
        Plan plan = plans.plan(task.planId()).orElseThrow();
        SamplingPlan.Change change = planService.change(plan, actor, reason);
        boolean neighbours = in.rosterScope() != null && Boolean.TRUE.equals(in.rosterScope().neighbouringRegions());
        joint.answer(participation.id(), ParticipationStatus.CONFIRMED, itemIds, new RosterScope(unitIds, neighbours), in.inspectorCount(), null,
                actor, now());
        planService.record(change, "task " + taskId + ": " + departmentId + " confirmed with "
                + itemIds.size() + " item(s) and " + in.inspectorCount() + " inspector(s)");
        return joint.participation(taskId, departmentId).orElseThrow();
    }

    /** PLAN-15: the invited department declines, with its reason. */
    @Transactional
    public Participation decline(String taskId, String departmentId, String reason, String actor) {
        // PLAN-15: a decline gives its reason.
        new Checks().require("reason", reason).addAll(JointParticipation.declinable(reason)).throwIfAny();
        Task task = openTask(taskId, "taskId");
        Participation participation = invitation(task, departmentId);
        joint.answer(participation.id(), ParticipationStatus.DECLINED, List.of(), null, null, reason.strip(), actor, now());
        Plan plan = plans.plan(task.planId()).orElseThrow();
        // The reason is required above, so the plan accepts the change whatever its status (PLAN-09).
        planService.record(planService.change(plan, actor, reason), "task " + taskId + ": " + departmentId + " declined");
        return joint.participation(taskId, departmentId).orElseThrow();
    }

    /** Participants may see a task (whatever its plan's status) they are invited to. */
    public boolean participates(String taskId, java.util.function.Predicate<String> reaches) {
        return joint.ofTask(taskId).stream().anyMatch(p -> reaches.test(p.departmentId()));
    }

    private Participation invitation(Task task, String departmentId) {
        new Checks().require("departmentId", departmentId).throwIfAny();
        return joint.participation(task.id(), departmentId).orElseThrow(() -> InvalidInputException.of("departmentId",
                ErrorCode.NOT_FOUND, departmentId + " is not invited to task " + task.id() + "; only the lead invites", "PLAN-15"));
    }

    /** An active task not yet drawn, locked against a concurrent commit: its participants may still change. */
    private Task openTask(String taskId, String field) {
        // Lock before reading: the task as read (its kind, method, ratios) is then the one the lead's changes wait for.
        boolean drawn = joint.lockTask(taskId);
        Task task = planService.task(taskId, field);
        // PLAN-03, DRAW-01: merged away or drawn, its participants are frozen with it.
        List<org.supervisionhub.domain.Violation> frozen = task.aggregate(drawn).editable(field);
        if (!frozen.isEmpty()) {
            throw DomainRefusals.asArguments().apply(frozen);
        }
        return task;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
