package org.supervisionhub.api.sampling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.DomainRefusals;
import org.supervisionhub.api.errors.NotFoundException;
import org.supervisionhub.api.sampling.Vdraw1.Pick;
import org.supervisionhub.api.sampling.Vdraw1.Ranked;
import org.supervisionhub.domain.sampling.InspectionAssignment;
import org.supervisionhub.domain.sampling.TaskRules;
import org.supervisionhub.domain.sampling.InspectionStatus;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository.Assignee;
import org.supervisionhub.graph.sampling.AssignmentRepository.AssignmentRow;
import org.supervisionhub.graph.sampling.AssignmentRepository.AssignmentState;
import org.supervisionhub.graph.sampling.AssignmentRepository.EligibleGroup;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.PlanRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Inspection;
import org.supervisionhub.graph.sampling.Sampling.Skip;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * Inspectors for drawn inspections, per vdraw-1 steps 13 to 17: random matching from the eligible roster, substitution,
 * neighbouring regions' inspectors and direct assignment. The domain's {@link InspectionAssignment} decides
 * (ASSIGN-01/02/03/04/05/06/08/10/13/14) from what this service reads of the roster; {@link Vdraw1} computes. Every change
 * first takes the draw's write lock, as the draw's own operations do.
 */
@Service
public class AssignmentService {

    private final PlanRepository plans;
    private final DrawRepository draws;
    private final AssignmentRepository assignments;
    private final SamplingProperties properties;
    private final JointParts jointParts;
    private final Clock clock;

    public AssignmentService(PlanRepository plans, DrawRepository draws, AssignmentRepository assignments, SamplingProperties properties,
                             JointParts jointParts, Clock clock) {
        this.plans = plans;
        this.draws = draws;
        this.assignments = assignments;
        this.properties = properties;
        this.jointParts = jointParts;
        this.clock = clock;
    }

    // ---- assignment (steps 13 to 16)

    public record AssignmentRun(String drawId, String departmentId, LocalDate plannedOn, int inspections, int eligible,
                                int workloadCap, int flagged) {
    }

    /**
     * ASSIGN-01, ASSIGN-14: matches inspectors of {@code departmentId} (the task's department, or the one
     * a unified draw dispatched to) to its not yet assigned inspections of the draw, for {@code plannedOn}.
     */
    @Transactional
    public AssignmentRun assign(String drawId, String departmentId, LocalDate plannedOn, String actor) {
        new Checks().require("departmentId", departmentId).require("plannedOn", plannedOn).throwIfAny();
        Draw draw = locked(drawId);
        List<org.supervisionhub.domain.Violation> refused = draw.aggregate().assignable();
        if (!refused.isEmpty()) {
            throw DomainRefusals.at(DrawService.AS_DRAW).apply(refused);
        }
        Task task = plans.task(draw.taskId()).orElseThrow();
        List<org.supervisionhub.domain.Violation> outside = task.data().visitDay(plannedOn, "plannedOn");
        if (!outside.isEmpty()) {
            throw DomainRefusals.asArguments().apply(outside);
        }
        List<Inspection> pending = draws.inspectionsOfDraw(drawId, InspectionStatus.ACTIVE).stream()
                .filter(i -> departmentId.equals(i.inspectedBy()) && i.plannedOn() == null).toList();
        PlanService.refuse(draw.aggregate().waitingFor(departmentId, pending.size()), UnaryOperator.identity());
        jointParts.requireOneVisitDay(task, drawId, plannedOn);
        // A participant of a joint task draws from its own roster scope and sends its own number (ASSIGN-13).
        JointParts.Roster roster = jointParts.roster(task, departmentId);
        List<String> eligible = assignments.eligible(List.of(departmentId), roster.unitIds(), task.data().expertise(), plannedOn);
        int m = roster.required();
        int cap = Vdraw1.workloadCap(m, pending.size(), eligible.size());
        String groupId = drawId + "-G" + (assignments.eligibleGroups(drawId).size() + 1);
        assignments.createEligibleGroup(groupId, drawId, departmentId, plannedOn, eligible, cap, m, pending.size(), now());
        EligibleGroup group = new EligibleGroup(groupId, departmentId, plannedOn, eligible, cap, m, pending.size());
        int flagged = assignGroup(draw, task, pending, group, actor);
        return new AssignmentRun(drawId, departmentId, plannedOn, pending.size(), eligible.size(), cap, flagged);
    }

