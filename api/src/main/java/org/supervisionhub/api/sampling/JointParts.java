package org.supervisionhub.api.sampling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.graph.checklist.Checklist.Item;
import org.supervisionhub.graph.checklist.ChecklistRepository;
import org.supervisionhub.graph.sampling.AssignmentRepository;
import org.supervisionhub.graph.sampling.DrawRepository;
import org.supervisionhub.graph.sampling.DrawRepository.NewInspection;
import org.supervisionhub.graph.sampling.DrawRepository.Overlap;
import org.supervisionhub.graph.sampling.JointRepository;
import org.supervisionhub.graph.sampling.JointRepository.NewPart;
import org.supervisionhub.graph.sampling.PoolRepository;
import org.supervisionhub.graph.sampling.Sampling.Draw;
import org.supervisionhub.graph.sampling.Sampling.Participation;
import org.supervisionhub.graph.sampling.Sampling.Task;

/**
 * The joint side of a draw (PLAN-15): the draw selects once, with vdraw-1 unchanged, and each confirmed participant gets its
 * part of every selected inspection in its jurisdiction, with its own items, drawn and inspected by it (谁检查、谁负责). A part
 * shares the lead inspection's target, stratum and rank, so DRAW-12 counts the joint inspection once; DRAW-13 applies to each
 * part with its participant's level and items. Each participant's inspectors are assigned within its own group.
 */
@Component
public class JointParts {

    private final JointRepository joint;
    private final DrawRepository draws;
    private final PoolRepository pools;
    private final AssignmentRepository assignments;
    private final ChecklistRepository checklists;
    private final Clock clock;

    public JointParts(JointRepository joint, DrawRepository draws, PoolRepository pools, AssignmentRepository assignments, ChecklistRepository checklists, Clock clock) {
        this.joint = joint;
        this.draws = draws;
        this.pools = pools;
        this.assignments = assignments;
        this.checklists = checklists;
        this.clock = clock;
    }

    static String partId(String leadInspectionId, String departmentId) {
        return leadInspectionId + "-" + departmentId;
    }

    /** Creates the participants' parts of {@code leads} (just created by execute or a replacement); returns their ids. */
    List<String> create(Task task, Draw draw, List<NewInspection> leads) {
        List<Participation> confirmed = joint.ofTask(task.id()).stream().filter(Participation::confirmed).toList();
        if (confirmed.isEmpty() || leads.isEmpty()) {
            return List.of();
        }
        List<NewPart> parts = new ArrayList<>();
        List<DrawRepository.Overlap> overlaps = new ArrayList<>();
        List<String> overlapOwners = new ArrayList<>();
        for (Participation p : confirmed) {
            List<String> codes = checklists.itemsById(p.itemIds()).values().stream().map(Item::code).distinct().sorted().toList();
            // A participant's part is territorial: only targets in the regions it governs.
            Set<String> within = joint.within(leads.stream().map(NewInspection::uscc).toList(), pools.regionsGoverned(p.departmentId()));
            List<NewInspection> mine = leads.stream().filter(l -> within.contains(l.uscc())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            // DRAW-13 per participant: its level and items, against other draws (read before the parts exist).
            for (Overlap o : draws.overlaps(draw.id(), p.departmentId(), task.year(), mine.stream().map(NewInspection::uscc).toList(), codes)) {
                overlaps.add(o);
                overlapOwners.add(p.departmentId());
            }
            mine.forEach(l -> parts.add(new NewPart(partId(l.id(), p.departmentId()), l.id(), p.departmentId(), codes)));
        }
        joint.createParts(parts, now());
        List<org.supervisionhub.graph.sampling.Sampling.Deferral> deferrals = new ArrayList<>();
        for (int i = 0; i < overlaps.size(); i++) {
            Overlap o = overlaps.get(i);
            String ours = partId(DrawService.inspectionId(draw.id(), o.uscc()), overlapOwners.get(i));
            deferrals.add(DrawService.deferral(o, ours));
        }
        if (!deferrals.isEmpty()) {
            draws.defer(deferrals, now());
        }
        return parts.stream().map(NewPart::id).toList();
    }

    /** Whose inspectors, and how many, an assignment of {@code departmentId} in {@code task} draws (ASSIGN-07, ASSIGN-13). */
    record Roster(List<String> unitIds, int required) {
    }

    Roster roster(Task task, String departmentId) {
        if (departmentId.equals(task.departmentId())) {
            return new Roster(task.data().rosterScope().unitIds(), task.data().inspectorsPerInspection());
        }
        return joint.participation(task.id(), departmentId).filter(Participation::confirmed)
                .map(p -> new Roster(p.rosterScope().unitIds(), p.inspectorCount()))
                .orElse(new Roster(List.of(), task.data().inspectorsPerInspection()));
    }

    /** GEN-15: a joint inspection is one visit, so every group of a joint draw is assigned for the same day. */
    void requireOneVisitDay(Task task, String drawId, LocalDate plannedOn) {
        if (joint.ofTask(task.id()).stream().noneMatch(Participation::confirmed)) {
            return;
        }
        assignments.eligibleGroups(drawId).stream().map(AssignmentRepository.EligibleGroup::on).filter(on -> !on.equals(plannedOn)).findFirst()
                .ifPresent(on -> {
                    throw InvalidInputException.of("plannedOn", ErrorCode.INVALID_VALUE, "draw " + drawId
                            + " is a joint draw: its inspections are one visit, already assigned for " + on, "GEN-15");
                });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
