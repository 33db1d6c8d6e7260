package uk.cdr.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CDOP's year: its meetings and the reviews it completed. A review counts in the year the CDOP
 * completed it, the day of the meeting that reviewed the case (case_file.review_completed_on). A
 * case reopened and reviewed again keeps only its latest date, so it counts once, in that year.
 */
@Component
class ReviewFigures {

    private static final String REVIEWS_IN_YEAR = " from case_file c left join form_c f on f.case_id = c.id"
            + " where c.review_completed_on >= :first and c.review_completed_on <= :last";
    private static final String REVIEWS_COMPLETED = "Reviews completed";
    private static final String REVIEW_NOTE = "Reviews count in the year the CDOP completed them (the day of the "
            + "meeting); a case reopened and reviewed again counts once, in the year of its latest review.";

    private static final List<Tables.Code> CATEGORIES = List.of(
            new Tables.Code("1", "1 Deliberately inflicted injury, abuse or neglect"),
            new Tables.Code("2", "2 Suicide or deliberate self-inflicted harm"),
            new Tables.Code("3", "3 Trauma and other external factors"), new Tables.Code("4", "4 Malignancy"),
            new Tables.Code("5", "5 Acute medical or surgical condition"), new Tables.Code("6", "6 Chronic medical condition"),
            new Tables.Code("7", "7 Chromosomal, genetic and congenital anomalies"),
            new Tables.Code("8", "8 Perinatal/neonatal event"), new Tables.Code("9", "9 Infection"),
            new Tables.Code("10", "10 Sudden unexpected, unexplained death"));

    /**
     * A case is closed at the end of the year if its latest closure before then was not followed
     * by a reopening before then. Closures are the chair's ratifications (cdop_review.ratified_at)
     * and the case's own closed_at (which a reopening clears, and an imported case may carry alone).
     * closed_at is tested for null first: a null inside not (...) would drop the case from the count.
     */
    private static final String OPEN_AT_YEAR_END = """
            select count(*) from case_file c
            where c.date_of_death <= :last %s
              and not (
                (c.closed_at is not null and c.closed_at < :end and not exists (select 1 from case_reopening o where o.case_id = c.id
                    and o.reopened_at > c.closed_at and o.reopened_at < :end))
                or exists (select 1 from cdop_review r where r.case_id = c.id and r.ratified_at < :end
                    and not exists (select 1 from case_reopening o where o.case_id = c.id
                        and o.reopened_at > r.ratified_at and o.reopened_at < :end)))""";

    /** Bands by calendar months, as the queue's 6 and 12 month flags: from the date 6 months after the death on, it is 6-12. */
    private static final String TIME_BAND = """
            select case when c.review_completed_on < c.date_of_death + interval '6' month then 'under-6'
                        when c.review_completed_on < c.date_of_death + interval '12' month then '6-12'
                        else 'over-12' end as k""" + REVIEWS_IN_YEAR;

    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Table> tables(ReportingPeriod year, ReportingPeriod previous) {
        return List.of(meetings(year, previous),
                breakdown(year, previous, "reviews-by-year-of-death", "Reviews completed, by reporting year of death",
                        "select c.reporting_year as k" + REVIEWS_IN_YEAR, List.of(), key -> "Deaths in " + key),
                breakdown(year, previous, "reviews-by-category", "Reviews completed, by category of death",
                        "select f.category as k" + REVIEWS_IN_YEAR, CATEGORIES, key -> "Category not recorded"),
                breakdown(year, previous, "reviews-by-modifiable", "Reviews completed, by modifiable factors",
                        "select f.modifiable as k" + REVIEWS_IN_YEAR,
                        List.of(new Tables.Code("yes", "Modifiable factors identified"),
                                new Tables.Code("no", "No modifiable factors identified"),
                                new Tables.Code("insufficient-information", "Insufficient information")),
                        key -> "Not recorded"),
                breakdown(year, previous, "reviews-scr", "Reviews completed: serious case review (SCR) considered",
                        "select case when f.scr_considered then 'yes' when not f.scr_considered then 'no' end as k"
                                + REVIEWS_IN_YEAR,
                        List.of(new Tables.Code("yes", "SCR considered"), new Tables.Code("no", "SCR not considered")),
                        key -> "Not recorded"),
                timeToReview(year, previous), openCases(year, previous));
    }