    /**
     * A draw whose group was already assigned gets a replacement (and each part of it, in its participant's group)
     * assigned at the end of the processing order (step 12 after steps 13 to 16).
     */
    void assignReplacements(Draw draw, Task task, List<String> inspectionIds, String actor) {
        List<EligibleGroup> groups = assignments.eligibleGroups(draw.id());
        for (Inspection i : draws.inspections(inspectionIds).values()) {
            EligibleGroup group = groups.stream().filter(g -> g.inspectedBy().equals(i.inspectedBy())).reduce((a, b) -> b).orElse(null);
            if (group != null && i.status() == InspectionStatus.ACTIVE) {
                assignGroup(draw, task, List.of(i), group, actor);
            }
        }
    }

    /** Steps 14 to 16 for {@code inspections}, processed by rank after any already processed in the draw. */
    private int assignGroup(Draw draw, Task task, List<Inspection> inspections, EligibleGroup group, String actor) {
        byte[] seed = Vdraw1.unhex(draw.seed());
        List<Inspection> ordered = inspections.stream()
                .sorted(Comparator.comparing(Inspection::rank).thenComparing(Inspection::uscc)).toList();
        Map<String, Map<String, List<String>>> recusals = assignments.recusals(ordered.stream().map(Inspection::uscc).toList(),
                group.inspectors(), draw.id(), group.on(), properties.recusalVisitWindowDays());
        Map<String, Integer> loads = groupLoads(draw.id(), group);
        int processed = assignments.lastProcessingOrder(draw.id());
        List<AssignmentRow> rows = new ArrayList<>();
        int flagged = 0;
        for (Inspection i : ordered) {
            List<Ranked> order = Vdraw1.inspectorOrder(seed, i.uscc(), group.inspectors());
            Pick pick = Vdraw1.pick(order, 0, group.required(), group.workloadCap(), loads,
                    recusals.getOrDefault(i.uscc(), Map.of()), Set.of());
            boolean short_ = pick.assigned().size() < group.required();
            flagged += short_ ? 1 : 0;
            rows.add(new AssignmentRow(i.id(), ++processed, group.required(), group.workloadCap(), group.id(), pick.assigned(),
                    skips(pick), short_, "RANDOM", pick.consideredUpTo()));
        }
        assignments.recordAssignments(rows, group.on(), now());
        return flagged;
    }

    private Map<String, Integer> groupLoads(String drawId, EligibleGroup group) {
        Map<String, Integer> loads = new HashMap<>(assignments.loads(drawId));
        loads.keySet().retainAll(Set.copyOf(group.inspectors()));
        return loads;
    }

    private static List<Skip> skips(Pick pick) {
        return pick.skipped().stream().map(s -> new Skip(s.inspector(), s.reason())).toList();
    }

    // ---- substitution (step 17, ASSIGN-04/05) and the exceptions of step 16 (ASSIGN-06/08/10)

