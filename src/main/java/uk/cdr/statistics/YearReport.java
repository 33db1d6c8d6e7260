package uk.cdr.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.cdr.area.Area;

/**
 * Every figure of domain.md's annual statistics for one reporting year, with the year before beside
 * it. A year not yet ended is reported as of a day (asOf), and its column headed so. The figures are
 * of the whole CDOP, or of the cases of one of its areas.
 */
public record YearReport(String year, String previousYear,
        @Schema(description = "for a year not yet ended, the day its figures are as of; null once it has ended",
                example = "2011-02-05") LocalDate asOf,
        @Schema(description = "the year's column heading, as the page and the CSV show it",
                example = "2010-11 as of 5 February 2011") String yearHeading,
        @Schema(description = "the area the figures are of (its code and name); absent for the whole CDOP") Area area,
        Version version, String note, List<Table> tables) {

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
