package uk.cdr.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * Dates as people in England read them: "30 November 2026", "30 November 2026 at 14:05". The one
 * place the app's pages format a date, so that no page shows 11/30/2026 or 2026-11-30. Templates
 * call it as {@code T(uk.cdr.web.UkDates).inWords(date)}; blank for none.
 */
public final class UkDates {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private UkDates() {
    }

    /** "30 November 2026". */
    public static String inWords(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    /** The day of a moment in England: "30 November 2026". */
    public static String inWords(OffsetDateTime moment) {
        return moment == null ? "" : inWords(moment.atZoneSameInstant(UK).toLocalDate());
    }

    public static String inWords(Instant moment) {
        return moment == null ? "" : inWords(moment.atZone(UK).toLocalDate());
    }

    public static String inWords(Date moment) {
        return moment == null ? "" : inWords(moment.toInstant());
    }

    /** "Monday 30 November 2026", for meetings, whose weekday matters to those attending. */
    public static String withWeekday(LocalDate date) {
        return date == null ? "" : date.format(WEEKDAY);
    }

    /** "30 November 2026 at 14:05", the time in England, to the minute as typed. */
    public static String withTime(OffsetDateTime moment) {
        return moment == null ? "" : withTime(moment.atZoneSameInstant(UK).toLocalDateTime());
    }

    public static String withTime(ZonedDateTime moment) {
        return moment == null ? "" : withTime(moment.withZoneSameInstant(UK).toLocalDateTime());
    }

    public static String withTime(LocalDateTime moment) {
        return moment == null ? "" : inWords(moment.toLocalDate()) + " at " + moment.format(TIME);
    }

    public static String withTime(Instant moment) {
        return moment == null ? "" : withTime(moment.atZone(UK).toLocalDateTime());
    }

    public static String withTime(Date moment) {
        return moment == null ? "" : withTime(moment.toInstant());
    }

    /** "14:05", never rounded, never AM/PM. */
    public static String time(LocalTime time) {
        return time == null ? "" : time.format(TIME);
    }
}
