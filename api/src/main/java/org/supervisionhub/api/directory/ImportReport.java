package org.supervisionhub.api.directory;

import java.util.List;

/** Outcome of a CSV import: good rows loaded, each rejected row with its line, field and reason. */
public record ImportReport(int accepted, int rejected, List<Rejection> rejections) {

    public static final int MAX_LISTED = 1000;

    public record Rejection(String file, int line, String field, String code, String message) {
    }

    /** Counts rejected rows (a row with several violations counts once) and lists the first {@link #MAX_LISTED}. */
    public static ImportReport of(int accepted, List<Rejection> rejections) {
        List<Rejection> sorted = rejections.stream()
                .sorted(java.util.Comparator.comparing(Rejection::file).thenComparingInt(Rejection::line)).toList();
        int rows = (int) sorted.stream().map(r -> r.file() + ":" + r.line()).distinct().count();
        return new ImportReport(accepted, rows, sorted.subList(0, Math.min(sorted.size(), MAX_LISTED)));
    }
}
