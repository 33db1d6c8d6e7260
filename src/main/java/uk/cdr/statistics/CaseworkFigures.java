package uk.cdr.statistics;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.guidance.Edition;
import uk.cdr.rapidresponse.MeetingKind;

/**
 * The work on cases during the year: rapid responses, final case discussions and agency reports
 * (Form B), each counted by the date it happened (not by the date of the death it was about).
 */
@Component
class CaseworkFigures {

    /** A held discussion counts on its meeting's day; one not convened on the day that was recorded. */
    private static final String FINAL_CASE_DISCUSSIONS = """
            select %1$s as y, d.k from (
                select case when f.outcome = 'HELD' then 'held' else f.not_convened_reason end as k,
                       case when f.outcome = 'HELD' and m.scheduled_at is not null then m.scheduled_at else f.recorded_at end as counted_at
                from final_case_discussion f left join case_meeting m on m.id = f.meeting_id
                where f.outcome is not null/*area*/) d
            where d.counted_at >= :previousStart and d.counted_at < :end""".formatted(Counts.yearOf("d.counted_at", ":start"));

    private static final List<Tables.Code> DISCUSSION_OUTCOMES = List.of(new Tables.Code("held", "Held"),
            new Tables.Code("logistical", "Not convened: logistical reasons"),
            new Tables.Code("family-wishes", "Not convened: the family's wishes"),
            new Tables.Code("criminal-proceedings", "Not convened: awaiting criminal proceedings"),
            new Tables.Code("other", "Not convened: other reasons"));

    /**
     * Overdue at a year end: asked for before the end of 31 March, due before then (after any
     * extension) and not returned by then. For a year not yet ended the same now (YearEnd): a
     * request not yet due is not overdue. A withdrawn request never counts as overdue, whenever
     * it was withdrawn: the SPOC decided the report was not needed. Both year ends in one pass over
     * the requests not returned by the earlier one.
     */
    private static final String OVERDUE_AT_YEAR_END = """
            select coalesce(sum(case when r.requested_at < :end and r.due_at < :end
                                      and (r.returned_at is null or r.returned_at >= :end) then 1 else 0 end), 0),
                   coalesce(sum(case when r.requested_at < :previousEnd and r.due_at < :previousEnd then 1 else 0 end), 0)
            from agency_report_request r
            where r.status <> 'WITHDRAWN' and r.withdrawn_at is null
              and (r.returned_at is null or r.returned_at >= :previousEnd)/*area*/""";

    private final JdbcClient jdbc;
    private final Casework2018Figures guidance2018;

    CaseworkFigures(JdbcClient jdbc, Casework2018Figures guidance2018) {
        this.jdbc = jdbc;
        this.guidance2018 = guidance2018;
    }

    /**
     * Each case counted by its own edition: the rapid responses and final case discussions of 2013
     * cases, the Joint Agency Responses, Child Death Review Meetings and NCMD notifications of 2018 ones;
     * an edition without a death in either year leaves its tables out (a 2013 deployment's report is as
     * it was). Agency reports are both editions' Form Bs and reporting forms.
     *
     * @param area an area's code, or null for the whole CDOP
     */
    List<Table> tables(YearEnd yearEnd, String area) {
        ReportingPeriod year = yearEnd.year();
        Editions editions = Editions.in(jdbc, year, area);
        List<Table> tables = new java.util.ArrayList<>();
        if (editions.of2013() || !editions.of2018()) {
            tables.add(rapidResponses(year, area));
            tables.add(finalCaseDiscussions(year, area));
        }
        if (editions.of2018()) {
            tables.addAll(guidance2018.tables(year, area));
        }
        tables.add(formB(yearEnd, area, editions));
        return List.copyOf(tables);
    }

    private static String of2013(String sql, String area, String caseId) {
        return Counts.inArea(Editions.only(sql, Edition.WORKING_TOGETHER_2013, caseId), area, caseId);
    }

    private Table rapidResponses(ReportingPeriod year, String area) {
        Map<String, Object> params = Counts.withArea(Counts.of(year), area);
        Counts.TwoYears initiated = Counts.rows(jdbc, of2013("select " + Counts.yearOf("r.started_at", ":start")
                + " as y from rapid_response r where r.started_at >= :previousStart and r.started_at < :end" + Counts.AREA,
                area, "r.case_id"), params);
        Counts.TwoYears meetings = Counts.rows(jdbc, of2013("select " + Counts.yearOf("m.scheduled_at", ":start")
                + " as y from case_meeting m where m.kind = '" + MeetingKind.RAPID_RESPONSE.name() + "' and m.held = true"
                + " and m.scheduled_at >= :previousStart and m.scheduled_at < :end" + Counts.AREA, area, "m.case_id"), params);
        return new Table("rapid-response", "Rapid responses", "Rapid responses by the day they started; meetings "
                + "by the day they were held (a meeting not held does not count).", List.of(
                        count("Rapid responses initiated", initiated),
                        count("Rapid response meetings held", meetings)));
    }

    private Table finalCaseDiscussions(ReportingPeriod year, String area) {
        Counts.TwoYears outcomes = Counts.by(jdbc, of2013(FINAL_CASE_DISCUSSIONS, area, "f.case_id"),
                Counts.withArea(Counts.of(year), area));
        return Tables.breakdown("final-case-discussions", "Final case discussions", "Held: by the day of the "
                + "meeting. Not convened: by the day that was recorded, with the reason.", DISCUSSION_OUTCOMES,
                DeathFigures::notRecorded, outcomes.year(), outcomes.previous(), "Held or not convened");
    }

    private Table formB(YearEnd yearEnd, String area, Editions editions) {
        Map<String, Object> params = Counts.withArea(Counts.of(yearEnd.year()), area);
        Counts.TwoYears sent = Counts.rows(jdbc, Counts.inArea("select " + Counts.yearOf("r.requested_at", ":start")
                + " as y from agency_report_request r where r.requested_at >= :previousStart and r.requested_at < :end"
                + Counts.AREA, area, "r.case_id"), params);
        Counts.TwoYears daysToReturn = Counts.by(jdbc, Counts.inArea("select " + Counts.yearOf("r.returned_at", ":start") + """
                 as y, r.days_to_return as k from agency_report_request r
                where r.returned_at >= :previousStart and r.returned_at < :end""" + Counts.AREA, area, "r.case_id"), params);
        long[] overdue = jdbc.sql(Counts.inArea(OVERDUE_AT_YEAR_END, area, "r.case_id"))
                .params(Counts.withArea(yearEnd.params(), area))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        String title = !editions.of2018() ? "Agency reports (Form B)"
                : editions.of2013() ? "Agency reports (Form B) and reporting forms" : "Reporting forms";
        return new Table("form-b", title, "Sent and returned by the day of the request and of "
                + "the return (a withdrawn request was still sent). Days to return: calendar days from request to "
                + "return, for the reports returned in the year. Overdue: at the end of 31 March not returned and "
                + "past its due date (after any extension); a withdrawn request never counts as overdue. For a year not "
                + "yet ended: not returned and past its due date now.", List.of(
                        count("Requests sent", sent),
                        count("Reports returned", daysToReturn),
                        Tables.median("Median days from request to return", Tables.median(daysToReturn.year()),
                                Tables.median(daysToReturn.previous())),
                        Tables.count("Overdue " + yearEnd.when(), overdue[0], overdue[1])));
    }

    private static Row count(String label, Counts.TwoYears rows) {
        return Tables.count(label, rows.total(Counts.YEAR), rows.total(Counts.PREVIOUS));
    }
}
