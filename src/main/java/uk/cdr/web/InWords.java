package uk.cdr.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * Dates as people in England read them, with the month as a word ("30 November 2026"), so 03/04
 * can never be taken for 4 March. Moments are shown in UK time. For emails and pages, never for
 * JSON machine fields, which stay ISO-8601.
 */
public final class InWords {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private InWords() {
    }

    /** "30 November 2026"; blank for none. */
    public static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** The UK day of a moment: "30 November 2026"; blank for none. */
    public static String date(OffsetDateTime moment) {
        return moment == null ? "" : DAY.format(moment.atZoneSameInstant(UK));
    }

    public static String date(Date moment) {
        return moment == null ? "" : DAY.format(moment.toInstant().atZone(UK));
    }

    /** "30 November 2026 at 14:05", UK time; blank for none. */
    public static String dateAndTime(OffsetDateTime moment) {
        return moment == null ? "" : DAY_AND_TIME.format(moment.atZoneSameInstant(UK));
    }

    public static String dateAndTime(ZonedDateTime moment) {
        return moment == null ? "" : DAY_AND_TIME.format(moment.withZoneSameInstant(UK));
    }
}
