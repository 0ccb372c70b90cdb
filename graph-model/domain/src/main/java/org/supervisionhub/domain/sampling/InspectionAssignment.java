package org.supervisionhub.domain.sampling;

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
 * A drawn inspection's inspectors after the random match (vdraw-1 steps 14 to 17): an active inspection, once matched
 * (ASSIGN-01), has an inspector substituted (ASSIGN-04), is matched with neighbouring regions' inspectors when it was
 * flagged short (ASSIGN-08) or is assigned inspectors directly, who must be qualified and without a conflict (ASSIGN-02,
 * ASSIGN-03, ASSIGN-08). Who is qualified and who must recuse is read of the roster by the caller and passed as values.
 *
 * <p>Violations name the subject {@code id} (the inspection), {@code inspectorId} or {@code inspectorIds[i]}.
 */
public record InspectionAssignment(String id, InspectionStatus status, LocalDate plannedOn, boolean flagged, List<Assignee> assignees) {

    /** An inspector assigned to the inspection; {@code dropped} once substituted out (ASSIGN-04). */
    public record Assignee(String inspectorId, boolean dropped) {
    }

    /** Direct assignment as decided: who is added (each once) and whether the team is still short, so flagged (step 16). */
    public record Direct(List<String> inspectorIds, boolean flagged) {
    }

    public InspectionAssignment {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(status, "status");
        assignees = List.copyOf(assignees);
    }

    /** ASSIGN-04, ASSIGN-01: only an active inspection already matched with inspectors changes its inspectors. */
    public List<Violation> changeable() {
        if (status != InspectionStatus.ACTIVE) {
            return List.of(Violation.illegalTransition("id", "inspection " + id + " is " + status, "ASSIGN-04"));
        }
        if (plannedOn == null) {
            return List.of(Violation.illegalTransition("id", "inspection " + id + " has not been matched with inspectors yet;"
                    + " run assignInspectors first", "ASSIGN-01"));
        }
        return List.of();
    }

    /** ASSIGN-04: only an inspector assigned to the inspection, not already substituted out, is substituted. */
    public List<Violation> substitutable(String inspectorId) {
        return current().contains(inspectorId) ? List.of()
                : List.of(new Violation(Kind.NOT_FOUND, "inspectorId", inspectorId + " is not assigned to inspection " + id, "ASSIGN-04"));
    }

    /** ASSIGN-08: a flagged inspection is matched with neighbouring regions' inspectors, when its task allows them. */
    public List<Violation> neighbourMatchable(String taskId, boolean neighbouringRegions) {
        if (!neighbouringRegions) {
            return List.of(Violation.illegalTransition("id", "task " + taskId + " does not allow inspectors of neighbouring regions", "ASSIGN-08"));
        }
        if (!flagged) {
            return List.of(Violation.illegalTransition("id", "inspection " + id + " has its inspectors; only a flagged one is matched", "ASSIGN-08"));
        }
        return List.of();
    }

    /** Where an inspector stands on the inspection's team now, after substitutions. */
    public enum Standing { ON_TEAM, SUBSTITUTED_OUT, NOT_ON_TEAM }

    /** ONSITE-02, ASSIGN-04: an inspector acts on the inspection only on its current team; one substituted out no longer does. */
    public Standing standing(String inspectorId) {
        if (current().contains(inspectorId)) {
            return Standing.ON_TEAM;
        }
        return assignees.stream().anyMatch(a -> a.inspectorId().equals(inspectorId)) ? Standing.SUBSTITUTED_OUT : Standing.NOT_ON_TEAM;
    }

    /** How many inspectors a team of {@code required} still lacks. */
    public int missing(int required) {
        return required - current().size();
    }

    /** ASSIGN-08: a direct assignment names at least one inspector (checked before anything is read). */
    public static List<Violation> named(List<String> inspectorIds) {
        return inspectorIds == null || !inspectorIds.isEmpty() ? List.of()
                : List.of(new Violation(Kind.REQUIRED, "inspectorIds", "name at least one inspector", "ASSIGN-08"));
    }

    /**
     * ASSIGN-08, ASSIGN-02, ASSIGN-03: {@code inspectorIds} are assigned directly to a team of {@code required}; each is not
     * assigned yet, is {@code qualified} (on the roster of {@code inspectedBy} or a neighbouring department with a valid
     * certificate on {@code on}) and has no conflict ({@code recusals}: inspector → reasons to recuse).
     */
    public Outcome<Direct> direct(List<String> inspectorIds, Collection<String> qualified, Map<String, List<String>> recusals,
                                  String inspectedBy, LocalDate on, int required) {
        Set<String> taken = current();
        List<String> ids = inspectorIds.stream().distinct().toList();
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String p = ids.get(i);
            String f = "inspectorIds[" + i + "]";
            if (taken.contains(p)) {
                out.add(new Violation(Kind.CONFLICT, f, p + " is already assigned", null));
            }
            if (!qualified.contains(p)) {
                out.add(new Violation(Kind.INVALID_VALUE, f, p + " is not on the roster of " + inspectedBy
                        + " or a neighbouring department with a valid certificate on " + on, "ASSIGN-02"));
            }
            if (recusals.containsKey(p)) {
                out.add(new Violation(Kind.INVALID_VALUE, f, p + " must recuse: " + recusals.get(p), "ASSIGN-03"));
            }
        }
        if (!out.isEmpty()) {
            return new Outcome.Refused<>(out);
        }
        return Outcome.done(new Direct(ids, taken.size() + ids.size() < required));
    }

    /** ASSIGN-03: the conflicts that keep an inspector out of an enterprise's inspection; a recent visit (rotation) is a draw rule only. */
    public static final Set<String> CONFLICTS = Set.of("DECLARED_CONFLICT", "LINKED_TO_ENTERPRISE", "LINKED_TO_RELATED_PERSON");
    /** ASSIGN-03: recusal reasons in the order one is reported when several apply (vdraw-1's recusal priority). */
    public static final List<String> RECUSAL_PRIORITY = List.of("DECLARED_CONFLICT", "LINKED_TO_ENTERPRISE",
            "LINKED_TO_RELATED_PERSON", "RECENT_VISIT");
    /** ASSIGN-03: the draw's skip reasons that are recusals; a workload-cap skip is not. */
    public static final Set<String> RECUSED_AT_DRAW = Set.copyOf(RECUSAL_PRIORITY);

    /**
     * ASSIGN-03: why an inspector is recused from the inspection's enterprise, sorted; empty when they are not. {@code skippedAtDraw}:
     * the reasons the draw skipped them for this inspection; {@code onGraphToday}: the reasons the roster gives today.
     */
    public static Set<String> recusal(Collection<String> skippedAtDraw, Collection<String> onGraphToday) {
        Set<String> reasons = new java.util.TreeSet<>();
        skippedAtDraw.stream().filter(RECUSED_AT_DRAW::contains).forEach(reasons::add);
        onGraphToday.stream().filter(CONFLICTS::contains).forEach(reasons::add);
        return reasons;
    }

    /** The inspectors who act on the inspection now. */
    private Set<String> current() {
        Set<String> out = new LinkedHashSet<>();
        assignees.stream().filter(a -> !a.dropped()).forEach(a -> out.add(a.inspectorId()));
        return out;
    }
}
