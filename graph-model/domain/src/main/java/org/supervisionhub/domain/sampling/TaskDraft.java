package org.supervisionhub.domain.sampling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;

/**
 * A task as an operation gives it, names unchecked (PLAN-01, PLAN-12): {@link #validate} decides whether it is a task the
 * plan may have and returns its {@link TaskData}, or every violation at once. Defaults: kind REGULAR, mode UNDIRECTED,
 * strata by CREDIT_RISK_CLASS, one batch, two inspectors, origin SELF (dispatching to COUNTY), announced.
 *
 * <p>Subjects of violations are the input's own paths: {@code title}, {@code itemIds[2]}, {@code criteria.orgTypes[0]},
 * {@code strata[1].ratio}, {@code complaintRule.ratio}, {@code triggerScope.types}, {@code rosterScope.unitIds[0]}, ...
 */
public record TaskDraft(String title, String kind, List<String> itemIds, String method, String mode, Criteria criteria,
                        String strataBy, List<Stratum> strata, Complaints complaintRule, Triggers triggerScope,
                        LocalDate windowStart, LocalDate windowEnd, Integer batches, Integer inspectorsPerInspection,
                        List<String> expertise, Roster rosterScope, String origin, String dispatchLevel, Boolean announced) {

    public record Criteria(List<String> orgTypes, List<String> scales, List<String> industries, List<String> regionCodes) {
    }

    public record Stratum(String label, String ratio) {
    }

    public record Complaints(Integer minComplaints, Integer withinDays, String ratio) {
    }

    public record Triggers(List<String> types, LocalDate from, LocalDate to) {
    }

    public record Roster(List<String> unitIds, Boolean neighbouringRegions) {
    }

    /**
     * What the task's rules need of the graph, read by the caller: the plan's year, its department (id, level and the
     * chain of it and its superiors, CHK-07), the items named (with their checklist versions), which regions named exist
     * (DRAW-05) and the department of each unit named (ASSIGN-07).
     */
    public record Facts(int planYear, String departmentId, String departmentLevel, Set<String> departmentChain,
                        Map<String, TaskItem> items, Set<String> regions, Map<String, String> unitDepartments) {
    }

    /** The items named, each once: what the caller reads for {@link Facts#items()}. */
    public List<String> namedItems() {
        return itemIds == null ? List.of() : itemIds.stream().distinct().toList();
    }

    /** The regions the criteria name: what the caller looks up for {@link Facts#regions()}. */
    public List<String> namedRegions() {
        return criteria == null ? List.of() : clean(criteria.regionCodes());
    }

    /** The units the roster scope names: what the caller looks up for {@link Facts#unitDepartments()}. */
    public List<String> namedUnits() {
        return rosterScope == null || rosterScope.unitIds() == null ? List.of() : rosterScope.unitIds().stream().distinct().toList();
    }

    /** The task, or every rule it breaks (the ratio caps, DRAW-07, once everything else holds). */
    public Outcome<TaskData> validate(Facts facts) {
        Set<Violation> out = new LinkedHashSet<>();
        require(out, "title", title);
        require(out, "itemIds", itemIds);
        require(out, "method", method);
        require(out, "windowStart", windowStart);
        require(out, "windowEnd", windowEnd);
        require(out, "strata", strata);
        String kind = this.kind == null ? "REGULAR" : this.kind;
        String mode = this.mode == null ? "UNDIRECTED" : this.mode;
        check(out, method == null || names(InspectionMethod.values()).contains(method), Kind.INVALID_VALUE, "method",
                "unknown inspection method", "METH-01");

        // Items: published checklist versions only, of this department or a superior (CHK-07), of the task's kind (CHK-09).
        List<String> items = namedItems();
        check(out, itemIds == null || !items.isEmpty(), Kind.REQUIRED, "itemIds", "a task inspects at least one item", "PLAN-01");
        out.addAll(TaskRules.items(facts.departmentId(), facts.departmentChain(), kind, method, items, facts.items(), "itemIds"));

        // Targets (DRAW-05).
        TaskData.Criteria criteria = criteria(facts.regions(), out);
        boolean anyCriterion = !criteria.orgTypes().isEmpty() || !criteria.scales().isEmpty() || !criteria.industries().isEmpty()
                || !criteria.regionCodes().isEmpty();
        check(out, names(DrawMode.values()).contains(mode), Kind.INVALID_VALUE, "mode", "UNDIRECTED or DIRECTED", "DRAW-05");
        check(out, !"UNDIRECTED".equals(mode) || !anyCriterion, Kind.INVALID_VALUE, "criteria",
                "an undirected draw has no criteria; use mode DIRECTED", "DRAW-05");
        check(out, !"DIRECTED".equals(mode) || anyCriterion || "TRIGGERED".equals(kind), Kind.REQUIRED, "criteria",
                "a directed draw names at least one criterion (type, scale, industry, region)", "DRAW-05");

        // Strata and ratios (DRAW-08, DRAW-07, DRAW-09).
        String strataBy = this.strataBy == null ? "CREDIT_RISK_CLASS" : this.strataBy;
        List<TaskData.StratumRatio> strata = strata(strataBy, out);
        TaskData.ComplaintRule rule = complaintRule(strata, out);
        int batches = this.batches == null ? 1 : this.batches;
        check(out, batches >= 1 && batches <= 12, Kind.INVALID_VALUE, "batches", "between 1 and 12 batches", "DRAW-03");

        // Triggered sampling (TRIG-01, TRIG-03).
        TaskData.TriggerScope triggers = triggers(kind, out);

        // Time window inside the plan year (PLAN-17).
        if (windowStart != null && windowEnd != null && windowEnd.isBefore(windowStart)) {
            out.add(new Violation(Kind.INVALID_VALUE, "windowEnd", "windowEnd must not be before windowStart", null));
        }
        check(out, windowStart == null || windowStart.getYear() == facts.planYear(), Kind.INVALID_VALUE, "windowStart",
                "the window lies in the plan's year " + facts.planYear(), "PLAN-17");
        check(out, windowEnd == null || windowEnd.getYear() == facts.planYear(), Kind.INVALID_VALUE, "windowEnd",
                "the window lies in the plan's year " + facts.planYear(), "PLAN-17");

        // Inspectors (ASSIGN-02, ASSIGN-07/08).
        int m = inspectorsPerInspection == null ? 2 : inspectorsPerInspection;
        check(out, m >= 2 && m <= 10, Kind.INVALID_VALUE, "inspectorsPerInspection", "at least two inspectors inspect (at most 10)", "ASSIGN-02");
        List<String> unitIds = namedUnits();
        out.addAll(TaskRules.units(unitIds, facts.unitDepartments(), facts.departmentId(), "rosterScope.unitIds"));
        boolean neighbours = rosterScope != null && Boolean.TRUE.equals(rosterScope.neighbouringRegions());
        List<String> expertise = clean(this.expertise);

        // Origin (DRAW-14, DRAW-15).
        String origin = this.origin == null ? "SELF" : this.origin;
        String dispatchLevel = null;
        check(out, names(DrawOrigin.values()).contains(origin), Kind.INVALID_VALUE, "origin", "SELF or SUPERIOR_UNIFIED", "DRAW-14");
        if ("SUPERIOR_UNIFIED".equals(origin)) {
            dispatchLevel = this.dispatchLevel == null ? "COUNTY" : this.dispatchLevel;
            List<String> levels = TaskRules.LEVELS;
            check(out, levels.contains(dispatchLevel) && levels.indexOf(dispatchLevel) > levels.indexOf(facts.departmentLevel()),
                    Kind.INVALID_VALUE, "dispatchLevel", "a unified draw dispatches to a level below " + facts.departmentLevel(), "DRAW-14");
        } else {
            check(out, this.dispatchLevel == null, Kind.INVALID_VALUE, "dispatchLevel", "only SUPERIOR_UNIFIED tasks dispatch", "DRAW-14");
        }
        if (!out.isEmpty()) {
            return new Outcome.Refused<>(List.copyOf(out));
        }
        // Every name below was checked above.
        TaskData data = new TaskData(title.strip(), TaskKind.valueOf(kind), items, InspectionMethod.valueOf(method),
                DrawMode.valueOf(mode), criteria, strataBy, strata, rule, triggers, windowStart, windowEnd, batches, m,
                expertise, new TaskData.RosterScope(unitIds, neighbours), DrawOrigin.valueOf(origin), dispatchLevel,
                announced == null || announced);
        List<Violation> capped = data.capViolations(items.stream().map(facts.items()::get).filter(Objects::nonNull).map(TaskItem::cap).toList(),
                "strata");
        // Each stratum over the cap says the same: once is enough.
        return capped.isEmpty() ? Outcome.done(data) : new Outcome.Refused<>(List.copyOf(new LinkedHashSet<>(capped)));
    }

    /** DRAW-05: known organisation types and regions ({@code regions}: those of {@link #namedRegions()} that exist). */
    private TaskData.Criteria criteria(Set<String> regions, Set<Violation> out) {
        if (criteria == null) {
            return TaskData.Criteria.NONE;
        }
        List<String> orgTypes = clean(criteria.orgTypes());
        for (int i = 0; i < orgTypes.size(); i++) {
            check(out, TaskRules.ORG_TYPES.contains(orgTypes.get(i)), Kind.INVALID_VALUE, "criteria.orgTypes[" + i + "]", "unknown org type", "DRAW-05");
        }
        List<String> named = namedRegions();
        for (int i = 0; i < named.size(); i++) {
            check(out, regions.contains(named.get(i)), Kind.NOT_FOUND, "criteria.regionCodes[" + i + "]", "no region " + named.get(i), "DRAW-05");
        }
        return new TaskData.Criteria(orgTypes, clean(criteria.scales()), clean(criteria.industries()), named);
    }

    /** DRAW-08: strata by credit-risk class give a ratio for each of A to D (and may for UNCLASSIFIED); otherwise one, ALL. */
    private List<TaskData.StratumRatio> strata(String strataBy, Set<Violation> out) {
        if (strata == null) {
            return List.of();
        }
        List<TaskData.StratumRatio> ratios = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < strata.size(); i++) {
            String f = "strata[" + i + "]";
            Stratum s = strata.get(i);
            String label = s.label() == null ? "" : s.label().strip();
            check(out, labels.add(label), Kind.CONFLICT, f + ".label", "stratum " + label + " appears twice", "DRAW-08");
            if ("CREDIT_RISK_CLASS".equals(strataBy)) {
                check(out, TaskRules.RISK_CLASSES.contains(label) || TaskRules.UNCLASSIFIED.equals(label), Kind.INVALID_VALUE, f + ".label",
                        "strata by credit-risk class are A, B, C, D (and UNCLASSIFIED)", "DRAW-08");
            } else {
                check(out, TaskRules.ALL.equals(label), Kind.INVALID_VALUE, f + ".label", "an unstratified task has the single stratum ALL", "DRAW-08");
            }
            BigDecimal ratio = ratio(s.ratio(), f + ".ratio", out);
            if (ratio != null) {
                ratios.add(new TaskData.StratumRatio(label, ratio.toPlainString()));
            }
        }
        check(out, Set.of("CREDIT_RISK_CLASS", "NONE").contains(strataBy), Kind.INVALID_VALUE, "strataBy", "CREDIT_RISK_CLASS or NONE", "DRAW-08");
        if ("CREDIT_RISK_CLASS".equals(strataBy)) {
            check(out, labels.containsAll(TaskRules.RISK_CLASSES), Kind.REQUIRED, "strata",
                    "sampling is stratified by credit-risk class: give a ratio for each of A, B, C and D", "DRAW-08");
        } else {
            check(out, labels.size() == 1, Kind.REQUIRED, "strata", "an unstratified task has the single stratum ALL", "DRAW-08");
        }
        return ratios;
    }

    /** DRAW-09, DRAW-10: the complaint rule raises the ratio for enterprises with many complaints; it never lowers it. */
    private TaskData.ComplaintRule complaintRule(List<TaskData.StratumRatio> strata, Set<Violation> out) {
        Complaints c = complaintRule;
        if (c == null) {
            return null;
        }
        String f = "complaintRule";
        require(out, f + ".minComplaints", c.minComplaints());
        require(out, f + ".ratio", c.ratio());
        check(out, c.minComplaints() == null || c.minComplaints() >= 1, Kind.INVALID_VALUE, f + ".minComplaints", "at least 1", "DRAW-09");
        int within = c.withinDays() == null ? 365 : c.withinDays();
        check(out, within >= 1 && within <= 3660, Kind.INVALID_VALUE, f + ".withinDays", "between 1 and 3660 days", "DRAW-09");
        BigDecimal ratio = ratio(c.ratio(), f + ".ratio", out);
        if (ratio == null || c.minComplaints() == null) {
            return null;
        }
        for (TaskData.StratumRatio s : strata) {
            check(out, ratio.compareTo(new BigDecimal(s.ratio())) >= 0, Kind.INVALID_VALUE, f + ".ratio",
                    "the complaint ratio raises sampling: it must be at least the ratio of stratum " + s.label(), "DRAW-09");
        }
        return new TaskData.ComplaintRule(c.minComplaints(), within, ratio.toPlainString());
    }

    /** TRIG-01: a triggered task names the trigger types (and the period) it draws from; only a triggered task does. */
    private TaskData.TriggerScope triggers(String kind, Set<Violation> out) {
        check(out, names(TaskKind.values()).contains(kind), Kind.INVALID_VALUE, "kind", "REGULAR or TRIGGERED", "CHK-09");
        if (!"TRIGGERED".equals(kind)) {
            check(out, triggerScope == null, Kind.INVALID_VALUE, "triggerScope", "only TRIGGERED tasks have a trigger scope", "TRIG-01");
            return null;
        }
        Triggers ts = triggerScope;
        check(out, ts != null && ts.types() != null && !ts.types().isEmpty(), Kind.REQUIRED, "triggerScope.types",
                "a triggered task names the trigger types it draws from", "TRIG-01");
        if (ts == null || ts.types() == null) {
            return null;
        }
        for (int i = 0; i < ts.types().size(); i++) {
            check(out, TaskRules.TRIGGER_TYPES.contains(ts.types().get(i)), Kind.INVALID_VALUE, "triggerScope.types[" + i + "]",
                    "unknown trigger type", "TRIG-01");
        }
        require(out, "triggerScope.from", ts.from());
        require(out, "triggerScope.to", ts.to());
        if (ts.from() != null && ts.to() != null && ts.to().isBefore(ts.from())) {
            out.add(new Violation(Kind.INVALID_VALUE, "triggerScope.to", "triggerScope.to must not be before triggerScope.from", null));
        }
        return new TaskData.TriggerScope(List.copyOf(ts.types()), ts.from(), ts.to());
    }

    private static BigDecimal ratio(String raw, String subject, Set<Violation> out) {
        Outcome<BigDecimal> r = TaskRules.ratio(raw, subject);
        out.addAll(r.violations());
        return r instanceof Outcome.Done<BigDecimal> d ? d.value() : null;
    }

    private static void require(Set<Violation> out, String subject, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            out.add(new Violation(Kind.REQUIRED, subject, "required", null));
        }
    }

    private static void check(Set<Violation> out, boolean ok, Kind kind, String subject, String message, String rule) {
        if (!ok) {
            out.add(new Violation(kind, subject, message, rule));
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
