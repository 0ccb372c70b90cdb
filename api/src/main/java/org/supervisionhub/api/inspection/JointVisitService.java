package org.supervisionhub.api.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.supervisionhub.api.calendar.WorkingDayCalendar;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.inspection.JointVisits.Plan;
import org.supervisionhub.api.inspection.JointVisits.Visit;
import org.supervisionhub.graph.inspection.VisitRepository;
import org.supervisionhub.graph.inspection.VisitRepository.Candidate;
import org.supervisionhub.graph.organisation.Organisation.Department;
import org.supervisionhub.graph.organisation.OrganisationRepository;
import org.supervisionhub.api.errors.ErrorCode;

/**
 * Joint visits for the provincial platform (GEN-15): every department's and level's active inspections of one
 * enterprise merged into the fewest visits their windows allow ({@link JointVisits}). Computed from the inspections as
 * they stand, so a new draw or a replacement shows at once; a visit's team is led by an inspector of the highest-level
 * department taking part.
 */
@Service
public class JointVisitService {

    static final int MAX_PERIOD_DAYS = 366;
    static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY");

    /**
     * The visits of a region in a period (earliest first, by date then USCC) and what merging saved. {@code unscheduled}:
     * inspections no working day left in their window can serve, or whose assigned day has passed unvisited.
     */
    public record RegionPlan(String regionCode, LocalDate from, LocalDate to, int enterprises, int inspections, int visits,
                             List<String> unscheduled, List<Visit> items) {
    }

    private final VisitRepository candidates;
    private final OrganisationRepository organisation;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    private final org.supervisionhub.graph.sampling.JointRepository joint;

    public JointVisitService(VisitRepository candidates, OrganisationRepository organisation, WorkingDayCalendar calendar,
                             org.supervisionhub.graph.sampling.JointRepository joint, Clock clock) {
        this.joint = joint;
        this.clock = clock;
        this.candidates = candidates;
        this.organisation = organisation;
        this.calendar = calendar;
    }

    /** Visits of enterprises located in {@code regionCode} (and its sub-regions) dated within [from, to]. */
    public RegionPlan region(String regionCode, LocalDate from, LocalDate to) {
        Checks checks = new Checks();
        List<String> regions = regionCode == null ? List.of() : organisation.regionAndDescendants(regionCode);
        checks.check(!regions.isEmpty(), "regionCode", ErrorCode.NOT_FOUND, "regionCode: no region " + regionCode, null);
        checks.check(!to.isBefore(from), "to", ErrorCode.INVALID_VALUE, "to: not before from", null);
        checks.check(ChronoUnit.DAYS.between(from, to) < MAX_PERIOD_DAYS, "to", ErrorCode.INVALID_VALUE, "to: a period of at most a year", null);
        checks.throwIfAny();
        Map<String, List<Candidate>> byEnterprise = candidates.ofRegions(regions);
        LocalDate today = LocalDate.now(clock);
        Comparator<String> rank = rank(byEnterprise);
        Set<String> jointLeads = jointLeads(byEnterprise);
        List<Visit> items = new ArrayList<>();
        List<String> unscheduled = new ArrayList<>();
        Set<String> enterprises = new HashSet<>();
        int inspections = 0;
        for (List<Candidate> list : byEnterprise.values()) {
            Plan plan = JointVisits.plan(list, calendar::isWorkingDay, members -> leadFirst(members, rank, jointLeads), today);
            for (Visit v : plan.visits()) {
                if (!v.date().isBefore(from) && !v.date().isAfter(to)) {
                    items.add(v);
                    enterprises.add(v.uscc());
                    inspections += v.inspections().size();
                }
            }
            plan.unscheduled().stream().filter(c -> overlaps(c, from, to)).forEach(c -> unscheduled.add(c.inspectionId()));
        }
        items.sort(Comparator.comparing(Visit::date).thenComparing(Visit::uscc));
        return new RegionPlan(regionCode, from, to, enterprises.size(), inspections, items.size(), List.copyOf(unscheduled), List.copyOf(items));
    }

    /** The sort key of a visit in a region's list, and its cursor: its date, then its enterprise (an enterprise has one visit a day). */
    public static String sortKey(Visit v) {
        return v.date() + " " + v.uscc();
    }

    /** All planned visits of one enterprise, earliest first. */
    public List<Visit> ofEnterprise(String uscc) {
        Map<String, List<Candidate>> byEnterprise = candidates.ofEnterprises(List.of(uscc));
        List<Candidate> list = byEnterprise.getOrDefault(uscc, List.of());
        Comparator<String> rank = rank(byEnterprise);
        Set<String> jointLeads = jointLeads(byEnterprise);
        return JointVisits.plan(list, calendar::isWorkingDay, members -> leadFirst(members, rank, jointLeads),
                LocalDate.now(clock)).visits();
    }

    /** Higher levels first (province, city, county), then by department id: the first department's first inspector leads. */
    private Comparator<String> rank(Map<String, List<Candidate>> byEnterprise) {
        Set<String> ids = new HashSet<>();
        byEnterprise.values().forEach(list -> list.forEach(c -> ids.add(c.inspectedBy() != null ? c.inspectedBy() : c.drawnBy())));
        Map<String, Department> departments = organisation.departments(ids);
        return Comparator.comparing((String id) -> {
            Department d = departments.get(id);
            int level = d == null ? -1 : LEVELS.indexOf(d.level());
            return level < 0 ? LEVELS.size() : level;
        }).thenComparing(Comparator.naturalOrder());
    }

    /**
     * ASSIGN-12: where a visit serves a joint inspection (PLAN-15), the department that leads it comes first, so the
     * visit's leader is appointed from the lead, whatever the participants' levels and names. Decided per visit: the
     * enterprise's other visits may serve joint inspections another department leads.
     */
    private static Comparator<String> leadFirst(List<Candidate> visit, Comparator<String> rank, Set<String> jointLeads) {
        Set<String> leads = new HashSet<>();
        visit.stream().filter(c -> jointLeads.contains(c.inspectionId())).forEach(c -> leads.add(c.inspectedBy() != null ? c.inspectedBy() : c.drawnBy()));
        return leads.isEmpty() ? rank : Comparator.comparing((String id) -> !leads.contains(id)).thenComparing(rank);
    }

    /** The candidates that are the lead's inspection of a joint one (one statement for all). */
    private Set<String> jointLeads(Map<String, List<Candidate>> byEnterprise) {
        List<String> ids = byEnterprise.values().stream().flatMap(List::stream).map(Candidate::inspectionId).toList();
        return ids.isEmpty() ? Set.of() : joint.jointLeads(ids);
    }

    private static boolean overlaps(Candidate c, LocalDate from, LocalDate to) {
        return (c.windowEnd() == null || !c.windowEnd().isBefore(from)) && (c.windowStart() == null || !c.windowStart().isAfter(to));
    }
}
