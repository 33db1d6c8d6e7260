package uk.cdr.caseimport;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 defines them: fields in double quotes may hold commas, line
 * breaks and doubled quotes (""). Hand-written and strict because commons-csv is not on our
 * classpath and a lenient reader would import a half-broken spreadsheet without a word. Lines may
 * end in CRLF, LF or CR. Rows are numbered as a spreadsheet numbers them, the header being row 1,
 * so a quoted line break does not start a new row.
 */
final class CsvParser {

    record Row(int number, List<String> fields) {

        /** An empty line, or one of only commas, as spreadsheets leave at the end. */
        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    static class Malformed extends RuntimeException {

        final int row;

        Malformed(int row, String rule) {
            super(rule);
            this.row = row;
        }
    }

    private CsvParser() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean closedQuote = false;
        int row = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    inQuotes = false;
                    closedQuote = true;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                closedQuote = false;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                rows.add(new Row(row++, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                closedQuote = false;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (closedQuote) {
                throw new Malformed(row, "has text after a closing quote: a quoted field must end at a comma or the end "
                        + "of the row");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new Malformed(row, "has a quote inside an unquoted field: put the whole field in quotes and "
                            + "double the quote (\"\")");
                }
                inQuotes = true;
            } else {
                field.append(c);
            }
            i++;
        }
        if (inQuotes) {
            throw new Malformed(row, "has a quoted field that is never closed (unbalanced quotes)");
        }
        if (!fields.isEmpty() || field.length() > 0 || closedQuote) {
            fields.add(field.toString());
            rows.add(new Row(row, List.copyOf(fields)));
        }
        return rows;
    }
}
