package uk.cdr.statistics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.area.Area;
import uk.cdr.area.Areas;

/**
 * The annual statistics of domain.md for a reporting year, from the app's own tables (never the
 * engine's history, which is cleaned up by design), with the previous year beside each figure.
 */
@Service
public class Statistics {

    /** The tables in the order the annual report shows them; their names are the CSV file names. */
    public static final List<String> TABLES = List.of("deaths", "deaths-by-age", "deaths-by-sex",
            "deaths-by-ethnicity", "deaths-by-place", "rapid-response", "final-case-discussions", "joint-agency-responses",
            "child-death-review-meetings", "ncmd-notifications", "form-b",
            "cdop-meetings", "reviews-by-year-of-death", "reviews-by-category", "reviews-by-modifiable", "reviews-scr",
            "time-to-review", "open-cases");
    /** Tables only a year with cases under the 2013 guidance shows, and only one with 2018 cases. */
    public static final List<String> TABLES_OF_2013 = List.of("rapid-response", "final-case-discussions");
    public static final List<String> TABLES_OF_2018 = List.of("joint-agency-responses", "child-death-review-meetings",
            "ncmd-notifications");

    /** The tables of a year whose cases all followed one edition. */
    public static List<String> tablesOfAYearOf(uk.cdr.guidance.Edition edition) {
        List<String> leftOut = edition == uk.cdr.guidance.Edition.WORKING_TOGETHER_2013 ? TABLES_OF_2018 : TABLES_OF_2013;
        return TABLES.stream().filter(t -> !leftOut.contains(t)).toList();
    }

    private final DeathFigures deaths;
    private final CaseworkFigures casework;
    private final ReviewFigures reviews;
    private final Clock clock;
    private final ClosedYearReports closedYears;
    private final Areas areas;

    Statistics(DeathFigures deaths, CaseworkFigures casework, ReviewFigures reviews, Clock clock,
            ClosedYearReports closedYears, Areas areas) {
        this.areas = areas;
        this.deaths = deaths;
        this.casework = casework;
        this.reviews = reviews;
        this.clock = clock;
        this.closedYears = closedYears;
    }

    /**
     * One read-only transaction, so every table sees the same moment. A year not yet ended is
     * reported as of today, its "at year end" figures taken now, and worked out on each call; a
     * closed year's report is kept until a change can alter it (ClosedYearReports).
     */
    @Transactional(readOnly = true)
    public YearReport report(ReportingPeriod year, Version version) {
        return report(year, version, null);
    }

    /**
     * The same, of the cases of one area (null: the whole CDOP). With the same small-number rule:
     * an area's figures are smaller, so more of them are hidden in the public version, and where the
     * CDOP has several areas, the whole's and the areas' figures are hidden together.
     */
    @Transactional(readOnly = true)
    public YearReport report(ReportingPeriod year, Version version, Area area) {
        YearEnd yearEnd = new YearEnd(year, clock.instant());
        if (version == Version.PUBLIC && areas.several()) {
            // Published side by side, the areas' figures and the whole's are hidden together (AreaSuppression).
            List<Area> all = areas.all();
            List<YearReport> published = AreaSuppression.publish(internal(yearEnd, null),
                    all.stream().map(each -> internal(yearEnd, each)).toList());
            return published.get(area == null ? 0 : 1 + all.indexOf(area));
        }
        YearReport internal = internal(yearEnd, area);
        return version == Version.PUBLIC ? Suppression.publish(internal) : internal;
    }

    private YearReport internal(YearEnd yearEnd, Area area) {
        return yearEnd.asOf().isPresent() ? workOut(yearEnd, area)
                : closedYears.report(yearEnd.year(), area == null ? null : area.code(), () -> workOut(yearEnd, area));
    }

    /** Every figure counted afresh from the tables, whatever is kept: what a kept report must equal. */
    @Transactional(readOnly = true)
    YearReport recount(ReportingPeriod year) {
        return recount(year, null);
    }

    /** The same, of one area's cases (null: the whole CDOP). */
    @Transactional(readOnly = true)
    YearReport recount(ReportingPeriod year, Area area) {
        return workOut(new YearEnd(year, clock.instant()), area);
    }

    private YearReport workOut(YearEnd yearEnd, Area area) {
        ReportingPeriod year = yearEnd.year();
        String code = area == null ? null : area.code();
        List<Table> tables = new ArrayList<>();
        tables.addAll(deaths.tables(year, code));
        tables.addAll(casework.tables(yearEnd, code));
        tables.addAll(reviews.tables(yearEnd, code));
        YearReport internal = new YearReport(year.label(), year.previous().label(), yearEnd.asOf().orElse(null),
                yearEnd.heading(), area, Version.INTERNAL,
                "Internal version: exact numbers, not for publication.", List.copyOf(tables));
        return internal;
    }
}
