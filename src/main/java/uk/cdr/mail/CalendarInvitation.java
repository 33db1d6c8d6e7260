package uk.cdr.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) invitation that mail and calendar programs add to the diary. Times are
 * written in UTC, so no time zone definition is needed.
 */
public final class CalendarInvitation {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarInvitation() {
    }

    public static Mailer.Attachment of(String uid, String summary, String location, Instant start, Duration length,
            Instant stamp, String organiserEmail) {
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "PRODID:-//child-death-review//EN",
                "VERSION:2.0",
                "METHOD:REQUEST",
                "BEGIN:VEVENT",
                "UID:" + uid,
                "DTSTAMP:" + UTC.format(stamp),
                "DTSTART:" + UTC.format(start),
                "DTEND:" + UTC.format(start.plus(length)),
                "SUMMARY:" + escape(summary),
                "LOCATION:" + escape(location),
                "ORGANIZER:mailto:" + organiserEmail,
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        return new Mailer.Attachment("meeting.ics", "text/calendar; charset=UTF-8; method=REQUEST",
                ics.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        // RFC 5545 TEXT: a line break of any kind becomes \n, other control characters go; a bare CR
        // left in would start a new property (ATTENDEE, ORGANIZER...) in some calendar clients.
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
                .replace('\r', '\n').replace("\n", "\\n").replaceAll("[\\p{Cntrl}&&[^\t]]", "");
    }
}
