package uk.cdr.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CDOP's year: its meetings and the reviews it completed. A review counts in the year the CDOP
 * completed it, the day of the meeting that reviewed the case (case_file.review_completed_on). A
 * case reopened and reviewed again keeps only its latest date, so it counts once, in that year.
 */
@Component
class ReviewFigures {

    private static final String REVIEWS_IN_TWO_YEARS = " from case_file c left join form_c f on f.case_id = c.id"
            + " where c.review_completed_on >= :previousFirst and c.review_completed_on <= :last" + Counts.AREA;
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
     * A case is closed at a year end if its latest closure before then was not followed by a
     * reopening before then. Closures are the chair's ratifications (cdop_review.ratified_at) and
     * the case's own closed_at (which a reopening clears, and an imported case may carry alone).
     * One pass for both year ends over the candidates: the many cases closed before the earlier
     * year end and never reopened were closed at both, and are left out before any review is read.
     * "Over 12 months": the death was on or before 31 March a year earlier, i.e. 12 months had
     * passed by the last day of the year (the queue's flag).
     */
    private static final String OPEN_AT_YEAR_END = """
            with candidate as (
                select c.id, c.date_of_death, c.closed_at from case_file c
                where c.date_of_death <= :last/*area*/
                  and (c.closed_at is null or c.closed_at >= :previousEnd or c.id in (select e.case_id from case_reopening e)))
            select coalesce(sum(case when t.date_of_death <= :last and %1$s then 1 else 0 end), 0),
                   coalesce(sum(case when t.date_of_death <= :yearAgo and %1$s then 1 else 0 end), 0),
                   coalesce(sum(case when t.date_of_death <= :previousLast and %2$s then 1 else 0 end), 0),
                   coalesce(sum(case when t.date_of_death <= :previousYearAgo and %2$s then 1 else 0 end), 0)
            from (select k.date_of_death,
                         case when k.closed_at < :end and (r.ratified is null or k.closed_at > r.ratified)
                              then k.closed_at else r.ratified end as closure,
                         o.reopened,
                         case when k.closed_at < :previousEnd and (r.previous_ratified is null or k.closed_at > r.previous_ratified)
                              then k.closed_at else r.previous_ratified end as previous_closure,
                         o.previous_reopened
                  from candidate k
                  left join (select v.case_id, max(case when v.ratified_at < :end then v.ratified_at end) as ratified,
                                    max(case when v.ratified_at < :previousEnd then v.ratified_at end) as previous_ratified
                             from cdop_review v join candidate w on w.id = v.case_id
                             where v.ratified_at is not null group by v.case_id) r on r.case_id = k.id
                  left join (select e.case_id, max(case when e.reopened_at < :end then e.reopened_at end) as reopened,
                                    max(case when e.reopened_at < :previousEnd then e.reopened_at end) as previous_reopened
                             from case_reopening e group by e.case_id) o on o.case_id = k.id) t"""
            .formatted("(t.closure is null or t.reopened > t.closure)",
                    "(t.previous_closure is null or t.previous_reopened > t.previous_closure)");

    /**
     * The reviews of the two years, one row each, with what each table counts them by. Time to
     * review in bands by calendar months, as the queue's 6 and 12 month flags: from the date 6 months
     * after the death on, it is 6-12.
     */
    private static final String REVIEWS = """
            select %s as y, c.reporting_year as year_of_death, f.category as category, f.modifiable as modifiable,
                   case when f.scr_considered then 'yes' when not f.scr_considered then 'no' end as scr,
                   case when c.review_completed_on < c.date_of_death + interval '6' month then 'under-6'
                        when c.review_completed_on < c.date_of_death + interval '12' month then '6-12'
                        else 'over-12' end as time_band""".formatted(Counts.yearOf("c.review_completed_on", ":first"))
            + REVIEWS_IN_TWO_YEARS;

    /** The denominator NHS Digital states: "28% (991 of the 3,540 reviews with sufficient information)". */
    private static final String ENOUGH_INFORMATION = "reviews with enough information to decide";

    private final JdbcClient jdbc;

    ReviewFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param area an area's code, or null for the whole CDOP */
    List<Table> tables(YearEnd yearEnd, String area) {
        ReportingPeriod year = yearEnd.year();
        Map<String, Counts.TwoYears> counts = Counts.breakdowns(jdbc, Counts.inArea(REVIEWS, area, "c.id"),
                List.of("year_of_death", "category", "modifiable", "scr", "time_band"), Counts.withArea(Counts.of(year), area));
        return List.of(meetings(yearEnd, area),
                breakdown("reviews-by-year-of-death", "Reviews completed, by reporting year of death",
                        counts.get("year_of_death"), List.of(), key -> "Deaths in " + key),
                breakdown("reviews-by-category", "Reviews completed, by category of death", counts.get("category"),
                        CATEGORIES, key -> "Category not recorded"),
                modifiable(counts.get("modifiable")),
                breakdown("reviews-scr", "Reviews completed: serious case review (SCR) considered", counts.get("scr"),
                        List.of(new Tables.Code("yes", "SCR considered"), new Tables.Code("no", "SCR not considered")),
                        key -> "Not recorded"),
                timeToReview(year, area, counts.get("time_band")), openCases(yearEnd, area));
    }

    /**
     * Meetings set for a later day of the current year have not been held yet. Of one area: the
     * meetings held for its cases, and those of the whole CDOP that reviewed any of them.
     */
    private Table meetings(YearEnd yearEnd, String area) {
        Map<String, Object> params = Counts.withArea(Counts.of(yearEnd.year()), area);
        params.put("today", yearEnd.lastDay());
        String ofArea = area == null ? "" : " and (m.area = :area or (m.area is null and exists (select 1"
                + " from cdop_review r join case_file a on a.id = r.case_id where r.meeting_id = m.id and a.area = :area)))";
        Counts.TwoYears held = Counts.by(jdbc, "select " + Counts.yearOf("m.held_on", ":first") + """
                 as y, m.kind as k from panel_meeting m
                where m.held_on >= :previousFirst and m.held_on <= :last and m.held_on <= :today""" + ofArea, params);
        return Tables.breakdown("cdop-meetings", "CDOP meetings held", "Routine meetings and special neonatal "
                + "panels held on a day in the year.", List.of(new Tables.Code("ROUTINE", "Routine meetings"),
                        new Tables.Code("NEONATAL", "Special neonatal meetings")), DeathFigures::notRecorded,
                held.year(), held.previous(), "CDOP meetings held");
    }

    /**
     * By the answer, then the share with modifiable factors of the reviews whose answer was yes or
     * no: "insufficient information" (and an answer not recorded) is left out of the denominator.
     */
    private static Table modifiable(Counts.TwoYears counts) {
        Table answers = Tables.breakdown("reviews-by-modifiable", "Reviews completed, by modifiable factors",
                REVIEW_NOTE + " Percentage with modifiable factors: of the reviews with enough information to decide "
                        + "(modifiable factors identified or not), leaving out insufficient information, as NHS "
                        + "Digital publishes it.",
                List.of(new Tables.Code("yes", "Modifiable factors identified"),
                        new Tables.Code("no", "No modifiable factors identified"),
                        new Tables.Code("insufficient-information", "Insufficient information")),
                key -> "Not recorded", counts.year(), counts.previous(), REVIEWS_COMPLETED);
        List<Row> rows = new ArrayList<>(answers.rows());
        rows.add(new Row("Percentage with modifiable factors", Row.Kind.PERCENTAGE, withModifiableFactors(counts.year()),
                withModifiableFactors(counts.previous())));
        return new Table(answers.name(), answers.title(), answers.note(), List.copyOf(rows));
    }

    private static Share withModifiableFactors(Map<String, Long> answers) {
        long yes = answers.getOrDefault("yes", 0L);
        return Share.of(yes, yes + answers.getOrDefault("no", 0L), ENOUGH_INFORMATION);
    }

    private static Table breakdown(String name, String title, Counts.TwoYears counts, List<Tables.Code> codes,
            Function<String, String> extraLabel) {
        return Tables.breakdown(name, title, REVIEW_NOTE, codes, extraLabel, counts.year(), counts.previous(),
                REVIEWS_COMPLETED);
    }

    private Table timeToReview(ReportingPeriod year, String area, Counts.TwoYears counts) {
        Table bands = Tables.breakdown("time-to-review", "Time from death to review completed", "From the date of "
                + "death to the day the CDOP completed the review. Under 6 months: before the date 6 months after "
                + "the death; over 12 months: on or after the date 12 months after it.",
                List.of(new Tables.Code("under-6", "Under 6 months"), new Tables.Code("6-12", "6-12 months"),
                        new Tables.Code("over-12", "Over 12 months")), DeathFigures::notRecorded,
                counts.year(), counts.previous(), REVIEWS_COMPLETED);
        Counts.TwoYears days = Counts.by(jdbc, Counts.inArea("select " + Counts.yearOf("c.review_completed_on", ":first")
                + " as y, c.days_to_review as k" + REVIEWS_IN_TWO_YEARS, area, "c.id"), Counts.withArea(Counts.of(year), area));
        List<Row> rows = new ArrayList<>();
        rows.add(Tables.median("Median days from death to review", Tables.median(days.year()),
                Tables.median(days.previous())));
        rows.addAll(bands.rows());
        return new Table(bands.name(), bands.title(), bands.note(), List.copyOf(rows));
    }

    /**
     * Open at year end: the death was on or before 31 March and the case was not closed then. For a
     * year not yet ended: the death was on or before today and the case is not closed now.
     */
    private Table openCases(YearEnd yearEnd, String area) {
        Map<String, Object> params = Counts.withArea(yearEnd.params(), area);
        params.put("yearAgo", yearEnd.lastDay().minusYears(1));
        params.put("previousYearAgo", yearEnd.previousLastDay().minusYears(1));
        long[] open = jdbc.sql(Counts.inArea(OPEN_AT_YEAR_END, area, "c.id")).params(params)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        return new Table("open-cases", "Cases open " + yearEnd.when(), "Deaths on or before 31 March whose review "
                + "was not ratified (the case closed) by the end of that day, including cases reopened and not yet "
                + "closed again. For a year not yet ended: deaths up to today, cases not closed now.",
                List.of(Tables.count("Open " + yearEnd.when(), open[0], open[2]),
                        Tables.count("Of which over 12 months since the death", open[1], open[3])));
    }
}
