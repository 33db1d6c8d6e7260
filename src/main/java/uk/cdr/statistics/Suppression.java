package uk.cdr.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The public version's small-number rule, so a published table cannot identify a child:
 * <ol>
 * <li>every count (a row or a total) of 1 to 4 is shown as "&lt;5"; zero stays 0;</li>
 * <li>in a table whose rows add up to a shown total, if exactly one row is hidden, the total
 * minus the others would reveal it: the smallest other non-zero row (the first of equals) is
 * hidden too, shown as "*".</li>
 * <li>a percentage is shown only when every count of its table is: beside a hidden count, its
 * count and denominator could give the hidden one away; it is then shown as "*".</li>
 * </ol>
 * Each year's column is treated on its own. Medians are days, not counts of children, and are
 * shown as they are.
 */
final class Suppression {

    static final String SMALL = "<5";
    static final String HIDDEN = "*";
    static final String NOTE = "Public version: counts of 1 to 4 are shown as <5. Where a table's total would "
            + "reveal a single hidden count, the next smallest count is hidden too, shown as *. A percentage is shown only "
            + "when every count of its table is, otherwise as *.";

    private Suppression() {
    }

    static YearReport publish(YearReport internal) {
        return new YearReport(internal.year(), internal.previousYear(), internal.asOf(), internal.yearHeading(),
                internal.area(), Version.PUBLIC, NOTE,
                internal.tables().stream().map(Suppression::publish).toList());
    }

    static Table publish(Table table) {
        Object[] thisYear = column(table, true);
        Object[] previousYear = column(table, false);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Row row = table.rows().get(i);
            rows.add(new Row(row.label(), row.kind(), thisYear[i], previousYear[i]));
        }
        return new Table(table.name(), table.title(), table.note(), List.copyOf(rows));
    }

    /** One column of a table as published: the small counts hidden, then what would reveal them. */
    static Object[] column(Table table, boolean thisYearColumn) {
        List<Row> rows = table.rows();
        Object[] shown = new Object[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Object value = row.value(thisYearColumn);
            shown[i] = row.kind() != Row.Kind.MEDIAN && small(value) ? SMALL : value;
        }
        concealWithin(rows, shown);
        return shown;
    }

    /**
     * Rules 2 and 3 over a column as it stands (some counts hidden already): with a shown total and
     * exactly one count hidden, the smallest other non-zero count is hidden too; beside any hidden
     * count, percentages are hidden.
     *
     * @return whether it hid anything more
     */
    static boolean concealWithin(List<Row> rows, Object[] shown) {
        boolean changed = false;
        int hiddenRows = 0;
        boolean totalShown = false;
        for (int i = 0; i < rows.size(); i++) {
            hiddenRows += rows.get(i).kind() == Row.Kind.COUNT && shown[i] instanceof String ? 1 : 0;
            totalShown |= rows.get(i).kind() == Row.Kind.TOTAL && !(shown[i] instanceof String);
        }
        if (totalShown && hiddenRows == 1) {
            int next = smallestShownCount(rows, shown);
            if (next >= 0) {
                shown[next] = HIDDEN;
                changed = true;
            }
        }
        boolean anyCountHidden = false;
        for (int i = 0; i < rows.size(); i++) {
            anyCountHidden |= rows.get(i).kind() != Row.Kind.PERCENTAGE && shown[i] instanceof String;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() == Row.Kind.PERCENTAGE && anyCountHidden && shown[i] != null
                    && !HIDDEN.equals(shown[i])) {
                shown[i] = HIDDEN;
                changed = true;
            }
        }
        return changed;
    }

    /** The smallest non-zero count still shown (the first of equals); -1 if none. */
    private static int smallestShownCount(List<Row> rows, Object[] shown) {
        int next = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() == Row.Kind.COUNT && shown[i] instanceof Long v && v > 0
                    && (next < 0 || v < (Long) shown[next])) {
                next = i;
            }
        }
        return next;
    }

    static boolean small(Object value) {
        return value instanceof Long count && count >= 1 && count <= 4;
    }
}
