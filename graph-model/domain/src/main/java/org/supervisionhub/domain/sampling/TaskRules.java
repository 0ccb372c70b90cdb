package org.supervisionhub.domain.sampling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * The rules a task's parts obey on their own, shared by a task's input ({@link TaskDraft}) and a joint participant's
 * (PLAN-15): ratios (DRAW-04), items (CHK-07, CHK-09, METH-01), units (ASSIGN-07) and triggers' types (TRIG-01). The caller
 * passes what it read of the graph as values; violations name the subject it gives.
 */
public final class TaskRules {

    /** DRAW-08: the credit-risk classes a stratified task gives a ratio for; enterprises without a class are UNCLASSIFIED. */
    public static final List<String> RISK_CLASSES = List.of("A", "B", "C", "D");
    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    /** DRAW-08: an unstratified task's single stratum. */
    public static final String ALL = "ALL";
    /** DRAW-09: the stratum of the enterprises a complaint rule raises. */
    public static final String COMPLAINTS = "COMPLAINTS";
    /** TRIG-01: what triggers a triggered inspection. */
    public static final Set<String> TRIGGER_TYPES = Set.of("COMPLAINT_REPORT", "REFERRAL_ASSIGNMENT", "NETWORK_MONITORING",
            "RISK_PREVENTION", "CREDIT_RISK_CLASSIFICATION");
    /** DRAW-05: the organisation types a directed draw may name. */
    public static final Set<String> ORG_TYPES = Set.of("COMPANY", "INDIVIDUAL_BUSINESS", "PRIVATE_NON_ENTERPRISE_UNIT", "PARTNERSHIP",
            "FOUNDATION", "STATE_ORGAN", "PUBLIC_INSTITUTION", "SOCIAL_ORGANISATION");
    /** DRAW-14: the levels from the top down; a unified draw dispatches to a level below its department's. */
    public static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY");

    private TaskRules() {
    }

    /** DRAW-04: a ratio is an exact decimal in (0, 1] with at most 6 decimals, never a binary float (vdraw-1 step 3). */
    public static Outcome<BigDecimal> ratio(String raw, String subject) {
        if (raw == null || raw.isBlank()) {
            return Outcome.refused(new Violation(Kind.REQUIRED, subject, "required", null));
        }
        try {
            BigDecimal r = new BigDecimal(raw.strip());
            return r.signum() > 0 && r.compareTo(BigDecimal.ONE) <= 0 && r.scale() <= 6 ? Outcome.done(r.stripTrailingZeros())
                    : Outcome.refused(new Violation(Kind.INVALID_VALUE, subject,
                            "a ratio is a decimal in (0, 1] with at most 6 decimals, such as 0.05", "DRAW-04"));
        } catch (NumberFormatException e) {
            return Outcome.refused(new Violation(Kind.INVALID_VALUE, subject, "a ratio is a decimal such as 0.05", "DRAW-04"));
        }
    }

