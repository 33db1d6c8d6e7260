package uk.cdr.statistics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.guidance.Edition;
import uk.cdr.rapidresponse.MeetingKind;
import uk.cdr.review2018.NcmdTimers;

/**
 * The 2018 guidance's casework (domain-2018.md, "Figures CDOPs now publish"), of the cases reviewed
 * under it: Joint Agency Responses in place of rapid responses, Child Death Review Meetings for every
 * death, and the share of deaths notified to the National Child Mortality Database within 48 hours.
 */
@Component
class Casework2018Figures {

    private static final Edition GUIDANCE_2018 = Edition.STATUTORY_GUIDANCE_2018;

    private static final List<Tables.Code> MEETING_OUTCOMES = List.of(new Tables.Code("held", "Held"),
            new Tables.Code("logistical", "Not convened: logistical reasons"),
            new Tables.Code("family-wishes", "Not convened: the family's wishes"),
            new Tables.Code("criminal-proceedings", "Not convened: awaiting criminal proceedings"),
            new Tables.Code("other", "Not convened: other reasons"));

    private final JdbcClient jdbc;
    private final NcmdTimers ncmdTimers;

    Casework2018Figures(JdbcClient jdbc, NcmdTimers ncmdTimers) {
        this.jdbc = jdbc;
        this.ncmdTimers = ncmdTimers;
    }

    List<Table> tables(ReportingPeriod year, String area) {
        return List.of(jointAgencyResponses(year, area), childDeathReviewMeetings(year, area), ncmd(year, area));
    }

    private Table jointAgencyResponses(ReportingPeriod year, String area) {
        Map<String, Object> params = Counts.withArea(Counts.of(year), area);
        Counts.TwoYears decisions = Counts.by(jdbc, of2018("select " + Counts.yearOf("r.jar_decided_at", ":start") + """
                 as y, case when r.jar_decided then 'yes' else 'no' end as k from case_review_2018 r
                where r.jar_decided is not null and r.jar_decided_at >= :previousStart and r.jar_decided_at < :end/*area*/""",
                area, "r.case_id"), params);
        Counts.TwoYears meetings = Counts.rows(jdbc, of2018("select " + Counts.yearOf("m.scheduled_at", ":start")
                + " as y from case_meeting m where m.kind = '" + MeetingKind.RAPID_RESPONSE.name() + "' and m.held = true"
                + " and m.scheduled_at >= :previousStart and m.scheduled_at < :end" + Counts.AREA, area, "m.case_id"), params);
        Counts.TwoYears homeVisits = Counts.rows(jdbc, of2018("select " + Counts.yearOf("r.started_at", ":start")
                + " as y from rapid_response r where r.home_visit = 'yes' and r.started_at >= :previousStart"
                + " and r.started_at < :end" + Counts.AREA, area, "r.case_id"), params);
        return new Table("joint-agency-responses", "Joint Agency Responses", "Decisions by the day the Designated "
                + "Doctor decided against the five criteria; meetings by the day they were held (a meeting not held does "
                + "not count); joint home or scene visits by the day the response started.", List.of(
                        Tables.count("Joint Agency Responses decided", decisions.year().getOrDefault("yes", 0L),
                                decisions.previous().getOrDefault("yes", 0L)),
                        Tables.count("Deaths decided on without a Joint Agency Response",
                                decisions.year().getOrDefault("no", 0L), decisions.previous().getOrDefault("no", 0L)),
                        Tables.count("Joint Agency Response meetings held", meetings.total(Counts.YEAR),
                                meetings.total(Counts.PREVIOUS)),
                        Tables.count("Joint home or scene visits", homeVisits.total(Counts.YEAR),
                                homeVisits.total(Counts.PREVIOUS))));
    }

    /** As the final case discussions of 2013, for every death of the 2018 guidance. */
    private Table childDeathReviewMeetings(ReportingPeriod year, String area) {
        Counts.TwoYears outcomes = Counts.by(jdbc, of2018("""
                select %1$s as y, d.k from (
                    select f.case_id, case when f.outcome = 'HELD' then 'held' else f.not_convened_reason end as k,
                           case when f.outcome = 'HELD' and m.scheduled_at is not null then m.scheduled_at else f.recorded_at end
                               as counted_at
                    from final_case_discussion f left join case_meeting m on m.id = f.meeting_id
                    where f.outcome is not null/*area*/) d
                where d.counted_at >= :previousStart and d.counted_at < :end""".formatted(
                Counts.yearOf("d.counted_at", ":start")), area, "f.case_id"), Counts.withArea(Counts.of(year), area));
        return Tables.breakdown("child-death-review-meetings", "Child Death Review Meetings", "One for every death, "
                + "expected or not. Held: by the day of the meeting. Not convened: by the day that was recorded, with the "
                + "reason.", MEETING_OUTCOMES, DeathFigures::notRecorded, outcomes.year(), outcomes.previous(),
                "Held or not convened");
    }

    /**
     * Deaths notified to the CDOP in the year, by when the SPOC submitted them to the NCMD. Worked out
     * here rather than in SQL: the 48 hours are configuration, and interval arithmetic differs between
     * H2 and PostgreSQL.
     */
    private Table ncmd(ReportingPeriod year, String area) {
        Map<String, Object> params = Counts.withArea(Counts.of(year), area);
        Map<String, Long> thisYear = new HashMap<>();
        Map<String, Long> previous = new HashMap<>();
        Duration within = ncmdTimers.notifyWithin();
        jdbc.sql(of2018("select " + Counts.yearOf("c.notified_at", ":start") + """
                 as y, c.notified_at, r.ncmd_notified_at from case_file c left join case_review_2018 r on r.case_id = c.id
                where c.notified_at >= :previousStart and c.notified_at < :end/*area*/""", area, "c.id"))
                .params(params).query(rs -> {
                    OffsetDateTime notified = rs.getObject(2, OffsetDateTime.class);
                    OffsetDateTime submitted = rs.getObject(3, OffsetDateTime.class);
                    String k = submitted == null ? "not-yet"
                            : submitted.toInstant().isAfter(notified.toInstant().plus(within)) ? "later" : "within";
                    (Counts.YEAR.equals(rs.getString(1)) ? thisYear : previous).merge(k, 1L, Long::sum);
                });
        String hours = within.toMinutes() % 60 == 0 ? within.toHours() + " hours" : within.toMinutes() + " minutes";
        Table counts = Tables.breakdown("ncmd-notifications", "Notifications to the National Child Mortality Database",
                "Deaths notified to the CDOP in the year, by when the SPOC submitted them to the NCMD, counted from the "
                        + "notification. Percentage within " + hours + ": of all those deaths, the ones not yet submitted "
                        + "included.",
                List.of(new Tables.Code("within", "Notified within " + hours),
                        new Tables.Code("later", "Notified after " + hours),
                        new Tables.Code("not-yet", "Not yet notified")),
                DeathFigures::notRecorded, thisYear, previous, "Deaths notified to the CDOP");
        List<Row> rows = new ArrayList<>(counts.rows());
        rows.add(new Row("Percentage notified within " + hours, Row.Kind.PERCENTAGE, withinShare(thisYear),
                withinShare(previous)));
        return new Table(counts.name(), counts.title(), counts.note(), List.copyOf(rows));
    }

    private static Share withinShare(Map<String, Long> counts) {
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        return Share.of(counts.getOrDefault("within", 0L), all, "deaths notified to the CDOP");
    }

    private static String of2018(String sql, String area, String caseId) {
        return Counts.inArea(Editions.only(sql, GUIDANCE_2018, caseId), area, caseId);
    }
}
