package org.supervisionhub.api.directory;

import java.util.List;

/** Outcome of a CSV import: good rows loaded, each rejected row with its line, field and reason. */
public record ImportReport(int accepted, int rejected, List<Rejection> rejections) {

    public static final int MAX_LISTED = 1000;

    public record Rejection(int line, String field, String code, String message) {
    }
}
