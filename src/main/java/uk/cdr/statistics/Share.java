package uk.cdr.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A percentage that says what it is a percentage of, as NHS Digital publishes them: "28% (991 of
 * 3,540 reviews with enough information to decide)". Whole percent, halves rounded up.
 */
@Schema(description = "a percentage with its count and denominator, e.g. 28% = 991 of 3540")
public record Share(@Schema(description = "whole percent, halves rounded up", example = "28") int percent,
        @Schema(example = "991") long count,
        @Schema(description = "the denominator", example = "3540") long of,
        @Schema(description = "what the denominator counts", example = "reviews with enough information to decide") String ofWhat) {

    /** @return null when there is nothing to divide by: no percentage, not 0% */
    static Share of(long count, long of, String ofWhat) {
        if (of == 0) {
            return null;
        }
        int percent = BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 0, RoundingMode.HALF_UP).intValue();
        return new Share(percent, count, of, ofWhat);
    }

    /** As the page, the CSV and the report print it. */
    @JsonProperty("text")
    @Schema(example = "28% (991 of 3,540 reviews with enough information to decide)")
    public String text() {
        NumberFormat thousands = NumberFormat.getIntegerInstance(Locale.UK);
        return percent + "% (" + thousands.format(count) + " of " + thousands.format(of) + " " + ofWhat + ")";
    }

    @Override
    public String toString() {
        return text();
    }
}
