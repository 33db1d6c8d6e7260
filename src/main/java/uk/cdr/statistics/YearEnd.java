package uk.cdr.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import uk.cdr.ChildDeathReviewApplication;
import uk.cdr.web.UkDates;

/**
 * When the "at year end" figures (cases open, Form Bs overdue) of a year and the year before are
 * taken: at the end of 31 March, or, for a year not yet ended, now. Counting a year not yet ended
 * at its future year end would call open today "open at year end" and count Form Bs that are not
 * due yet as overdue.
 */
record YearEnd(ReportingPeriod year, Instant now) {

    private static final ZoneId UK = ZoneId.of(ChildDeathReviewApplication.ZONE);

    /** The day a year not yet ended is counted to; empty for a year that has ended. */
    Optional<LocalDate> asOf() {
        return asOf(year);
    }

    /** How the year's column is headed: "2010-11", or "2010-11 as of 5 February 2011". */
    String heading() {
        return year.label() + asOf().map(day -> " as of " + inWords(day)).orElse("");
    }

    /**
     * When the figures were taken, for a label: "at year end"; for a year not yet ended "on 5
     * February 2011 (2009-10: at year end)", the year before being the other column.
     */
    String when() {
        Optional<LocalDate> day = asOf();
        if (day.isEmpty()) {
            return "at year end";
        }
        String on = "on " + inWords(day.get());
        return asOf(year.previous()).isPresent() ? on : on + " (" + year.previous().label() + ": at year end)";
    }

    /**
     * Counts.of(year), with the year ends (:end, :previousEnd, instants, exclusive) and the last
     * days (:last, :previousLast) moved to now for a year not yet ended.
     */
    Map<String, Object> params() {
        Map<String, Object> params = Counts.of(year);
        ReportingPeriod previous = year.previous();
        params.put("end", end(year));
        params.put("last", lastDay(year));
        params.put("previousEnd", end(previous));
        params.put("previousLast", lastDay(previous));
        return params;
    }

    LocalDate lastDay() {
        return lastDay(year);
    }

    LocalDate previousLastDay() {
        return lastDay(year.previous());
    }

    static String inWords(LocalDate day) {
        return UkDates.inWords(day);
    }

    private Optional<LocalDate> asOf(ReportingPeriod period) {
        return now.isBefore(period.end().toInstant()) ? Optional.of(LocalDate.ofInstant(now, UK)) : Optional.empty();
    }

    private OffsetDateTime end(ReportingPeriod period) {
        return asOf(period).isPresent() ? now.atZone(UK).toOffsetDateTime() : period.end();
    }

    private LocalDate lastDay(ReportingPeriod period) {
        return asOf(period).orElse(period.lastDay());
    }
}