    /** Drops an assigned inspector and takes the next one in the inspection's order who is not skipped. */
    @Transactional
    public Inspection substitute(String inspectionId, String inspectorId, String reason, String actor) {
        Checks checks = new Checks().require("inspectorId", inspectorId).require("reason", reason);
        checks.addAll(TaskRules.reasonLength(reason, "reason"));
        checks.throwIfAny();
        Locked locked = lockedInspection(inspectionId);
        Inspection inspection = locked.inspection();
        List<Assignee> assignees = locked.assignees();
        PlanService.refuse(locked.assignment().substitutable(inspectorId), AS_INSPECTION);
        Draw draw = draws.draw(inspection.drawId()).orElseThrow();
        EligibleGroup group = groupOf(inspection);
        assignments.dropInspector(inspectionId, inspectorId, reason.strip(), now());
        Set<String> exclude = new HashSet<>();
        assignees.forEach(a -> exclude.add(a.inspectorId()));
        byte[] seed = Vdraw1.unhex(draw.seed());
        List<Ranked> order = Vdraw1.inspectorOrder(seed, inspection.uscc(), group.inspectors());
        Map<String, Map<String, List<String>>> recusals = assignments.recusals(List.of(inspection.uscc()), group.inspectors(), draw.id(),
                group.on(), properties.recusalVisitWindowDays());
        AssignmentState state = assignments.assignmentState(inspectionId);
        int from = state.consideredUpTo() + 1;
        Pick pick = Vdraw1.pick(order, from, 1, group.workloadCap(), groupLoads(draw.id(), group),
                recusals.getOrDefault(inspection.uscc(), Map.of()), exclude);
        List<Skip> skipped = new ArrayList<>(state.skipped());
        skipped.addAll(skips(pick));
        int considered = Math.max(pick.consideredUpTo(), from - 1);
        if (pick.assigned().isEmpty()) {
            // Step 16: nobody left in order; flagged, never silently short.
            assignments.setFlag(inspectionId, true, null, skipped, considered);
            assignments.recordSubstitution(inspectionId, inspectorId, null, reason.strip(), actor, now());
        } else {
            String substitute = pick.assigned().get(0);
            assignments.addAssignee(inspectionId, substitute, "SUBSTITUTE", considered, skipped, inspection.flagged(), now());
            assignments.recordSubstitution(inspectionId, inspectorId, substitute, reason.strip(), actor, now());
        }
        return draws.inspections(List.of(inspectionId)).get(inspectionId);
    }

    /**
     * ASSIGN-08: a flagged inspection is matched at random with inspectors of the neighbouring regions'
     * departments, in the same seeded order (step 15), when the task allows it.
     */
    @Transactional
    public Inspection matchNeighbours(String inspectionId, String actor) {
        Locked locked = lockedInspection(inspectionId);
        Inspection inspection = locked.inspection();
        Task task = plans.task(inspection.taskId()).orElseThrow();
        PlanService.refuse(locked.assignment().neighbourMatchable(task.id(), task.data().rosterScope().neighbouringRegions()), AS_INSPECTION);
        EligibleGroup group = groupOf(inspection);
        Draw draw = draws.draw(inspection.drawId()).orElseThrow();
        List<String> neighbours = assignments.eligible(assignments.neighbours(inspection.inspectedBy()), List.of(), task.data().expertise(), group.on());
        Set<String> exclude = new HashSet<>();
        locked.assignees().forEach(a -> exclude.add(a.inspectorId()));
        int missing = locked.assignment().missing(group.required());
        Map<String, Map<String, List<String>>> recusals = assignments.recusals(List.of(inspection.uscc()), neighbours, draw.id(),
                group.on(), properties.recusalVisitWindowDays());
        Pick pick = Vdraw1.pick(Vdraw1.inspectorOrder(Vdraw1.unhex(draw.seed()), inspection.uscc(), neighbours), 0, missing,
                Integer.MAX_VALUE, new HashMap<>(), recusals.getOrDefault(inspection.uscc(), Map.of()), exclude);
        List<Skip> skipped = new ArrayList<>(assignments.assignmentState(inspectionId).skipped());
        skipped.addAll(skips(pick));
        boolean stillShort = pick.assigned().size() < missing;
        for (String p : pick.assigned()) {
            assignments.addAssignee(inspectionId, p, "NEIGHBOURING_REGION_RANDOM", null, skipped, stillShort, now());
        }
        assignments.setFlag(inspectionId, stillShort, "NEIGHBOURING_REGION_RANDOM", skipped, null);
        return draws.inspections(List.of(inspectionId)).get(inspectionId);
    }

