package uk.cdr.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.ChildDeathReviewApplication;
import uk.cdr.rapidresponse.MeetingKind;

/**
 * The work on cases during the year: rapid responses, final case discussions and agency reports
 * (Form B), each counted by the date it happened (not by the date of the death it was about).
 */
@Component
class CaseworkFigures {

    private static final ZoneId UK = ZoneId.of(ChildDeathReviewApplication.ZONE);

    /** A held discussion counts on its meeting's day; one not convened on the day that was recorded. */
    private static final String FINAL_CASE_DISCUSSIONS = """
            select case when f.outcome = 'HELD' then 'held' else f.not_convened_reason end as k
            from final_case_discussion f left join case_meeting m on m.id = f.meeting_id
            where f.outcome is not null
              and case when f.outcome = 'HELD' and m.scheduled_at is not null then m.scheduled_at else f.recorded_at end >= :start
              and case when f.outcome = 'HELD' and m.scheduled_at is not null then m.scheduled_at else f.recorded_at end < :end""";

    private static final List<Tables.Code> DISCUSSION_OUTCOMES = List.of(new Tables.Code("held", "Held"),
            new Tables.Code("logistical", "Not convened: logistical reasons"),
            new Tables.Code("family-wishes", "Not convened: the family's wishes"),
            new Tables.Code("criminal-proceedings", "Not convened: awaiting criminal proceedings"),
            new Tables.Code("other", "Not convened: other reasons"));

    /**
     * Overdue at year end: asked for before the end of 31 March, due before then (after any
     * extension) and not returned by then. A withdrawn request never counts as overdue, whenever
     * it was withdrawn: the SPOC decided the report was not needed.
     */
    private static final String OVERDUE_AT_YEAR_END = """
            select count(*) from agency_report_request r
            where r.status <> 'WITHDRAWN' and r.withdrawn_at is null
              and r.requested_at < :end and r.due_at < :end and (r.returned_at is null or r.returned_at >= :end)""";

    private final JdbcClient jdbc;

    CaseworkFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Table> tables(ReportingPeriod year, ReportingPeriod previous) {
        return List.of(rapidResponses(year, previous), finalCaseDiscussions(year, previous), formB(year, previous));
    }

    private Table rapidResponses(ReportingPeriod year, ReportingPeriod previous) {
        String initiated = "select count(*) from rapid_response r where r.started_at >= :start and r.started_at < :end";
        String meetings = "select count(*) from case_meeting m where m.kind = '" + MeetingKind.RAPID_RESPONSE.name()
                + "' and m.held = true and m.scheduled_at >= :start and m.scheduled_at < :end";
        return new Table("rapid-response", "Rapid responses", "Rapid responses by the day they started; meetings "
                + "by the day they were held (a meeting not held does not count).", List.of(
                        count("Rapid responses initiated", initiated, year, previous),
                        count("Rapid response meetings held", meetings, year, previous)));
    }

    private Table finalCaseDiscussions(ReportingPeriod year, ReportingPeriod previous) {
        return Tables.breakdown("final-case-discussions", "Final case discussions", "Held: by the day of the "
                + "meeting. Not convened: by the day that was recorded, with the reason.", DISCUSSION_OUTCOMES,
                DeathFigures::notRecorded, Counts.by(jdbc, FINAL_CASE_DISCUSSIONS, Counts.of(year)),
                Counts.by(jdbc, FINAL_CASE_DISCUSSIONS, Counts.of(previous)), "Held or not convened");
    }

    private Table formB(ReportingPeriod year, ReportingPeriod previous) {
        String sent = "select count(*) from agency_report_request r where r.requested_at >= :start and r.requested_at < :end";
        String returned = "select count(*) from agency_report_request r where r.returned_at >= :start and r.returned_at < :end";
        return new Table("form-b", "Agency reports (Form B)", "Sent and returned by the day of the request and of "
                + "the return (a withdrawn request was still sent). Days to return: calendar days from request to "
                + "return, for the reports returned in the year. Overdue: at the end of 31 March not returned and "
                + "past its due date (after any extension); a withdrawn request never counts as overdue.", List.of(
                        count("Requests sent", sent, year, previous),
                        count("Reports returned", returned, year, previous),
                        Tables.median("Median days from request to return", daysToReturn(year), daysToReturn(previous)),
                        count("Overdue at year end", OVERDUE_AT_YEAR_END, year, previous)));
    }

    /** Medians differ between H2 and PostgreSQL: the days are fetched and the median taken here. */
    private Number daysToReturn(ReportingPeriod year) {
        List<Long> days = jdbc.sql("""
                select r.requested_at, r.returned_at from agency_report_request r
                where r.returned_at >= :start and r.returned_at < :end""")
                .params(Counts.of(year))
                .query((rs, row) -> ChronoUnit.DAYS.between(ukDate(rs.getObject(1, OffsetDateTime.class)),
                        ukDate(rs.getObject(2, OffsetDateTime.class))))
                .list();
        return Tables.median(days);
    }

    private static LocalDate ukDate(OffsetDateTime at) {
        return at.atZoneSameInstant(UK).toLocalDate();
    }

    private Row count(String label, String sql, ReportingPeriod year, ReportingPeriod previous) {
        Map<String, Object> thisYear = Counts.of(year);
        return Tables.count(label, Counts.count(jdbc, sql, thisYear), Counts.count(jdbc, sql, Counts.of(previous)));
    }
}
