package uk.cdr.statistics;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual statistics of domain.md for a reporting year, from the app's own tables (never the
 * engine's history, which is cleaned up by design), with the previous year beside each figure.
 */
@Service
public class Statistics {

    /** The tables in the order the annual report shows them; their names are the CSV file names. */
    public static final List<String> TABLES = List.of("deaths", "deaths-by-age", "deaths-by-sex",
            "deaths-by-ethnicity", "deaths-by-place", "rapid-response", "final-case-discussions", "form-b",
            "cdop-meetings", "reviews-by-year-of-death", "reviews-by-category", "reviews-by-modifiable", "reviews-scr",
            "time-to-review", "open-cases");

    private final DeathFigures deaths;
    private final CaseworkFigures casework;
    private final ReviewFigures reviews;

    Statistics(DeathFigures deaths, CaseworkFigures casework, ReviewFigures reviews) {
        this.deaths = deaths;
        this.casework = casework;
        this.reviews = reviews;
    }

    /** One read-only transaction, so every table sees the same moment. */
    @Transactional(readOnly = true)
    public YearReport report(ReportingPeriod year, Version version) {
        ReportingPeriod previous = year.previous();
        List<Table> tables = new ArrayList<>();
        tables.addAll(deaths.tables(year));
        tables.addAll(casework.tables(year));
        tables.addAll(reviews.tables(year));
        YearReport internal = new YearReport(year.label(), previous.label(), Version.INTERNAL,
                "Internal version: exact numbers, not for publication.", List.copyOf(tables));
        return version == Version.PUBLIC ? Suppression.publish(internal) : internal;
    }
}
