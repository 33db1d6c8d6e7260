package uk.cdr.panel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What the panel learns of when a child died: the month and year, and whole months since. The
 * exact date beside the age would give the date of birth; the panel needs neither to review.
 */
final class MonthOfDeath {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private MonthOfDeath() {
    }

    /** "November 2014". */
    static String of(LocalDate dateOfDeath) {
        return MONTH.format(dateOfDeath);
    }

    /** Completed calendar months, as the queue's 6 and 12 month flags count them. */
    static long monthsSince(LocalDate dateOfDeath, LocalDate today) {
        return ChronoUnit.MONTHS.between(dateOfDeath, today);
    }
}
