package uk.cdr.calendar;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a task is overdue, one rule for every list that says so (My work, the case's open tasks):
 * a task due on a day (its due date at midnight, as the CDOP review is due on its meeting's day) is
 * overdue only from the next day; a task due at a time (09:00 the next working day) from that minute.
 */
public final class DueDates {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private DueDates() {
    }

    public static boolean overdue(OffsetDateTime due, OffsetDateTime now) {
        if (due == null) {
            return false;
        }
        ZonedDateTime dueInUk = due.atZoneSameInstant(UK);
        if (dueInUk.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return now.atZoneSameInstant(UK).toLocalDate().isAfter(dueInUk.toLocalDate());
        }
        return now.isAfter(due);
    }
}
