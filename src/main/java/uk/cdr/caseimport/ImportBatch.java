package uk.cdr.caseimport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one import file, insert by insert, sent as multi-row inserts in JDBC batches: a
 * statement per row made a file of thousands of cases slow, on the server as much as on the
 * wire. Inserts run in the order they were declared, so a row's foreign keys (its case, its
 * panel meeting) are in before it.
 */
final class ImportBatch {

    /** Rows per statement; a case file's 30 values make 3,000 parameters, well under PostgreSQL's 32,767. */
    static final int ROWS_PER_STATEMENT = 100;

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    /** @param insertsInOrder each "insert into ... values (...)" with one row's values */
    ImportBatch(List<String> insertsInOrder) {
        insertsInOrder.forEach(insert -> rows.put(insert, new ArrayList<>()));
    }

    void add(String insert, Object... values) {
        List<Object[]> ofInsert = rows.get(insert);
        if (ofInsert == null) {
            throw new IllegalArgumentException("not declared, so its place in the order is unknown: " + insert);
        }
        ofInsert.add(values);
    }

    void write(JdbcTemplate jdbc) {
        rows.forEach((insert, values) -> {
            int full = values.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
            if (full > 0) {
                jdbc.batchUpdate(manyRows(insert, ROWS_PER_STATEMENT), flattened(values.subList(0, full)));
            }
            if (full < values.size()) {
                List<Object[]> rest = values.subList(full, values.size());
                jdbc.update(manyRows(insert, rest.size()), flattened(rest).get(0));
            }
        });
    }

    /** The insert with its values list repeated: "values (?, ?), (?, ?)". */
    private static String manyRows(String insert, int count) {
        int values = insert.toLowerCase(Locale.ROOT).lastIndexOf("values") + "values".length();
        return insert.substring(0, values) + " "
                + String.join(", ", Collections.nCopies(count, insert.substring(values).trim()));
    }

    /** A statement's parameters per group of {@link #ROWS_PER_STATEMENT} rows (fewer in the last). */
    private static List<Object[]> flattened(List<Object[]> values) {
        List<Object[]> statements = new ArrayList<>();
        for (int from = 0; from < values.size(); from += ROWS_PER_STATEMENT) {
            statements.add(values.subList(from, Math.min(values.size(), from + ROWS_PER_STATEMENT)).stream()
                    .flatMap(java.util.Arrays::stream).toArray());
        }
        return statements;
    }
}
