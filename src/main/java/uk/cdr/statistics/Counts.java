package uk.cdr.statistics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counting in SQL the same way on H2 and PostgreSQL, the reporting year and the year before it in
 * one statement (a report is a dozen statements, not forty). Every query gets both years as named
 * parameters: :first and :last (dates of the year, both inclusive), :start and :end (UK midnight
 * instants, end exclusive), and the same of the year before as :previousFirst, :previousLast,
 * :previousStart and :previousEnd. Counted rows say which year they fall in with a column y,
 * 'year' or 'previous' ({@link #yearOf}).
 */
final class Counts {

    static final String YEAR = "year";
    static final String PREVIOUS = "previous";

    private Counts() {
    }

    /** The y column of a counted row: which of the two years the date or instant falls in. */
    static String yearOf(String dateOrInstant, String firstOfYear) {
        return "case when " + dateOrInstant + " >= " + firstOfYear + " then '" + YEAR + "' else '" + PREVIOUS + "' end";
    }

    /** Where a statement keeps only one area's rows ({@link #inArea}). */
    static final String AREA = "/*area*/";

    /**
     * The statement with its {@link #AREA} mark replaced: nothing for the whole CDOP, otherwise a
     * condition keeping the rows of cases of one area (named parameter :area, {@link #withArea}).
     *
     * @param caseId the column of the counted row that is its case's id
     */
    static String inArea(String sql, String area, String caseId) {
        return sql.replace(AREA, area == null ? "" : " and " + caseId + " in (select a.id from case_file a where a.area = :area)");
    }

    /** The parameters, with :area where the figures are of one area. */
    static Map<String, Object> withArea(Map<String, Object> params, String area) {
        if (area != null) {
            params.put("area", area);
        }
        return params;
    }

    static Map<String, Object> of(ReportingPeriod year) {
        ReportingPeriod previous = year.previous();
        Map<String, Object> params = new HashMap<>();
        params.put("first", year.firstDay());
        params.put("last", year.lastDay());
        params.put("start", year.start());
        params.put("end", year.end());
        params.put("previousFirst", previous.firstDay());
        params.put("previousLast", previous.lastDay());
        params.put("previousStart", previous.start());
        params.put("previousEnd", previous.end());
        return params;
    }

    /** Counts per code in the year and the year before. */
    record TwoYears(Map<String, Long> year, Map<String, Long> previous) {

        long total(String of) {
            return (YEAR.equals(of) ? year : previous).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Several breakdowns of one set of rows in one statement: the rows are selected once, then each
     * column is grouped on its own. Keys are compared as text; a null key is counted under null.
     *
     * @param rows a select with the column y and each of the columns
     */
    static Map<String, TwoYears> breakdowns(JdbcClient jdbc, String rows, List<String> columns, Map<String, ?> params) {
        String grouped = columns.stream()
                .map(column -> "select '" + column + "' as breakdown, y, cast(" + column + " as varchar(200)) as k, count(*) as n"
                        + " from counted group by y, " + column)
                .collect(Collectors.joining(" union all "));
        Map<String, TwoYears> counts = new LinkedHashMap<>();
        columns.forEach(column -> counts.put(column, new TwoYears(new LinkedHashMap<>(), new LinkedHashMap<>())));
        jdbc.sql("with counted as (" + rows + ") " + grouped).params(params).query(rs -> {
            TwoYears breakdown = counts.get(rs.getString(1));
            (YEAR.equals(rs.getString(2)) ? breakdown.year() : breakdown.previous()).put(rs.getString(3), rs.getLong(4));
        });
        return counts;
    }

    /** One breakdown: the counts per k. */
    static TwoYears by(JdbcClient jdbc, String rows, Map<String, ?> params) {
        return breakdowns(jdbc, rows, List.of("k"), params).get("k");
    }

    /** How many rows fall in each year. */
    static TwoYears rows(JdbcClient jdbc, String rows, Map<String, ?> params) {
        return by(jdbc, "select y, 'all' as k from (" + rows + ") r", params);
    }
}
