package uk.cdr.caseimport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file as a header and case rows. A problem with the file as a whole (not CSV, no header,
 * unknown or missing columns, too many rows) stops here, as rows could not be read reliably; a
 * row with the wrong number of fields is reported and skipped, and the others are still read.
 */
final class ImportFile {

    static final String FORMAT = "see docs/import.md";

    private ImportFile() {
    }

    static List<RowValues> rows(String text, int maxRows, List<ImportError> errors) {
        List<CsvParser.Row> rows;
        try {
            rows = CsvParser.parse(text);
        } catch (CsvParser.Malformed e) {
            throw new InvalidImport(List.of(new ImportError(e.row, null, e.getMessage())));
        }
        if (rows.stream().allMatch(CsvParser.Row::blank)) {
            throw refused("the file is empty: its first row must name the columns (" + FORMAT + ")");
        }
        CsvParser.Row header = rows.get(0);
        Map<Integer, ImportColumn> columns = columns(header);
        List<CsvParser.Row> data = rows.subList(1, rows.size()).stream().filter(row -> !row.blank()).toList();
        if (data.isEmpty()) {
            throw refused("the file has a header but no case rows");
        }
        if (data.size() > maxRows) {
            throw refused("the file has " + data.size() + " case rows; at most " + maxRows
                    + " can be imported at once: split it into several files");
        }
        List<RowValues> values = new ArrayList<>();
        for (CsvParser.Row row : data) {
            if (row.fields().size() != header.fields().size()) {
                errors.add(new ImportError(row.number(), null, "has " + row.fields().size() + " fields but the header has "
                        + header.fields().size() + ": a comma is missing or one too many (quote text that contains commas)"));
                continue;
            }
            Map<ImportColumn, String> byColumn = new EnumMap<>(ImportColumn.class);
            columns.forEach((index, column) -> byColumn.put(column, row.fields().get(index)));
            values.add(new RowValues(row.number(), byColumn, errors));
        }
        return values;
    }

    /** Which column each field is; every header problem at once. */
    private static Map<Integer, ImportColumn> columns(CsvParser.Row header) {
        List<String> names = header.fields();
        if (header.blank()) {
            throw refused("the first row must name the columns (" + FORMAT + ")");
        }
        if (names.size() == 1 && names.get(0).contains(";")) {
            throw new InvalidImport(List.of(new ImportError(1, null,
                    "columns must be separated by commas, not semicolons: " + Utf8Text.SAVE_AS)));
        }
        List<ImportError> errors = new ArrayList<>();
        Map<Integer, ImportColumn> columns = new HashMap<>();
        Set<ImportColumn> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            Optional<ImportColumn> column = ImportColumn.ofHeader(name);
            if (name.isEmpty()) {
                errors.add(new ImportError(1, "column " + (i + 1), "has no name: every column needs one (" + FORMAT + ")"));
            } else if (column.isEmpty()) {
                errors.add(new ImportError(1, name, "is not a column of the import format (" + FORMAT + ")"));
            } else if (!seen.add(column.get())) {
                errors.add(new ImportError(1, name, "appears more than once"));
            } else {
                columns.put(i, column.get());
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !seen.contains(column)) {
                errors.add(new ImportError(1, column.header(), "is a required column and is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidImport(errors);
        }
        return columns;
    }

    private static InvalidImport refused(String rule) {
        return new InvalidImport(List.of(ImportError.ofFile(rule)));
    }
}
