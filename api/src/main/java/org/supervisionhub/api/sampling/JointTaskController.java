package org.supervisionhub.api.sampling;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.supervisionhub.api.access.Access;
import org.supervisionhub.api.access.AccessScope;
import org.supervisionhub.api.access.Role;
import org.supervisionhub.api.access.Viewer;
import org.supervisionhub.api.graphql.Batches;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.sampling.SamplingController.TaskView;
import org.supervisionhub.api.sampling.SamplingInputs.ParticipationInput;
import org.supervisionhub.domain.sampling.PlanStatus;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Participation;
import org.supervisionhub.graph.sampling.Sampling.ParticipationStatus;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Task;

/** Joint tasks (PLAN-15): invitations, answers, and the participations of a task. Each department acts on its own part. */
@Controller
public class JointTaskController {

    private final JointTaskService service;
    private final SamplingReads reads;

    public JointTaskController(JointTaskService service, SamplingReads reads) {
        this.service = service;
        this.reads = reads;
    }

    @QueryMapping
    public List<Participation> jointInvitations(@Argument String departmentId, @Argument String status, @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return reads.ofDepartments(reads.departmentAndSubordinates(departmentId),
                status == null ? null : ParticipationStatus.valueOf(status));
    }

    @MutationMapping
    public TaskView inviteToJointTask(@Argument String taskId, @Argument List<String> departmentIds, @Argument String reason,
                                      @ContextValue Viewer viewer) {
        // Only the lead (the task's department) invites.
        Task task = reads.task(taskId).orElseThrow(() -> new NotFoundException("taskId", "no sampling task " + taskId));
        Access.requireDepartment(viewer, task.departmentId(), "taskId");
        return TaskView.of(service.invite(taskId, departmentIds, reason, viewer.actor()));
    }

    @MutationMapping
    public Participation confirmJointParticipation(@Argument String taskId, @Argument String departmentId,
                                                   @Argument ParticipationInput input, @Argument String reason,
                                                   @ContextValue Viewer viewer) {
        // A department answers for itself only: acting on another participant's (or the lead's) part is refused.
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return service.confirm(taskId, departmentId, input, reason, viewer.actor());
    }

    @MutationMapping
    public Participation declineJointParticipation(@Argument String taskId, @Argument String departmentId, @Argument String reason,
                                                   @ContextValue Viewer viewer) {
        Access.requireDepartment(viewer, departmentId, "departmentId");
        return service.decline(taskId, departmentId, reason, viewer.actor());
    }

    // ---- SamplingTask

    @BatchMapping(typeName = "SamplingTask")
    public Map<TaskView, Boolean> joint(List<TaskView> tasks) {
        Map<String, List<Participation>> by = reads.ofTasks(Batches.keys(tasks, TaskView::id));
        Map<TaskView, Boolean> out = new LinkedHashMap<>();
        tasks.forEach(t -> out.put(t, !by.getOrDefault(t.id(), List.of()).isEmpty()));
        return out;
    }

    @BatchMapping(typeName = "SamplingTask")
    public Map<TaskView, List<Participation>> participations(List<TaskView> tasks) {
        return Batches.grouped(tasks, TaskView::id, reads.ofTasks(Batches.keys(tasks, TaskView::id)));
    }

