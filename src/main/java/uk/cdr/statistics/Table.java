package uk.cdr.statistics;

import java.util.List;

/**
 * A table of the annual report. Where it has a total row, its counts add up to that total: the
 * public version then also hides a second cell when the total would give a hidden one away.
 */
public record Table(String name, String title, String note, List<Row> rows) {

    public boolean hasTotal() {
        return rows.stream().anyMatch(r -> r.kind() == Row.Kind.TOTAL);
    }
}