    /**
     * ASSIGN-06, ASSIGN-08, ASSIGN-10: the head of the implementing body assigns inspectors directly, with
     * a reason; recorded as DIRECT, never mistaken for a random match.
     */
    @Transactional
    public Inspection assignDirectly(String inspectionId, List<String> inspectorIds, String reason, String actor) {
        Checks checks = new Checks().require("reason", reason).require("inspectorIds", inspectorIds);
        DomainRefusals.violations(InspectionAssignment.named(inspectorIds), UnaryOperator.identity()).forEach(checks::add);
        checks.addAll(TaskRules.reasonLength(reason, "reason"));
        checks.throwIfAny();
        Locked locked = lockedInspection(inspectionId);
        Inspection inspection = locked.inspection();
        EligibleGroup group = groupOf(inspection);
        Draw draw = draws.draw(inspection.drawId()).orElseThrow();
        // Direct assignment still needs certified inspectors without a conflict (ASSIGN-02, ASSIGN-03): read here, decided by the domain.
        List<String> qualified = assignments.eligible(departmentAndNeighbours(inspection.inspectedBy()), List.of(), List.of(), group.on());
        Map<String, List<String>> recusals = assignments.recusals(List.of(inspection.uscc()), inspectorIds, draw.id(), group.on(),
                properties.recusalVisitWindowDays()).getOrDefault(inspection.uscc(), Map.of());
        InspectionAssignment.Direct direct = locked.assignment().direct(inspectorIds, qualified, recusals, inspection.inspectedBy(),
                group.on(), group.required()).orElseThrow(DomainRefusals.asArguments());
        List<String> ids = direct.inspectorIds();
        for (String p : ids) {
            assignments.addAssignee(inspectionId, p, "DIRECT", null, null, direct.flagged(), now());
        }
        assignments.setFlag(inspectionId, direct.flagged(), "DIRECT", null, null);
        assignments.recordSubstitution(inspectionId, null, String.join(",", ids), "DIRECT: " + reason.strip(), actor, now());
        return draws.inspections(List.of(inspectionId)).get(inspectionId);
    }

    private List<String> departmentAndNeighbours(String departmentId) {
        List<String> out = new ArrayList<>(List.of(departmentId));
        out.addAll(assignments.neighbours(departmentId));
        return out;
    }

    /** An inspection under its draw's lock, with its assignees (all, dropped too) and the domain's view of them. */
    private record Locked(Inspection inspection, List<Assignee> assignees, InspectionAssignment assignment) {
    }

    /** The inspection under its draw's write lock; ASSIGN-04, ASSIGN-01: active and matched, or refused. */
    private Locked lockedInspection(String inspectionId) {
        Inspection inspection = draws.inspections(List.of(inspectionId)).get(inspectionId);
        if (inspection == null) {
            throw new NotFoundException("inspectionId", "no inspection " + inspectionId);
        }
        draws.lock(inspection.drawId());
        inspection = draws.inspections(List.of(inspectionId)).get(inspectionId);
        List<Assignee> assignees = assignments.assignees(List.of(inspectionId)).getOrDefault(inspectionId, List.of());
        InspectionAssignment assignment = inspection.assignment(assignees);
        PlanService.refuse(assignment.changeable(), AS_INSPECTION);
        return new Locked(inspection, assignees, assignment);
    }

    private EligibleGroup groupOf(Inspection inspection) {
        String groupId = assignments.assignmentState(inspection.id()).group();
        return assignments.eligibleGroups(inspection.drawId()).stream().filter(g -> g.id().equals(groupId)).findFirst().orElseThrow();
    }

    /** The subject {@code id} of an inspection's refusal is the operation's {@code inspectionId}. */
    private static final UnaryOperator<String> AS_INSPECTION = s -> s.equals("id") ? "inspectionId" : s;

    private Draw locked(String drawId) {
        return DrawService.locked(draws, drawId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
