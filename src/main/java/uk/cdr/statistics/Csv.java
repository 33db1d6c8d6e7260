package uk.cdr.statistics;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One table as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they need it. */
final class Csv {

    private Csv() {
    }

    static String of(YearReport report, Table table) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.of("Figure", report.yearHeading(), report.previousYear()));
        for (Row row : table.rows()) {
            line(csv, List.of(row.label(), text(row.thisYear()), text(row.previousYear())));
        }
        return csv.toString();
    }

    /** The file name a browser saves: which report, which year, which table, which version. */
    static String fileName(YearReport report, Table table) {
        return "cdop-statistics-" + report.year() + (report.area() == null ? "" : "-" + report.area().code()) + "-" + table.name()
                + (report.version() == Version.PUBLIC ? "-public" : "") + ".csv";
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(String value) {
        if (Stream.of(",", "\"", "\r", "\n").anyMatch(value::contains)) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
