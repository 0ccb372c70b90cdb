package org.supervisionhub.api.directory;

import java.util.List;

import org.supervisionhub.api.audit.MutationAudit;

/**
 * Outcome of a CSV import: good rows loaded, each rejected row with its line, field and reason.
 * {@code acceptedKeys} (not in the schema) names the records loaded, for the audit trail.
 */
public record ImportReport(int accepted, int rejected, List<Rejection> rejections, List<String> acceptedKeys)
        implements MutationAudit.AffectsIds {

    public static final int MAX_LISTED = 1000;

    public record Rejection(String file, int line, String field, org.supervisionhub.api.errors.ErrorCode code, String message) {
    }

    /** Counts rejected rows (a row with several violations counts once) and lists the first {@link #MAX_LISTED}. */
    public static ImportReport of(int accepted, List<Rejection> rejections, List<String> acceptedKeys) {
        List<Rejection> sorted = rejections.stream()
                .sorted(java.util.Comparator.comparing(Rejection::file).thenComparingInt(Rejection::line)).toList();
        int rows = (int) sorted.stream().map(r -> r.file() + ":" + r.line()).distinct().count();
        return new ImportReport(accepted, rows, sorted.subList(0, Math.min(sorted.size(), MAX_LISTED)), List.copyOf(acceptedKeys));
    }

    @Override
    public List<String> affectedIds() {
        return acceptedKeys;
    }
}
