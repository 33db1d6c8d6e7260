package uk.cdr.statistics;

import com.fasterxml.jackson.annotation.JsonValue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of a statistics table: a figure for the chosen year and the same figure for the year
 * before. Internally a count is a whole number and a median a number (null when nothing was
 * measured); the public version may show a count as "<5" or "*" instead.
 */
public record Row(String label, Kind kind,
        @Schema(description = "number, null, or in the public version \"<5\" or \"*\"", oneOf = { Number.class, String.class })
        Object thisYear,
        @Schema(description = "number, null, or in the public version \"<5\" or \"*\"", oneOf = { Number.class, String.class })
        Object previousYear) {

    /** What the figure is: a count, the total of the table's counts, or a median (not a count of children). */
    public enum Kind {
        COUNT, TOTAL, MEDIAN;

        @JsonValue
        public String json() {
            return name().toLowerCase();
        }
    }

    public Object value(boolean thisYearColumn) {
        return thisYearColumn ? thisYear : previousYear;
    }
}
