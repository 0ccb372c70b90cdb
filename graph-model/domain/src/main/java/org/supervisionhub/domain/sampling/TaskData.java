package org.supervisionhub.domain.sampling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.supervisionhub.domain.Violation;

/**
 * What a task draws and how (PLAN-01, PLAN-12): items, method, targets, strata and ratios (exact decimals kept as strings),
 * time window, batches, inspectors, origin. {@code method} is null only on tasks stored before it was required.
 */
public record TaskData(String title, TaskKind kind, List<String> itemIds, InspectionMethod method, DrawMode mode, Criteria criteria,
                       String strataBy, List<StratumRatio> strata, ComplaintRule complaintRule, TriggerScope triggerScope,
                       LocalDate windowStart, LocalDate windowEnd, int batches, int inspectorsPerInspection,
                       List<String> expertise, RosterScope rosterScope, DrawOrigin origin, String dispatchLevel,
                       boolean announced) {

    /** DRAW-05 directed criteria; empty lists mean "any". */
    public record Criteria(List<String> orgTypes, List<String> scales, List<String> industries, List<String> regionCodes) {
        public static final Criteria NONE = new Criteria(List.of(), List.of(), List.of(), List.of());

        boolean sameAs(Criteria o) {
            return Set.copyOf(orgTypes).equals(Set.copyOf(o.orgTypes)) && Set.copyOf(scales).equals(Set.copyOf(o.scales))
                    && Set.copyOf(industries).equals(Set.copyOf(o.industries)) && Set.copyOf(regionCodes).equals(Set.copyOf(o.regionCodes));
        }
    }

    public record StratumRatio(String label, String ratio) {
    }

    /** DRAW-09/10: enterprises with at least {@code minComplaints} complaints within {@code withinDays} form their own stratum. */
    public record ComplaintRule(int minComplaints, int withinDays, String ratio) {
    }

    /** TRIG-01: a triggered task draws from the enterprises its department's triggers of these types name. */
    public record TriggerScope(List<String> types, LocalDate from, LocalDate to) {
    }

    /** Which inspectors a task may draw (ASSIGN-07/08/09): units of its department (all when empty), neighbours or not. */
    public record RosterScope(List<String> unitIds, boolean neighbouringRegions) {
    }

    /** DRAW-07: an inspection item's ratio cap ({@code cap}, null when none is set); only general items are capped. */
    public record ItemCap(String itemCode, boolean general, String cap) {
    }

    /** DRAW-14: a unified task's inspections go to the dispatch level's departments. */
    public boolean dispatched() {
        return origin == DrawOrigin.SUPERIOR_UNIFIED;
    }

    /** PLAN-17: a day inside the task's window. */
    public boolean within(LocalDate day) {
        return !day.isBefore(windowStart) && !day.isAfter(windowEnd);
    }

    /** PLAN-17: the task's inspections are planned for a day ({@code subject}) in its window. */
    public List<Violation> visitDay(LocalDate day, String subject) {
        return within(day) ? List.of() : List.of(new Violation(Violation.Kind.INVALID_VALUE, subject,
                "the inspection date lies in the task's window " + windowStart + " to " + windowEnd, "PLAN-17"));
    }

    /** PLAN-03: tasks with the same targets and method merge. */
    public boolean sameTargetsAndMethod(TaskData o) {
        return kind == o.kind && method == o.method && mode == o.mode && criteria.sameAs(o.criteria)
                && Objects.equals(strataBy, o.strataBy) && origin == o.origin && Objects.equals(triggerScope, o.triggerScope);
    }

    /**
     * DRAW-07: key items are not capped; a general item's ratio is. Every batch may draw its ratio again, so each ratio
     * (and the complaint rule's) times the batches stays within the lowest cap of {@code caps}. Violations name {@code subject}.
     */
    public List<Violation> capViolations(List<ItemCap> caps, String subject) {
        ItemCap capping = caps.stream().filter(c -> c.general() && c.cap() != null).min((a, b) -> new BigDecimal(a.cap()).compareTo(new BigDecimal(b.cap())))
                .orElse(null);
        if (capping == null) {
            return List.of();
        }
        BigDecimal cap = new BigDecimal(capping.cap());
        List<String> ratios = new ArrayList<>(strata.stream().map(StratumRatio::ratio).toList());
        if (complaintRule != null) {
            ratios.add(complaintRule.ratio());
        }
        List<Violation> out = new ArrayList<>();
        for (String r : ratios) {
            if (new BigDecimal(r).multiply(BigDecimal.valueOf(batches)).compareTo(cap) > 0) {
                out.add(new Violation(Violation.Kind.INVALID_VALUE, subject, "ratio " + r + (batches > 1 ? " over " + batches + " batches" : "")
                        + " exceeds the cap " + capping.cap() + " of general item " + capping.itemCode() + "; key items are not capped", "DRAW-07"));
            }
        }
        return out;
    }

    /**
     * PLAN-03: the data of tasks merged into the first: its items the union, its ratio per stratum the highest (and the
     * highest complaint rule), its window the union, the most batches and inspectors.
     */
    public static TaskData merged(List<TaskData> tasks) {
        TaskData f = tasks.get(0);
        Set<String> items = new LinkedHashSet<>();
        Set<String> expertise = new LinkedHashSet<>();
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        LocalDate start = f.windowStart;
        LocalDate end = f.windowEnd;
        int m = 0;
        int batches = 1;
        ComplaintRule rule = f.complaintRule;
        for (TaskData d : tasks) {
            items.addAll(d.itemIds);
            expertise.addAll(d.expertise);
            d.strata.forEach(s -> ratios.merge(s.label(), new BigDecimal(s.ratio()), BigDecimal::max));
            start = d.windowStart.isBefore(start) ? d.windowStart : start;
            end = d.windowEnd.isAfter(end) ? d.windowEnd : end;
            m = Math.max(m, d.inspectorsPerInspection);
            batches = Math.max(batches, d.batches);
            if (d.complaintRule != null && (rule == null
                    || new BigDecimal(d.complaintRule.ratio()).compareTo(new BigDecimal(rule.ratio())) > 0)) {
                rule = d.complaintRule;
            }
        }
        List<StratumRatio> strata = ratios.entrySet().stream()
                .map(e -> new StratumRatio(e.getKey(), e.getValue().stripTrailingZeros().toPlainString())).toList();
        return new TaskData(f.title, f.kind, List.copyOf(items), f.method, f.mode, f.criteria, f.strataBy, strata, rule,
                f.triggerScope, start, end, batches, m, List.copyOf(expertise), f.rosterScope, f.origin, f.dispatchLevel, f.announced);
    }
}
