package org.supervisionhub.domain.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A department's confirmed part in a joint task (部门联合抽查, PLAN-15, ASSIGN-13): it inspects at least one item of its own
 * checklists (or its superiors', CHK-07) that fit the task's kind, method and ratios (CHK-09, METH-01, DRAW-07), sends 1 to
 * {@link #MAX_INSPECTORS} inspectors to the joint teams, and draws them from units of its own department (ASSIGN-07). What it
 * names is read of the graph by the caller and passed as values. Violations name the subjects {@code itemIds},
 * {@code itemIds[i]}, {@code inspectorCount} and {@code rosterScope.unitIds[i]}.
 */
public final class JointParticipation {

    /** ASSIGN-13: how many inspectors one participant sends at most. */
    public static final int MAX_INSPECTORS = 10;

    private JointParticipation() {
    }

    /**
     * PLAN-15, CHK-07, CHK-09, METH-01, DRAW-07, ASSIGN-13, ASSIGN-07: {@code departmentId} (with its superiors, {@code chain})
     * confirms its part in the task described by {@code task} with {@code itemIds} (distinct; {@code items}: those found),
     * {@code inspectorCount} and {@code unitIds} ({@code unitDepartments}: unit → its department). Nulls are left to the
     * required checks.
     */
    public static List<Violation> confirmable(TaskData task, String departmentId, Set<String> chain, List<String> itemIds,
                                              Map<String, TaskItem> items, Integer inspectorCount, List<String> unitIds,
                                              Map<String, String> unitDepartments) {
        List<Violation> out = new ArrayList<>(itemsNamed(itemIds));
        out.addAll(TaskRules.items(departmentId, chain, task.kind().name(), task.method() == null ? null : task.method().name(),
                itemIds == null ? List.of() : itemIds, items, "itemIds"));
        out.addAll(task.capViolations(items.values().stream().map(TaskItem::cap).toList(), "itemIds"));
        out.addAll(inspectorCount(inspectorCount));
        out.addAll(TaskRules.units(unitIds, unitDepartments, departmentId, "rosterScope.unitIds"));
        return List.copyOf(out);
    }

    /**
     * PLAN-15: the lead {@code leadId} invites {@code ids} (distinct, stripped; {@code regionOf}: those found → their region):
     * departments of any sector and level, never itself, each once, within its jurisdiction ({@code jurisdiction}: the lead's
     * region and those below it), since the pool is the lead's. Subjects {@code departmentIds} and {@code departmentIds[i]};
     * null is left to the required check.
     */
    public static List<Violation> invitable(String leadId, String leadRegion, Set<String> jurisdiction, Set<String> alreadyInvited,
                                            List<String> ids, Map<String, String> regionOf) {
        if (ids == null) {
            return List.of();
        }
        if (ids.isEmpty()) {
            return List.of(new Violation(Kind.REQUIRED, "departmentIds", "name at least one department to invite", "PLAN-15"));
        }
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String subject = "departmentIds[" + i + "]";
            String id = ids.get(i);
            String region = regionOf.get(id);
            if (region == null) {
                out.add(new Violation(Kind.NOT_FOUND, subject, "no department " + id, null));
                continue;
            }
            if (id.equals(leadId)) {
                out.add(TaskRules.invalid(subject, id + " leads the task; it invites others", "PLAN-15"));
            }
            if (alreadyInvited.contains(id)) {
                out.add(new Violation(Kind.CONFLICT, subject, id + " is already invited to the task", "PLAN-15"));
            }
            if (!jurisdiction.contains(region)) {
                out.add(TaskRules.invalid(subject, id + " is outside the jurisdiction of " + leadId + " (" + leadRegion + ")", "PLAN-15"));
            }
        }
        return List.copyOf(out);
    }

    /** PLAN-15: a department declines with its reason (not blank, within the reason length). Null is left to the required check. */
    public static List<Violation> declinable(String reason) {
        List<Violation> out = new ArrayList<>(TaskRules.reasonLength(reason, "reason"));
        if (reason != null && reason.isBlank()) {
            out.add(new Violation(Kind.REQUIRED, "reason", "say why the department declines", "PLAN-15"));
        }
        return List.copyOf(out);
    }

    /** PLAN-15: a participant inspects at least one item of its own ({@code itemIds} given, but none). */
    public static List<Violation> itemsNamed(List<String> itemIds) {
        return itemIds == null || !itemIds.isEmpty() ? List.of()
                : List.of(new Violation(Kind.REQUIRED, "itemIds", "a participant inspects at least one item of its own", "PLAN-15"));
    }

    /** ASSIGN-13: a participant sends 1 to {@link #MAX_INSPECTORS} inspectors to the joint teams. */
    public static List<Violation> inspectorCount(Integer count) {
        return count == null || (count >= 1 && count <= MAX_INSPECTORS) ? List.of()
                : List.of(TaskRules.invalid("inspectorCount", "a participant sends 1 to " + MAX_INSPECTORS + " inspectors", "ASSIGN-13"));
    }
}
