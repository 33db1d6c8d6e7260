package uk.cdr.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures the home page starts each role with: how many cases are open, and how many are in
 * each stage of their process (case_stage, kept by the case's process). Counts only: no case is
 * read, so nothing here is audited.
 */
@Component
class CaseCounts {

    private final JdbcClient jdbc;

    CaseCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open() {
        return jdbc.sql("select count(*) from case_file where status <> 'CLOSED'").query(Long.class).single();
    }

    /** Open cases with no step running (their process was cancelled): the SPOC restarts them. */
    long stopped() {
        return jdbc.sql("""
                select count(*) from case_file c where c.status <> 'CLOSED'
                and not exists (select 1 from case_stage s where s.case_id = c.id)""").query(Long.class).single();
    }

    /** Cases in each stage, by stage code (CaseStage's names); a stage no case is in is absent. */
    Map<String, Long> byStage() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select stage, count(*) from case_stage group by stage")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
