package org.supervisionhub.api.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.supervisionhub.api.access.AccessRule;
import org.supervisionhub.api.access.Owned;
import org.supervisionhub.graph.inspection.VisitRepository.Candidate;

/**
 * Merges one enterprise's inspections into the fewest joint visits (GEN-15 "one sampling, full check-up"). Each
 * inspection may happen on any working day of its task's window; a visit serves every inspection whose window
 * holds its date. The fewest dates that hit every window are found greedily: take the window that closes first,
 * visit on its last working day, and let that visit serve every window open then; repeat with what is left. No
 * smaller set exists (the classic interval-stabbing argument: each chosen date serves a window that no earlier date
 * could). A visit's date is then the first working day all its inspections share.
 *
 * <p>One source of truth for a visit's date: an inspection whose inspectors were assigned for a day ({@code plannedOn},
 * the day its notice announces, NOTICE-06) can be visited on that day only, so a visit that serves it is dated then. No
 * visit is proposed before {@code today}: what is left of a window starts today, and an inspection whose assigned day
 * or whole window has passed without an on-site record is unscheduled.
 */
public final class JointVisits {

    /**
     * One visit: its date, the window all its inspections share, its inspections, items per department, team and leader.
     * Who may see which member is decided per department ({@link DepartmentItems#inspectors()}), as for each inspection's team.
     */
    public record Visit(String uscc, String enterpriseName, LocalDate date, LocalDate windowFrom, LocalDate windowTo, List<Candidate> inspections,
                        List<DepartmentItems> departments, List<String> team, String leader) implements Owned {

        /** The leader is a member of one department's team: visible where that department's inspection team is. */
        @Override
        public AccessRule.Owner accessOwner() {
            return AccessRule.Owner.department(leaderDepartment());
        }

        /** The department whose inspection the leader is assigned to (the first department with inspectors; without a team, the first). */
        public String leaderDepartment() {
            return departments.stream().filter(d -> !d.inspectors().isEmpty()).map(DepartmentItems::departmentId).findFirst()
                    .orElse(departments.isEmpty() ? null : departments.get(0).departmentId());
        }
    }

    /** @param inspectors the inspectors assigned to this department's inspections of the visit, in team order */
    public record DepartmentItems(String departmentId, List<String> inspectionIds, List<String> itemCodes, List<String> inspectors) {
    }

    /**
     * The visits of one enterprise, and the inspections no visit can serve: no working day left in their window from today,
     * no window, or an assigned day already past.
     */
    public record Plan(List<Visit> visits, List<Candidate> unscheduled) {
    }

    private JointVisits() {
    }

    /**
     * @param isWorkingDay the holiday calendar
     * @param rankOf       orders the departments of one visit's inspections (given them) for the team and its leader: the
     *                     first department's first inspector leads, so the order may depend on what the visit holds
     *                     (ASSIGN-12: the lead of its joint inspection)
     * @param today        the regulators' today (the hub's Clock): no visit is proposed before it
     */
    public static Plan plan(List<Candidate> inspections, Predicate<LocalDate> isWorkingDay, Function<List<Candidate>, Comparator<String>> rankOf,
                            LocalDate today) {
        record Window(Candidate inspection, LocalDate from, LocalDate to) {
        }
        List<Window> windows = new ArrayList<>();
        List<Candidate> unscheduled = new ArrayList<>();
        for (Candidate c : inspections) {
            if (c.plannedOn() != null) {
                // The assigned day is the visit's day (the assignment checked it against the window and the calendar).
                if (c.plannedOn().isBefore(today)) {
                    unscheduled.add(c);
                } else {
                    windows.add(new Window(c, c.plannedOn(), c.plannedOn()));
                }
                continue;
            }
            LocalDate start = c.windowStart() == null || c.windowStart().isBefore(today) ? today : c.windowStart();
            boolean bounded = c.windowStart() != null && c.windowEnd() != null;
            LocalDate from = bounded ? firstWorkingDay(start, c.windowEnd(), isWorkingDay, 1) : null;
            LocalDate to = bounded ? firstWorkingDay(c.windowEnd(), start, isWorkingDay, -1) : null;
            if (from == null || to == null || from.isAfter(to)) {
                unscheduled.add(c);
            } else {
                windows.add(new Window(c, from, to));
            }
        }
        windows.sort(Comparator.comparing(Window::to).thenComparing(Window::from).thenComparing(w -> w.inspection().inspectionId()));
        List<List<Window>> groups = new ArrayList<>();
        LocalDate stab = null;
        for (Window w : windows) {
            if (stab == null || w.from().isAfter(stab)) {
                stab = w.to();
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(w);
        }
        List<Visit> visits = new ArrayList<>();
        for (List<Window> group : groups) {
            LocalDate from = group.stream().map(Window::from).max(Comparator.naturalOrder()).orElseThrow();
            LocalDate to = group.stream().map(Window::to).min(Comparator.naturalOrder()).orElseThrow();
            List<Candidate> members = group.stream().map(Window::inspection).toList();
            visits.add(visit(members, from, to, rankOf.apply(members)));
        }
        return new Plan(List.copyOf(visits), List.copyOf(unscheduled));
    }

    private static Visit visit(List<Candidate> members, LocalDate from, LocalDate to, Comparator<String> rank) {
        Function<Candidate, String> department = c -> c.inspectedBy() != null ? c.inspectedBy() : c.drawnBy();
        Map<String, List<Candidate>> byDepartment = new LinkedHashMap<>();
        members.stream().sorted(Comparator.comparing(department, rank).thenComparing(Candidate::inspectionId))
                .forEach(c -> byDepartment.computeIfAbsent(department.apply(c), k -> new ArrayList<>()).add(c));
        List<DepartmentItems> departments = new ArrayList<>();
        LinkedHashSet<String> team = new LinkedHashSet<>();
        byDepartment.forEach((d, list) -> {
            LinkedHashSet<String> items = new LinkedHashSet<>();
            LinkedHashSet<String> inspectors = new LinkedHashSet<>();
            list.forEach(c -> {
                items.addAll(c.itemCodes());
                inspectors.addAll(c.inspectors());
            });
            team.addAll(inspectors);
            departments.add(new DepartmentItems(d, list.stream().map(Candidate::inspectionId).toList(), List.copyOf(items), List.copyOf(inspectors)));
        });
        Candidate first = members.get(0);
        return new Visit(first.uscc(), first.enterpriseName(), from, from, to, members, List.copyOf(departments), List.copyOf(team),
                team.isEmpty() ? null : team.iterator().next());
    }

    /** The first working day from {@code day} towards {@code limit} (step +1 or -1), or null when there is none. */
    private static LocalDate firstWorkingDay(LocalDate day, LocalDate limit, Predicate<LocalDate> isWorkingDay, int step) {
        for (LocalDate d = day; step > 0 ? !d.isAfter(limit) : !d.isBefore(limit); d = d.plusDays(step)) {
            if (isWorkingDay.test(d)) {
                return d;
            }
        }
        return null;
    }
}