    /** Meetings set for a later day of the current year have not been held yet. */
    private Table meetings(ReportingPeriod year, ReportingPeriod previous) {
        return Tables.breakdown("cdop-meetings", "CDOP meetings held", "Routine meetings and special neonatal "
                + "panels held on a day in the year.", List.of(new Tables.Code("ROUTINE", "Routine meetings"),
                        new Tables.Code("NEONATAL", "Special neonatal meetings")), DeathFigures::notRecorded,
                meetingsHeld(year), meetingsHeld(previous), "CDOP meetings held");
    }

    private Map<String, Long> meetingsHeld(ReportingPeriod year) {
        Map<String, Object> params = new HashMap<>(Counts.of(year));
        params.put("today", LocalDate.now(clock));
        return Counts.by(jdbc, """
                select m.kind as k from panel_meeting m
                where m.held_on >= :first and m.held_on <= :last and m.held_on <= :today""", params);
    }

    private Table breakdown(ReportingPeriod year, ReportingPeriod previous, String name, String title, String keys,
            List<Tables.Code> codes, java.util.function.Function<String, String> extraLabel) {
        return Tables.breakdown(name, title, REVIEW_NOTE, codes, extraLabel, Counts.by(jdbc, keys, Counts.of(year)),
                Counts.by(jdbc, keys, Counts.of(previous)), REVIEWS_COMPLETED);
    }

    private Table timeToReview(ReportingPeriod year, ReportingPeriod previous) {
        Map<String, Long> thisYear = Counts.by(jdbc, TIME_BAND, Counts.of(year));
        Map<String, Long> previousYear = Counts.by(jdbc, TIME_BAND, Counts.of(previous));
        Table bands = Tables.breakdown("time-to-review", "Time from death to review completed", "From the date of "
                + "death to the day the CDOP completed the review. Under 6 months: before the date 6 months after "
                + "the death; over 12 months: on or after the date 12 months after it.",
                List.of(new Tables.Code("under-6", "Under 6 months"), new Tables.Code("6-12", "6-12 months"),
                        new Tables.Code("over-12", "Over 12 months")), DeathFigures::notRecorded,
                thisYear, previousYear, REVIEWS_COMPLETED);
        List<Row> rows = new java.util.ArrayList<>();
        rows.add(Tables.median("Median days from death to review", daysToReview(year), daysToReview(previous)));
        rows.addAll(bands.rows());
        return new Table(bands.name(), bands.title(), bands.note(), List.copyOf(rows));
    }

    /** Medians differ between H2 and PostgreSQL: the days are fetched and the median taken here. */
    private Number daysToReview(ReportingPeriod year) {
        return Tables.median(jdbc.sql("select c.date_of_death, c.review_completed_on" + REVIEWS_IN_YEAR)
                .params(Counts.of(year))
                .query((rs, row) -> ChronoUnit.DAYS.between(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .list());
    }

    /**
     * Open at year end: the death was on or before 31 March and the case was not closed then.
     * Over 12 months: the death was on or before 31 March a year earlier, i.e. 12 months had passed
     * by the last day of the year (the queue's flag, on 31 March).
     */
    private Table openCases(ReportingPeriod year, ReportingPeriod previous) {
        String open = OPEN_AT_YEAR_END.formatted("");
        String old = OPEN_AT_YEAR_END.formatted("and c.date_of_death <= :yearAgo");
        return new Table("open-cases", "Cases open at year end", "Deaths on or before 31 March whose review was not "
                + "ratified (the case closed) by the end of that day, including cases reopened and not yet closed "
                + "again.", List.of(
                        Tables.count("Open at year end", Counts.count(jdbc, open, Counts.of(year)),
                                Counts.count(jdbc, open, Counts.of(previous))),
                        Tables.count("Of which over 12 months since the death", Counts.count(jdbc, old, withYearAgo(year)),
                                Counts.count(jdbc, old, withYearAgo(previous)))));
    }

    private static Map<String, Object> withYearAgo(ReportingPeriod year) {
        Map<String, Object> params = new HashMap<>(Counts.of(year));
        params.put("yearAgo", year.lastDay().minusYears(1));
        return params;
    }
}
