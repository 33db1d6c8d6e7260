package uk.cdr.statistics;

import com.fasterxml.jackson.annotation.JsonValue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of a statistics table: a figure for the chosen year and the same figure for the year
 * before. Internally a count is a whole number, a median a number (null when nothing was
 * measured) and a percentage a {@link Share} (null when there was nothing to divide by); the public
 * version may show a count or a percentage as "<5" or "*" instead.
 */
public record Row(String label, Kind kind,
        @Schema(description = "number, a percentage (kind percentage), null, or in the public version \"<5\" or \"*\"",
                oneOf = { Number.class, Share.class, String.class })
        Object thisYear,
        @Schema(description = "number, a percentage (kind percentage), null, or in the public version \"<5\" or \"*\"",
                oneOf = { Number.class, Share.class, String.class })
        Object previousYear) {

    /**
     * What the figure is: a count, the total of the table's counts, a median (not a count of
     * children), or a percentage of counts of the table.
     */
    public enum Kind {
        COUNT, TOTAL, MEDIAN, PERCENTAGE;

        @JsonValue
        public String json() {
            return name().toLowerCase();
        }
    }

    public Object value(boolean thisYearColumn) {
        return thisYearColumn ? thisYear : previousYear;
    }
}