    /**
     * CHK-07, CHK-09, METH-01: the items named ({@code itemIds}, the i-th refused as {@code subject[i]}) exist in
     * {@code items}, are in published checklist versions of {@code departmentId} or one of its superiors ({@code chain}), of
     * the task's {@code kind}, and allow its {@code method} (null: not checked).
     */
    public static List<Violation> items(String departmentId, Set<String> chain, String kind, String method, List<String> itemIds,
                                        Map<String, TaskItem> items, String subject) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < itemIds.size(); i++) {
            String f = subject + "[" + i + "]";
            TaskItem item = items.get(itemIds.get(i));
            if (item == null) {
                out.add(new Violation(Kind.NOT_FOUND, f, "no inspection item " + itemIds.get(i), "CHK-07"));
                continue;
            }
            if (!item.published()) {
                out.add(invalid(f, "item " + item.id() + " is in a draft checklist; only published items may be inspected", "CHK-07"));
            }
            if (item.checklistDepartment() == null || !chain.contains(item.checklistDepartment())) {
                out.add(invalid(f, "item " + item.id() + " is on the checklist of " + item.checklistDepartment() + ", which is not "
                        + departmentId + " or one of its superiors", "CHK-07"));
            }
            if (!kind.equals(item.checklistKind())) {
                out.add(invalid(f, "a " + kind + " task takes items of " + kind + " checklists; " + item.id() + " is "
                        + item.checklistKind(), "CHK-09"));
            }
            if (method != null && !item.methods().contains(method)) {
                out.add(invalid(f, "item " + item.code() + " is not inspected by " + method + " (it allows " + item.methods() + ")", "METH-01"));
            }
        }
        return out;
    }

    /**
     * PLAN-15: a joint task's confirmed participant contributed items valid for its kind (CHK-09), method (METH-01) and
     * ratios (DRAW-07); a change of the task by its lead must keep them valid, or is refused at the part it changed:
     * subjects {@code kind}, {@code method} and {@code strata}. The participant changes its own items first.
     */
    public static List<Violation> participantFits(TaskData data, String taskId, String participant, Collection<TaskItem> items) {
        Set<Violation> out = new LinkedHashSet<>();
        for (TaskItem item : items) {
            if (item.checklistKind() != null && !data.kind().name().equals(item.checklistKind())) {
                out.add(invalid("kind", "joint task " + taskId + ": participant " + participant + "'s item " + item.code() + " is "
                        + item.checklistKind() + ", not " + data.kind() + " (PLAN-15: the participant changes its items first)", "CHK-09"));
            }
            if (data.method() != null && !item.methods().contains(data.method().name())) {
                out.add(invalid("method", "joint task " + taskId + ": participant " + participant + "'s item " + item.code()
                        + " is not inspected by " + data.method() + " (it allows " + item.methods()
                        + "; PLAN-15: the participant changes its items first)", "METH-01"));
            }
        }
        out.addAll(data.capViolations(items.stream().map(TaskItem::cap).toList(), "strata"));
        return List.copyOf(out);
    }

    /** ASSIGN-07: a task draws inspectors from units of its own department ({@code unitDepartments}: unit → its department). */
    public static List<Violation> units(List<String> unitIds, Map<String, String> unitDepartments, String departmentId, String subject) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < unitIds.size(); i++) {
            if (!departmentId.equals(unitDepartments.get(unitIds.get(i)))) {
                out.add(invalid(subject + "[" + i + "]", "unit " + unitIds.get(i) + " is not a unit of " + departmentId, "ASSIGN-07"));
            }
        }
        return out;
    }

    /** TRIG-01: a trigger is of one of the {@link #TRIGGER_TYPES}. */
    public static List<Violation> triggerType(String type, String subject) {
        return type == null || TRIGGER_TYPES.contains(type) ? List.of()
                : List.of(invalid(subject, "type must be one of " + TRIGGER_TYPES, "TRIG-01"));
    }

    /** What a reason given for a recorded change (a replacement, a substitution, a direct assignment, a decline) may hold. */
    public static final int MAX_REASON = 1000;
    /** TRIG-01: what a trigger's description may hold. */
    public static final int MAX_TRIGGER_DESCRIPTION = 2000;

    /** A reason given for a recorded change holds at most {@link #MAX_REASON} characters (null: left to the required check). */
    public static List<Violation> reasonLength(String reason, String subject) {
        return reason == null || reason.length() <= MAX_REASON ? List.of()
                : List.of(invalid(subject, "at most " + MAX_REASON + " characters", null));
    }

    /**
     * TRIG-01: a trigger recorded for triggered sampling is of one of the {@link #TRIGGER_TYPES}, has not occurred after
     * {@code today} and is described in at most {@link #MAX_TRIGGER_DESCRIPTION} characters. Subjects {@code type},
     * {@code occurredOn} and {@code description}; nulls are left to the required checks.
     */
    public static List<Violation> trigger(String type, LocalDate occurredOn, String description, LocalDate today) {
        List<Violation> out = new ArrayList<>(triggerType(type, "type"));
        if (occurredOn != null && occurredOn.isAfter(today)) {
            out.add(invalid("occurredOn", "a trigger cannot have occurred in the future", null));
        }
        if (description != null && description.length() > MAX_TRIGGER_DESCRIPTION) {
            out.add(invalid("description", "at most " + MAX_TRIGGER_DESCRIPTION + " characters", null));
        }
        return out;
    }

    static Violation invalid(String subject, String message, String rule) {
        return new Violation(Kind.INVALID_VALUE, subject, message, rule);
    }
}
