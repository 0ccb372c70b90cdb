package org.supervisionhub.domain.followup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;
import org.supervisionhub.domain.inspection.InspectionId;
import org.supervisionhub.domain.inspection.ResultCategory;

/**
 * Serious non-cooperation during an inspection: the circumstances (NONCOOP-01..03), recorded with the evidence kept of it
 * (NONCOOP-02), before a result may name it. Whether the inspection is still active and who records it are the
 * inspection's and the access layer's. Violations name the subjects {@code circumstances}, {@code evidenceIds} and
 * {@code category}.
 */
public record NonCooperation(InspectionId inspection, List<NonCooperationCircumstance> circumstances, List<String> evidenceIds) {

    public NonCooperation {
        java.util.Objects.requireNonNull(inspection, "inspection");
        circumstances = List.copyOf(circumstances);
        evidenceIds = List.copyOf(evidenceIds);
    }

    /** NONCOOP-01: at least one circumstance is named. */
    public static List<Violation> circumstancesNamed(Collection<NonCooperationCircumstance> circumstances) {
        return circumstances != null && !circumstances.isEmpty() ? List.of()
                : List.of(new Violation(Kind.REQUIRED, "circumstances", "at least one", "NONCOOP-01"));
    }

    /** NONCOOP-02: the evidence kept of it is named, each of it evidence of this inspection ({@code ofInspection}). */
    public static List<Violation> evidenceKept(InspectionId inspection, Collection<String> evidenceIds, Set<String> ofInspection) {
        List<String> ids = distinct(evidenceIds);
        if (ids.isEmpty()) {
            return List.of(new Violation(Kind.REQUIRED, "evidenceIds", "the evidence kept of it (recordEvidence)", "NONCOOP-02"));
        }
        return ids.stream().filter(e -> !ofInspection.contains(e)).findFirst()
                .map(e -> List.of(new Violation(Kind.INVALID_VALUE, "evidenceIds", e + " is not evidence of " + inspection, "NONCOOP-02")))
                .orElse(List.of());
    }

    /** NONCOOP-01, NONCOOP-02: recorded with its circumstances (each once, in their order) and the evidence kept of it (each once, as given). */
    public static Outcome<NonCooperation> record(InspectionId inspection, Collection<NonCooperationCircumstance> circumstances,
                                                 Collection<String> evidenceIds, Set<String> ofInspection) {
        List<Violation> all = new ArrayList<>(circumstancesNamed(circumstances));
        all.addAll(evidenceKept(inspection, evidenceIds, ofInspection));
        if (!all.isEmpty()) {
            return new Outcome.Refused<>(all);
        }
        return Outcome.done(new NonCooperation(inspection, List.copyOf(EnumSet.copyOf(circumstances)), distinct(evidenceIds)));
    }

    /** NONCOOP-02: a result names serious non-cooperation ({@code category}) only once it is {@code recorded} on the inspection. */
    public static List<Violation> namedByResult(ResultCategory category, boolean recorded) {
        return category != ResultCategory.SERIOUS_NON_COOPERATION || recorded ? List.of()
                : List.of(new Violation(Kind.CONFLICT, "category", "SERIOUS_NON_COOPERATION needs the circumstances recorded first"
                        + " (recordNonCooperation, with evidence)", "NONCOOP-02"));
    }

    private static List<String> distinct(Collection<String> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }
}
