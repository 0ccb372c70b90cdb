package org.supervisionhub.api.directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.supervisionhub.api.errors.Checks;
import org.supervisionhub.api.errors.InvalidInputException;
import org.supervisionhub.api.errors.Violation;
import org.supervisionhub.api.errors.ErrorCode;

/** Reads a CSV with a header (Apache Commons CSV) and gives typed, validated cell access per row. */
public final class CsvImport {

    /** One data row; typed getters record a violation and return null on a bad cell. */
    public record Row(CSVRecord record, int line, Checks checks) {

        public String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String v = record.get(column).strip();
            return v.isEmpty() ? null : v;
        }

        public String required(String column) {
            String v = text(column);
            checks.require(column, v);
            return v;
        }

        public String oneOf(String column, Set<String> allowed) {
            String v = text(column);
            if (v != null && !allowed.contains(v)) {
                checks.add(Violation.of(column, ErrorCode.INVALID_VALUE, column + ": '" + v + "' is not one of " + allowed));
                return v; // the row is rejected anyway; keeps "REQUIRED" from piling on
            }
            return v;
        }

        public LocalDate date(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                checks.add(Violation.of(column, ErrorCode.INVALID_VALUE, column + ": '" + v + "' is not a date (YYYY-MM-DD)"));
                return null;
            }
        }

        public Double decimal(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                checks.add(Violation.of(column, ErrorCode.INVALID_VALUE, column + ": '" + v + "' is not a number"));
                return null;
            }
        }

        public Integer integer(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                checks.add(Violation.of(column, ErrorCode.INVALID_VALUE, column + ": '" + v + "' is not an integer"));
                return null;
            }
        }
    }

    private CsvImport() {
    }

    /**
     * Parses the file; a missing required column rejects the whole file (field {@code argument}),
     * since no row could be read correctly.
     */
    public static List<Row> parse(String csv, String argument, List<String> requiredColumns) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), format)) {
            List<String> missing = requiredColumns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw InvalidInputException.of(argument, ErrorCode.REQUIRED, argument + ": missing columns " + missing
                        + "; expected " + Arrays.toString(requiredColumns.toArray()), null);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                // Lines are 1-based and count the header, as a spreadsheet shows them.
                rows.add(new Row(r, (int) r.getRecordNumber() + 1, new Checks()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw InvalidInputException.of(argument, ErrorCode.INVALID_VALUE, argument + ": not a readable CSV file: " + e.getMessage(), null);
        } catch (java.io.UncheckedIOException e) {
            throw InvalidInputException.of(argument, ErrorCode.INVALID_VALUE, argument + ": not a readable CSV file: " + e.getMessage(), null);
        }
    }
}
