package org.supervisionhub.domain.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.supervisionhub.domain.Outcome;
import org.supervisionhub.domain.Violation;
import org.supervisionhub.domain.Violation.Kind;
import org.supervisionhub.domain.inspection.DepartmentId;
import org.supervisionhub.domain.inspection.InspectionResult;

/**
 * An inspection's archived file: archived once its result is approved, kept {@code retainUntil} (ARCH-01..03); afterwards
 * its material changes only by an amendment ({@link FileAmendment}) where the jurisdiction allows any (ARCH-04, ARCH-05).
 * Violations name the subjects {@code inspectionId} and {@code retentionYears}.
 */
public record ArchivedFile(ArchiveFileId id, DepartmentId department, LocalDate archivedOn, LocalDate retainUntil) {

    /**
     * ARCH-01: archived once the inspection's {@code result} (null: none yet) is approved; OBJ-01: not while a re-examination
     * of it is under review; ARCH-03: kept {@code requestedYears}, by default and at least {@code minimumYears}.
     */
    public static Outcome<ArchivedFile> archive(ArchiveFileId id, DepartmentId department, InspectionResult result, boolean underReview,
                                                Integer requestedYears, int minimumYears, LocalDate today) {
        List<Violation> all = new ArrayList<>();
        if (result == null || !result.status().approved()) {
            all.add(Violation.illegalTransition("inspectionId", "the file is archived once its result is approved", "ARCH-01"));
        }
        if (underReview) {
            all.add(new Violation(Kind.CONFLICT, "inspectionId", "a re-examination of the result is under review", "OBJ-01"));
        }
        int years = requestedYears == null ? minimumYears : requestedYears;
        if (years < minimumYears) {
            all.add(new Violation(Kind.INVALID_VALUE, "retentionYears", "at least " + minimumYears, "ARCH-03"));
        }
        if (!all.isEmpty()) {
            return new Outcome.Refused<>(all);
        }
        return Outcome.done(new ArchivedFile(id, department, today, today.plusYears(years)));
    }

    /** ARCH-04: where the jurisdiction allows no change at all ({@code changesAllowed} false), none is even asked for. */
    public static List<Violation> amendable(boolean changesAllowed) {
        return changesAllowed ? List.of() : List.of(new Violation(Kind.FORBIDDEN_CHANGE, "fileId",
                "no unit or individual may modify, add to or remove archived material in this jurisdiction", "ARCH-04"));
    }
}
