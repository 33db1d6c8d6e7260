package uk.cdr.caseimport;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The range every date of a case must fall in: nothing in the future, nothing before what it follows. */
final class Dates {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final LocalTime NOON = LocalTime.of(12, 0);

    private Dates() {
    }

    static LocalDate notAfter(RowValues v, ImportColumn column, LocalDate date, LocalDate today) {
        return between(v, column, date, null, null, today);
    }

    /** @return the date, or null (with the broken rule noted) when out of range */
    static LocalDate between(RowValues v, ImportColumn column, LocalDate date, LocalDate notBefore,
            ImportColumn notBeforeColumn, LocalDate today) {
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            v.error(column, "must not be in the future (was " + date + ")");
            return null;
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            v.error(column, "must not be before " + notBeforeColumn.header() + " (" + notBefore + "; was " + date + ")");
            return null;
        }
        return date;
    }

    /**
     * A spreadsheet keeps days, the tables keep moments: an imported day becomes 12:00 UK time,
     * which stays on the same day whichever zone or clock change a reader applies.
     */
    static OffsetDateTime noon(LocalDate day) {
        return day.atTime(NOON).atZone(UK).toOffsetDateTime();
    }
}
