package uk.cdr.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.cdr.ChildDeathReviewApplication;
import uk.cdr.casefile.ReportingYear;

/**
 * A reporting year as the statistics need it: 1 April to 31 March, written "2014-15". Dates
 * (death, review completed, meeting) fall between its first and last day; instants (a Form B
 * returned, a rapid response started) between UK midnight on 1 April and UK midnight a year on.
 */
public record ReportingPeriod(String label, LocalDate firstDay, LocalDate lastDay) {

    public static final String RULE = "must be a reporting year written like 2014-15 "
            + "(1 April 2014 to 31 March 2015: the first year, a hyphen, the last two digits of the next year)";

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final ZoneId UK = ZoneId.of(ChildDeathReviewApplication.ZONE);

    /** @throws InvalidYear when the text is not a reporting year */
    public static ReportingPeriod parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new InvalidYear();
        }
        int start = Integer.parseInt(matcher.group(1));
        if ((start + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw new InvalidYear();
        }
        return starting(start);
    }

    public static ReportingPeriod containing(LocalDate date) {
        return parse(ReportingYear.of(date));
    }

    private static ReportingPeriod starting(int year) {
        LocalDate first = LocalDate.of(year, 4, 1);
        return new ReportingPeriod(ReportingYear.of(first), first, first.plusYears(1).minusDays(1));
    }

    public ReportingPeriod previous() {
        return starting(firstDay.getYear() - 1);
    }

    /** The first instant of the year, UK time. */
    public OffsetDateTime start() {
        return firstDay.atStartOfDay(UK).toOffsetDateTime();
    }

    /** The end of 31 March, UK time: the first instant after the year ("at year end"). */
    public OffsetDateTime end() {
        return lastDay.plusDays(1).atStartOfDay(UK).toOffsetDateTime();
    }

    public static class InvalidYear extends RuntimeException {
        InvalidYear() {
            super("year " + RULE);
        }
    }
}
