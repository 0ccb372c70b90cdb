package org.supervisionhub.api.sampling;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.directory.Directory.Enterprise;
import org.supervisionhub.graph.directory.DirectoryRepository;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.graph.roster.Roster.Inspector;
import org.supervisionhub.graph.roster.RosterRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository.Assignee;
import org.supervisionhub.graph.sampling.AssignmentRepository.EligibleGroup;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.JointRepository;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.sampling.Sampling.Adjustment;
import org.supervisionhub.graph.sampling.Sampling.Assignment;
import org.supervisionhub.graph.sampling.Sampling.Deferral;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Participation;
import org.supervisionhub.graph.sampling.Sampling.ParticipationStatus;
import org.supervisionhub.graph.sampling.Sampling.Plan;
import org.supervisionhub.graph.sampling.Sampling.Replacement;
import org.supervisionhub.graph.sampling.Sampling.Skip;
import org.supervisionhub.graph.sampling.Sampling.Substitution;
import org.supervisionhub.graph.sampling.Sampling.Task;
import org.supervisionhub.graph.sampling.Sampling.Trigger;
import org.supervisionhub.graph.store.Page;

/**
 * What the sampling and joint-task schemas and the draw documents read, for their controllers (which call services, not
 * repositories): plans, tasks, draws, inspections, assignments, triggers and joint participations, and the departments, enterprises, items and inspectors they name, loaded in batches.
 */
@Service
@Transactional(readOnly = true)
public class SamplingReads {

    private final PlanRepository plans;
    private final DrawRepository draws;
    private final AssignmentRepository assignments;
    private final OrganisationRepository organisation;
    private final ChecklistRepository checklists;
    private final DirectoryRepository directory;
    private final RosterRepository roster;
    private final JointRepository joint;

    public SamplingReads(PlanRepository plans, DrawRepository draws, AssignmentRepository assignments, OrganisationRepository organisation, ChecklistRepository checklists,
                         DirectoryRepository directory, RosterRepository roster, JointRepository joint) {
        this.joint = joint;
        this.plans = plans;
        this.draws = draws;
        this.assignments = assignments;
        this.organisation = organisation;
        this.checklists = checklists;
        this.directory = directory;
        this.roster = roster;
    }

    // ---- plans, tasks, triggers

    public Optional<Plan> plan(String id) {
        return plans.plan(id);
    }

    public Map<String, Plan> plans(Collection<String> ids) {
        return plans.plans(ids);
    }

    public Page<Plan> list(Collection<String> departmentIds, Integer year, String status, Collection<String> draftsOf, int first, String after) {
        return plans.list(departmentIds, year, status, draftsOf, first, after);
    }

    public Map<String, List<Adjustment>> adjustments(Collection<String> planIds) {
        return plans.adjustments(planIds);
    }

    public Optional<Task> task(String id) {
        return plans.task(id);
    }

    public Map<String, Task> tasks(Collection<String> ids) {
        return plans.tasks(ids);
    }

    public Map<String, List<Task>> tasksOf(Collection<String> planIds) {
        return plans.tasksOf(planIds);
    }

    public Set<String> unannounced(Collection<String> taskIds) {
        return plans.unannounced(taskIds);
    }

    public Map<String, Trigger> triggers(Collection<String> ids) {
        return plans.triggers(ids);
    }

    public Page<Trigger> listTriggers(Collection<String> departmentIds, String uscc, List<String> types, int first, String after) {
        return plans.listTriggers(departmentIds, uscc, types, first, after);
    }

    // ---- draws and inspections

    public Optional<Draw> draw(String id) {
        return draws.draw(id);
    }

    public Map<String, Draw> draws(Collection<String> ids) {
        return draws.draws(ids);
    }

    public Map<String, List<Draw>> drawsOfTasks(Collection<String> taskIds) {
        return draws.drawsOfTasks(taskIds);
    }

    public Page<Draw> newest(Collection<String> departmentIds, String status, int first, String after, int skip) {
        return draws.newest(departmentIds, status, first, after, skip);
    }

    public Map<String, Integer> inspectionCounts(Collection<String> drawIds) {
        return draws.inspectionCounts(drawIds);
    }

    public Map<String, List<Replacement>> replacements(Collection<String> drawIds) {
        return draws.replacements(drawIds);
    }

    public Map<String, Inspection> inspections(Collection<String> ids) {
        return draws.inspections(ids);
    }

    public Map<String, List<Inspection>> inspectionPages(Collection<String> drawIds, int limit, String afterId) {
        return draws.inspectionPages(drawIds, limit, afterId);
    }

    public Map<String, List<Inspection>> inspectionsOfEnterprises(Collection<String> usccs) {
        return draws.inspectionsOfEnterprises(usccs);
    }

    public List<Inspection> inspectionsOfDraw(String drawId, InspectionStatus status) {
        return draws.inspectionsOfDraw(drawId, status);
    }

    public List<Replacement> replacements(String drawId) {
        return draws.replacements(drawId);
    }

    public List<Deferral> deferrals(String drawId) {
        return draws.deferrals(drawId);
    }

    public List<EligibleGroup> eligibleGroups(String drawId) {
        return assignments.eligibleGroups(drawId);
    }

    public List<Assignment> assignments(String drawId, Map<String, List<String>> eligibleByGroup) {
        return assignments.assignments(drawId, eligibleByGroup);
    }

    public List<Substitution> substitutions(String drawId) {
        return assignments.substitutions(drawId);
    }

    public Map<String, List<Assignee>> assignees(Collection<String> inspectionIds) {
        return assignments.assignees(inspectionIds);
    }

    public Map<String, List<Skip>> skipped(Collection<String> inspectionIds) {
        return assignments.skipped(inspectionIds);
    }

    // ---- joint tasks (PLAN-15)

    public List<Participation> ofTask(String taskId) {
        return joint.ofTask(taskId);
    }

    public Map<String, List<Participation>> ofTasks(Collection<String> taskIds) {
        return joint.ofTasks(taskIds);
    }

    public List<Participation> ofDepartments(Collection<String> departmentIds, ParticipationStatus status) {
        return joint.ofDepartments(departmentIds, status);
    }

    public Map<String, List<Inspection>> partsOf(Collection<String> leadIds) {
        return joint.partsOf(leadIds);
    }

    public Set<String> jointLeads(Collection<String> inspectionIds) {
        return joint.jointLeads(inspectionIds);
    }

    // ---- what they name

    public Map<String, Department> departments(Collection<String> ids) {
        return organisation.departments(ids);
    }

    public List<String> departmentAndSubordinates(String id) {
        return organisation.departmentAndSubordinates(id);
    }

    public Map<String, Item> itemsById(Collection<String> ids) {
        return checklists.itemsById(ids);
    }

    public Map<String, Enterprise> enterprises(Collection<String> usccs) {
        return directory.enterprises(usccs);
    }

    public Map<String, Inspector> inspectors(Collection<String> ids) {
        return roster.inspectors(ids);
    }
}
