package uk.cdr.statistics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counting in SQL the same way on H2 and PostgreSQL. The key is computed in an inner select and
 * grouped in the outer one, because the two databases disagree on grouping by an output alias or
 * a CASE expression. Every query gets the year as named parameters: :first and :last (dates, both
 * inclusive) and :start and :end (UK midnight instants, end exclusive).
 */
final class Counts {

    private Counts() {
    }

    static Map<String, Object> of(ReportingPeriod year) {
        return Map.of("first", year.firstDay(), "last", year.lastDay(), "start", year.start(), "end", year.end());
    }

    /** @param keys a select of one column, k, per counted row; a null k is counted under the null key */
    static Map<String, Long> by(JdbcClient jdbc, String keys, Map<String, ?> params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select k, count(*) from (" + keys + ") counted group by k")
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    static long count(JdbcClient jdbc, String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