    // ---- Inspection

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, Inspection> jointOf(List<Inspection> list) {
        return Batches.byKey(list, Inspection::jointOf, reads.inspections(Batches.keys(list, Inspection::jointOf)));
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, List<Inspection>> jointParts(List<Inspection> list) {
        return Batches.grouped(list, Inspection::id, reads.partsOf(Batches.keys(list, Inspection::id)));
    }

    @BatchMapping(typeName = "Inspection", field = "joint")
    public Map<Inspection, Boolean> jointInspection(List<Inspection> list) {
        Set<String> leads = reads.jointLeads(list.stream().filter(i -> !i.part()).map(Inspection::id).distinct().toList());
        Map<Inspection, Boolean> out = new LinkedHashMap<>();
        list.forEach(i -> out.put(i, i.part() || leads.contains(i.id())));
        return out;
    }

    /** PLAN-15: the departments of the one visit, the lead's first; of a single department's inspection, that department. */
    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, List<Department>> jointDepartments(List<Inspection> list) {
        List<String> visits = list.stream().map(i -> i.part() ? i.jointOf() : i.id()).distinct().toList();
        Map<String, List<Inspection>> parts = reads.partsOf(visits);
        Map<String, Inspection> leads = new LinkedHashMap<>();
        list.stream().filter(i -> !i.part()).forEach(i -> leads.put(i.id(), i));
        List<String> missing = visits.stream().filter(v -> !leads.containsKey(v)).toList();
        if (!missing.isEmpty()) {
            leads.putAll(reads.inspections(missing));
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (String v : visits) {
            Set<String> d = new LinkedHashSet<>();
            Inspection lead = leads.get(v);
            if (lead != null) {
                d.add(lead.inspectedBy() != null ? lead.inspectedBy() : lead.drawnBy());
            }
            parts.getOrDefault(v, List.of()).forEach(p -> d.add(p.inspectedBy()));
            ids.put(v, List.copyOf(d));
        }
        Map<String, Department> departments = reads.departments(ids.values().stream().flatMap(List::stream).distinct().toList());
        Map<Inspection, List<Department>> out = new LinkedHashMap<>();
        list.forEach(i -> out.put(i, ids.getOrDefault(i.part() ? i.jointOf() : i.id(), List.of()).stream().map(departments::get)
                .filter(Objects::nonNull).toList()));
        return out;
    }

    @BatchMapping(typeName = "Inspection")
    public Map<Inspection, String> jointLeader(List<Inspection> list, @ContextValue Viewer viewer) {
        List<String> leads = list.stream().filter(i -> !i.part()).map(Inspection::id).distinct().toList();
        Map<String, List<Inspection>> parts = reads.partsOf(leads);
        var assignees = reads.assignees(parts.keySet());
        Map<Inspection, String> out = new LinkedHashMap<>();
        for (Inspection i : list) {
            List<Inspection> mine = parts.getOrDefault(i.id(), List.of());
            // The team's members are each department's business; its leader is shared within the joint team's departments.
            boolean member = !mine.isEmpty() && (viewer.reaches(i.inspectedBy(), AccessScope.DEPARTMENT_TREE)
                    || mine.stream().anyMatch(p -> viewer.reaches(p.inspectedBy(), AccessScope.DEPARTMENT_TREE)));
            out.put(i, !member ? null : assignees.getOrDefault(i.id(), List.of()).stream().filter(a -> !a.dropped())
                    .map(AssignmentRepository.Assignee::inspectorId).findFirst().orElse(null));
        }
        return out;
    }

    // ---- TaskParticipation

    /** The task, where its plan is visible to the viewer or the viewer's tree takes part in it. */
    @BatchMapping(typeName = "TaskParticipation")
    public Map<Participation, TaskView> task(List<Participation> list, @ContextValue Viewer viewer) {
        Map<String, Task> tasks = reads.tasks(Batches.keys(list, Participation::taskId));
        Map<String, Plan> planById = reads.plans(tasks.values().stream().map(Task::planId).distinct().toList());
        Map<Participation, TaskView> out = new LinkedHashMap<>();
        for (Participation p : list) {
            Task t = tasks.get(p.taskId());
            Plan plan = t == null ? null : planById.get(t.planId());
            boolean visible = plan != null && (plan.status() != PlanStatus.DRAFT || viewer.has(Role.ADMIN)
                    || viewer.hasAny(SamplingController.DRAFT_READERS) && (viewer.reaches(plan.departmentId(), AccessScope.DEPARTMENT_TREE)
                    || viewer.reaches(p.departmentId(), AccessScope.DEPARTMENT_TREE)));
            out.put(p, visible ? TaskView.of(t) : null);
        }
        return out;
    }

    @BatchMapping(typeName = "TaskParticipation")
    public Map<Participation, Department> leadDepartment(List<Participation> list) {
        Map<String, Task> tasks = reads.tasks(Batches.keys(list, Participation::taskId));
        Map<String, Department> departments = reads.departments(tasks.values().stream().map(Task::departmentId).distinct().toList());
        Map<Participation, Department> out = new LinkedHashMap<>();
        list.forEach(p -> out.put(p, departments.get(tasks.get(p.taskId()).departmentId())));
        return out;
    }

    @BatchMapping(typeName = "TaskParticipation")
    public Map<Participation, Department> department(List<Participation> list) {
        return Batches.byKey(list, Participation::departmentId, reads.departments(Batches.keys(list, Participation::departmentId)));
    }

    @BatchMapping(typeName = "TaskParticipation")
    public Map<Participation, List<Item>> items(List<Participation> list) {
        List<String> ids = list.stream().flatMap(p -> p.itemIds().stream()).distinct().toList();
        Map<String, Item> items = ids.isEmpty() ? Map.of() : reads.itemsById(ids);
        Map<Participation, List<Item>> out = new LinkedHashMap<>();
        list.forEach(p -> out.put(p, p.itemIds().stream().map(items::get).filter(Objects::nonNull).toList()));
        return out;
    }
}
