package uk.cdr.caseimport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.cdr.web.PlainText;

/**
 * One case row of the file, read column by column. Each reader checks one value and notes any
 * broken rule against the row and column, then carries on, so one pass finds every problem.
 * Codes are compared in lower case: spreadsheets like to capitalise "Yes".
 */
final class RowValues {

    /** Dates as ISO (2013-05-04) or as UK spreadsheets write them (04/05/2013, day first). */
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
            .withResolverStyle(ResolverStyle.STRICT);

    private final int row;
    private final Map<ImportColumn, String> values;
    private final List<ImportError> errors;
    private int broken;

    RowValues(int row, Map<ImportColumn, String> values, List<ImportError> errors) {
        this.row = row;
        this.values = values;
        this.errors = errors;
    }

    int row() {
        return row;
    }

    /** The trimmed value; empty when the cell is empty or the column is not in the file. */
    String raw(ImportColumn column) {
        String value = values.get(column);
        return value == null ? "" : value.trim();
    }

    boolean given(ImportColumn column) {
        return !raw(column).isEmpty();
    }

    void error(ImportColumn column, String rule) {
        errors.add(new ImportError(row, column.header(), rule));
        broken++;
    }

    boolean hasErrors() {
        return broken > 0;
    }

    /** Free text: a quoted cell may span lines. */
    String text(ImportColumn column, boolean required, int max) {
        String value = checkedText(column, required, max);
        if (value != null && !PlainText.isMultiLine(value)) {
            error(column, PlainText.MULTI_LINE_RULE);
            return null;
        }
        return value;
    }

    /** A name or other one-line value. */
    String line(ImportColumn column, boolean required, int max) {
        String value = checkedText(column, required, max);
        if (value != null && !PlainText.isSingleLine(value)) {
            error(column, PlainText.SINGLE_LINE_RULE);
            return null;
        }
        return value;
    }

    private String checkedText(ImportColumn column, boolean required, int max) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            error(column, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    String code(ImportColumn column, List<String> codes, boolean required) {
        String value = raw(column).toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            if (required) {
                error(column, "is required: one of " + String.join(", ", codes));
            }
            return null;
        }
        if (!codes.contains(value)) {
            error(column, "must be one of " + String.join(", ", codes) + " (was \"" + raw(column) + "\")");
            return null;
        }
        return value;
    }

    Boolean yesNo(ImportColumn column, boolean required) {
        String value = code(column, List.of("yes", "no"), required);
        return value == null ? null : value.equals("yes");
    }

    LocalDate date(ImportColumn column, boolean required) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (required) {
                error(column, "is required: a date, yyyy-mm-dd or dd/mm/yyyy");
            }
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(column, "must be a date, yyyy-mm-dd or dd/mm/yyyy (was \"" + value + "\")");
            return null;
        }
    }

    /** A whole number in a range; an empty cell is null. */
    Integer number(ImportColumn column, int min, int max) {
        String value = raw(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(column, "must be a whole number from " + min + " to " + max + " (was \"" + value + "\")");
        return null;
    }

    /** A column that only some cases may fill in. */
    void mustBeEmpty(ImportColumn column, String unless) {
        if (given(column)) {
            error(column, "must be empty unless " + unless);
        }
    }
}
