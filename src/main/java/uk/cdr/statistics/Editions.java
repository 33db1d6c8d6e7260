package uk.cdr.statistics;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.guidance.Edition;

/**
 * Which editions a report's two years have cases of: each case is counted by its own edition, and a
 * year with no case of an edition leaves that edition's tables out (a deployment that only ever ran
 * 2013 keeps its report exactly as it was).
 */
record Editions(boolean of2013, boolean of2018) {

    /** Deaths of each edition in the year or the year before, of one area or the whole CDOP. */
    static Editions in(JdbcClient jdbc, ReportingPeriod year, String area) {
        Map<String, Object> params = Counts.withArea(Counts.of(year), area);
        long[] deaths = jdbc.sql(Counts.inArea("""
                select coalesce(sum(case when c.edition = '2018' then 0 else 1 end), 0),
                       coalesce(sum(case when c.edition = '2018' then 1 else 0 end), 0)
                from case_file c where c.date_of_death >= :previousFirst and c.date_of_death <= :last/*area*/""", area, "c.id"))
                .params(params).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new Editions(deaths[0] > 0, deaths[1] > 0);
    }

    /**
     * The statement counting only the cases of one edition: its {@link Counts#AREA} mark keeps its place
     * for the area.
     */
    static String only(String sql, Edition edition, String caseId) {
        return sql.replace(Counts.AREA, " and " + caseId + " in (select e.id from case_file e where e.edition = '"
                + edition.code() + "')" + Counts.AREA);
    }
}
