package uk.cdr.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public version where the CDOP has several areas. The whole CDOP's figures and each area's are
 * published, and each figure of the whole is the sum of the areas' same figure (a case has one
 * area): wherever exactly one of those figures is hidden, the others give it away. So, besides each
 * report's own rule ({@link Suppression}), wherever exactly one of them is hidden the smallest
 * non-zero area figure still shown is hidden too, shown as "*" (the whole's, if no area has one), and
 * each report's own rule is applied again, until nothing more needs hiding. Each year's column on its own.
 */
final class AreaSuppression {

    private AreaSuppression() {
    }

    /**
     * @param whole the whole CDOP's internal report
     * @param areas each area's internal report of the same year
     * @return the public reports: the whole CDOP's first, then the areas' in the order given
     */
    static List<YearReport> publish(YearReport whole, List<YearReport> areas) {
        List<YearReport> reports = new ArrayList<>();
        reports.add(whole);
        reports.addAll(areas);
        // shown.get(report).get(table)[column][row]: column 0 this year, 1 the year before.
        List<List<Object[][]>> shown = new ArrayList<>();
        for (YearReport report : reports) {
            List<Object[][]> tables = new ArrayList<>();
            for (Table table : report.tables()) {
                tables.add(new Object[][] { Suppression.column(table, true), Suppression.column(table, false) });
            }
            shown.add(tables);
        }
        boolean changed;
        do {
            changed = false;
            for (Table table : whole.tables()) {
                for (Map.Entry<String, Row.Kind> row : rowsOf(reports, table.name()).entrySet()) {
                    if (row.getValue() == Row.Kind.COUNT || row.getValue() == Row.Kind.TOTAL) {
                        for (int column = 0; column < 2; column++) {
                            changed |= concealAcross(reports, shown, table.name(), row.getKey(), column);
                        }
                    }
                }
            }
            for (int r = 0; r < reports.size(); r++) {
                for (int t = 0; t < reports.get(r).tables().size(); t++) {
                    List<Row> rows = reports.get(r).tables().get(t).rows();
                    for (int column = 0; column < 2; column++) {
                        changed |= Suppression.concealWithin(rows, shown.get(r).get(t)[column]);
                    }
                }
            }
        } while (changed);
        List<YearReport> published = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            YearReport internal = reports.get(r);
            List<Table> tables = new ArrayList<>();
            for (int t = 0; t < internal.tables().size(); t++) {
                Table table = internal.tables().get(t);
                Object[][] values = shown.get(r).get(t);
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < table.rows().size(); i++) {
                    Row row = table.rows().get(i);
                    rows.add(new Row(row.label(), row.kind(), values[0][i], values[1][i]));
                }
                tables.add(new Table(table.name(), table.title(), table.note(), List.copyOf(rows)));
            }
            published.add(new YearReport(internal.year(), internal.previousYear(), internal.asOf(),
                    internal.yearHeading(), internal.area(), Version.PUBLIC, Suppression.NOTE + " " + NOTE,
                    List.copyOf(tables)));
        }
        return published;
    }

    static final String NOTE = "The whole CDOP's figures and each area's are hidden together, so that no area's "
            + "figure can be worked out from the others.";

    /**
     * A table's rows across the reports, by label: an area with no such case has no row for it (0), and
     * an area without a case of an edition has none of that edition's tables (0 too).
     */
    private static Map<String, Row.Kind> rowsOf(List<YearReport> reports, String table) {
        Map<String, Row.Kind> rows = new LinkedHashMap<>();
        for (YearReport report : reports) {
            int t = tableIndex(report, table);
            if (t >= 0) {
                report.tables().get(t).rows().forEach(row -> rows.putIfAbsent(row.label(), row.kind()));
            }
        }
        return rows;
    }

    private static int tableIndex(YearReport report, String name) {
        for (int t = 0; t < report.tables().size(); t++) {
            if (report.tables().get(t).name().equals(name)) {
                return t;
            }
        }
        return -1;
    }

    /** Where exactly one of the whole's and the areas' figures is hidden, hides another. */
    private static boolean concealAcross(List<YearReport> reports, List<List<Object[][]>> shown, String table,
            String label, int column) {
        int hidden = 0;
        int smallestArea = -1;
        long smallest = Long.MAX_VALUE;
        for (int r = 0; r < reports.size(); r++) {
            int t = tableIndex(reports.get(r), table);
            int i = t < 0 ? -1 : indexOf(reports.get(r).tables().get(t), label);
            if (i < 0) {
                continue;
            }
            Object value = shown.get(r).get(t)[column][i];
            if (value instanceof String) {
                hidden++;
            } else if (r > 0 && value instanceof Long v && v > 0 && v < smallest) {
                smallest = v;
                smallestArea = r;
            }
        }
        if (hidden != 1) {
            return false;
        }
        int report = smallestArea;
        if (report < 0) {
            int t = tableIndex(reports.get(0), table);
            int i = indexOf(reports.get(0).tables().get(t), label);
            if (i < 0 || !(shown.get(0).get(t)[column][i] instanceof Long v && v > 0)) {
                return false;
            }
            report = 0;
        }
        int t = tableIndex(reports.get(report), table);
        int i = indexOf(reports.get(report).tables().get(t), label);
        shown.get(report).get(t)[column][i] = Suppression.HIDDEN;
        return true;
    }

    private static int indexOf(Table table, String label) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.rows().get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }
}
