package uk.cdr.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of one table, drawn as inline SVG by the page: no script, no chart
 * library to load, and it prints as sharply as the text. Each row gets a bar for the year and a
 * lighter one for the year before. A hidden count of the public version ("<5", "*") draws no bar,
 * so the chart gives away nothing the table hides.
 */
public record Chart(String table, String title, String year, String previousYear, int height, List<Bar> bars) {

    static final int WIDTH = 480;
    /**
     * Compact rows (a label over two thin bars), so a chart printed beside or under its table is
     * about as tall as the table, not a page of its own.
     */
    private static final int LEGEND = 22;
    private static final int ROW = 38;
    private static final double LONGEST_BAR = 420;

    /** Positions in SVG user units, as text so they print the same in every locale. */
    public record Bar(String label, int labelY, int thisY, String thisWidth, String thisTextX, String thisText,
            int previousY, String previousWidth, String previousTextX, String previousText) {
    }

    /** The count rows of a table (not its total or median), charted. */
    static Chart of(YearReport report, String tableName, String title) {
        Table table = report.table(tableName).orElseThrow();
        List<Row> rows = table.rows().stream().filter(r -> r.kind() == Row.Kind.COUNT).toList();
        double largest = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.thisYear(), r.previousYear()))
                .filter(Number.class::isInstance).mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
        double scale = largest > 0 ? LONGEST_BAR / largest : 0;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int top = LEGEND + i * ROW;
            double thisWidth = width(row.thisYear(), scale);
            double previousWidth = width(row.previousYear(), scale);
            bars.add(new Bar(row.label(), top + 12, top + 16, number(thisWidth), number(thisWidth + 6),
                    Cells.text(row.thisYear()), top + 27, number(previousWidth), number(previousWidth + 6),
                    Cells.text(row.previousYear())));
        }
        return new Chart(tableName, title, report.year(), report.previousYear(), LEGEND + rows.size() * ROW + 4,
                List.copyOf(bars));
    }

    public int width() {
        return WIDTH;
    }

    private static double width(Object value, double scale) {
        return value instanceof Number n ? n.doubleValue() * scale : 0;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
