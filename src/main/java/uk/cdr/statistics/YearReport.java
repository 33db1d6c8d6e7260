package uk.cdr.statistics;

import java.util.List;
import java.util.Optional;

/** Every figure of domain.md's annual statistics for one reporting year, with the year before beside it. */
public record YearReport(String year, String previousYear, Version version, String note, List<Table> tables) {

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
