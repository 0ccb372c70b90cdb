package org.supervisionhub.api.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.supervisionhub.api.inspection.JointVisits.Plan;
import org.supervisionhub.api.inspection.JointVisits.Visit;
import org.supervisionhub.graph.inspection.VisitRepository.Candidate;

/** Joint visits (GEN-15) on generated cases: every inspection served once, on a working day of its window, by the fewest visits. */
class JointVisitsTest {

    static final LocalDate START = LocalDate.of(2026, 9, 1);
    /** A today before every window of the generated cases. */
    static final LocalDate BEFORE = LocalDate.of(2026, 8, 1);
    /** Weekends off, plus National Day week: a calendar with holidays, as the real one has. */
    static final Predicate<LocalDate> WORKING = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
            && (d.isBefore(LocalDate.of(2026, 10, 1)) || d.isAfter(LocalDate.of(2026, 10, 7)));

    static Candidate inspection(int n, String department, LocalDate from, LocalDate to, String inspector) {
        return new Candidate("I" + n, "U", "企业", department, null, List.of("ITEM-" + department), from, to, null, List.of(inspector));
    }

    @Test
    void generatedCasesAreServedByTheFewestVisitsEachOnAWorkingDayInsideEveryWindowItServes() {
        Random random = new Random(20261122L);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(8);
            List<Candidate> inspections = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                LocalDate from = START.plusDays(random.nextInt(60));
                inspections.add(inspection(i, "D" + random.nextInt(3), from, from.plusDays(random.nextInt(25)), "P" + i));
            }
            Plan plan = JointVisits.plan(inspections, WORKING, members -> Comparator.naturalOrder(), BEFORE);
            Set<String> served = new HashSet<>();
            for (Visit v : plan.visits()) {
                assertThat(WORKING.test(v.date())).as("visit on a working day").isTrue();
                for (Candidate c : v.inspections()) {
                    assertThat(v.date()).isBetween(c.windowStart(), c.windowEnd());
                    assertThat(served.add(c.inspectionId())).as("served once").isTrue();
                }
            }
            for (Candidate c : plan.unscheduled()) {
                assertThat(c.windowStart().datesUntil(c.windowEnd().plusDays(1)).noneMatch(WORKING)).as("unscheduled only without a working day").isTrue();
                served.add(c.inspectionId());
            }
            assertThat(served).hasSize(n);
            List<Candidate> schedulable = inspections.stream().filter(c -> !plan.unscheduled().contains(c)).toList();
            assertThat(plan.visits()).as("round %d: %s", round, inspections).hasSize(fewest(schedulable));
        }
    }

    /**
     * Brute force: the smallest number of working days that hit every window. Tried among each window's last working day
     * only, which loses no cover: a day of a cover moved on to the last working day of the earliest-ending window it hits
     * still hits all of them (so the search tries at most one day per window instead of every day of every window).
     */
    static int fewest(List<Candidate> inspections) {
        List<LocalDate> days = inspections.stream().map(c -> c.windowStart().datesUntil(c.windowEnd().plusDays(1)).filter(WORKING)
                .reduce((a, b) -> b).orElseThrow()).distinct().sorted().toList();
        for (int k = 0; k <= inspections.size(); k++) {
            if (hits(inspections, days, k, 0, new ArrayList<>())) {
                return k;
            }
        }
        throw new AssertionError("no cover");
    }

    static boolean hits(List<Candidate> inspections, List<LocalDate> days, int k, int from, List<LocalDate> chosen) {
        if (inspections.stream().allMatch(c -> chosen.stream().anyMatch(d -> !d.isBefore(c.windowStart()) && !d.isAfter(c.windowEnd())))) {
            return true;
        }
        if (chosen.size() == k) {
            return false;
        }
        for (int i = from; i < days.size(); i++) {
            chosen.add(days.get(i));
            if (hits(inspections, days, k, i + 1, chosen)) {
                return true;
            }
            chosen.remove(chosen.size() - 1);
        }
        return false;
    }

    @Test
    void theTeamJoinsEveryInspectorAndTheHighestRankedDepartmentLeadsWithItsItemsListedFirst() {
        List<Candidate> inspections = List.of(
                inspection(1, "HRSS-430102", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20), "P-COUNTY"),
                inspection(2, "HRSS-430000", LocalDate.of(2026, 11, 10), LocalDate.of(2026, 12, 4), "P-PROVINCE"),
                inspection(3, "MS-430100", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 18), "P-CITY"));
        Comparator<String> rank = Comparator.comparing((String d) -> d.endsWith("0000") ? 0 : d.endsWith("00") ? 1 : 2);
        Plan plan = JointVisits.plan(inspections, WORKING, members -> rank, BEFORE);
        assertThat(plan.visits()).hasSize(2);
        Visit first = plan.visits().get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(first.windowTo()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(first.departments()).extracting(JointVisits.DepartmentItems::departmentId).containsExactly("HRSS-430000", "HRSS-430102");
        assertThat(first.team()).containsExactly("P-PROVINCE", "P-COUNTY");
        assertThat(first.leader()).isEqualTo("P-PROVINCE");
        assertThat(plan.visits().get(1).date()).isEqualTo(LocalDate.of(2026, 12, 1));
        // A window of holidays only cannot be served.
        Plan holidays = JointVisits.plan(List.of(inspection(4, "HRSS-430100", LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 6), "P")),
                WORKING, members -> rank, BEFORE);
        assertThat(holidays.visits()).isEmpty();
        assertThat(holidays.unscheduled()).hasSize(1);
    }

    /**
     * ASSIGN-12: one enterprise, two joint inspections on two days, each led by another department of the same city; each
     * visit is led from its own joint inspection's lead, not from whichever department sorts first across the enterprise.
     */
    @Test
    void eachVisitIsLedFromTheLeadOfTheJointInspectionItServesASSIGN12() {
        List<Candidate> inspections = List.of(
                planned(1, "HRSS-430600", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 10)),
                planned(2, "MS-430600", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 10)),
                planned(3, "MS-430600", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 17)),
                planned(4, "HRSS-430600", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 17)));
        // I1 leads the first joint inspection, I3 the second (the lead's inspection of each).
        java.util.Set<String> leadInspections = java.util.Set.of("I1", "I3");
        Plan plan = JointVisits.plan(inspections, WORKING, members -> Comparator.comparing((String d) -> members.stream()
                .noneMatch(c -> leadInspections.contains(c.inspectionId()) && c.drawnBy().equals(d))).thenComparing(Comparator.naturalOrder()),
                BEFORE);
        assertThat(plan.visits()).extracting(v -> v.departments().get(0).departmentId() + " " + v.leader())
                .containsExactly("HRSS-430600 P1", "MS-430600 P3");
    }

    static Candidate planned(int n, String department, LocalDate from, LocalDate to, LocalDate plannedOn) {
        return new Candidate("I" + n, "U", "企业", department, null, List.of("ITEM-" + department), from, to, plannedOn, List.of("P" + n));
    }

    @Test
    void anAssignedDayIsTheVisitsDayAndNoVisitIsProposedBeforeTodayGEN15_NOTICE06() {
        LocalDate today = LocalDate.of(2026, 11, 4);
        // The window opened long ago: the visit is today at the earliest, not on the window's first day.
        Plan open = JointVisits.plan(List.of(planned(1, "MS-430100", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 31), null)), WORKING,
                members -> Comparator.naturalOrder(), today);
        assertThat(open.visits()).extracting(Visit::date).containsExactly(today);
        // Assigned for 11-20 (the day the notice announces): the merged visit is that day, serving the other window too.
        Plan merged = JointVisits.plan(List.of(planned(1, "HRSS-430100", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 11, 20)),
                planned(2, "MS-430100", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 31), null)), WORKING, members -> Comparator.naturalOrder(), today);
        assertThat(merged.visits()).singleElement().satisfies(v -> {
            assertThat(v.date()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(v.inspections()).hasSize(2);
        });
        // An assigned day already past, or a window closed before today, is not proposed again.
        Plan past = JointVisits.plan(List.of(planned(1, "HRSS-430100", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 11, 3)),
                planned(2, "MS-430100", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 11, 3), null)), WORKING, members -> Comparator.naturalOrder(), today);
        assertThat(past.visits()).isEmpty();
        assertThat(past.unscheduled()).hasSize(2);
    }
}
