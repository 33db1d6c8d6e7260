package uk.cdr.processaudit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import uk.cdr.area.Area;
import uk.cdr.statistics.ReportingPeriod;
import uk.cdr.web.UkDates;

/**
 * The days audited, first and last included: a reporting year (1 April to 31 March) or any dates; the
 * cases of one area, or (area null) of the whole CDOP.
 */
public record AuditPeriod(LocalDate from, LocalDate to, String label, Area area) {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    static final String FROM_RULE = "must be a date written like 2014-04-01";
    static final String TO_RULE = "must be a date written like 2015-03-31, not before from";

    /** From the API's parameters: year=2014-15, or from= and to= (yyyy-mm-dd); the current reporting year when none. */
    static AuditPeriod of(String year, String from, String to, LocalDate today) {
        if (year != null && !year.isBlank()) {
            if (from != null || to != null) {
                throw new InvalidPeriod("year", "must not be given with from and to: ask for a reporting year or for dates");
            }
            try {
                ReportingPeriod period = ReportingPeriod.parse(year.trim());
                return new AuditPeriod(period.firstDay(), period.lastDay(), period.label(), null);
            } catch (ReportingPeriod.InvalidYear e) {
                throw new InvalidPeriod("year", ReportingPeriod.RULE);
            }
        }
        if (from == null && to == null) {
            ReportingPeriod period = ReportingPeriod.containing(today);
            return new AuditPeriod(period.firstDay(), period.lastDay(), period.label(), null);
        }
        LocalDate first = date("from", from, FROM_RULE);
        LocalDate last = date("to", to, TO_RULE);
        if (last.isBefore(first)) {
            throw new InvalidPeriod("to", TO_RULE);
        }
        return new AuditPeriod(first, last, UkDates.inWords(first) + " to " + UkDates.inWords(last), null);
    }

    private static LocalDate date(String field, String text, String rule) {
        if (text == null || text.isBlank()) {
            throw new InvalidPeriod(field, "is required with " + (field.equals("from") ? "to" : "from") + ": " + rule);
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidPeriod(field, rule);
        }
    }

    /** The same days, of one area's cases (null: the whole CDOP). */
    AuditPeriod of(Area of) {
        return of == null ? this : new AuditPeriod(from, to, label + ", " + of.name(), of);
    }

    /** A condition keeping one area's cases of case_file (alias given), with its parameter; nothing for the whole CDOP. */
    String areaCondition(String caseFile) {
        return area == null ? "" : " and " + caseFile + ".area = ?";
    }

    /** The parameters, with the area's code after them where the period is of one area. */
    Object[] withArea(Object... params) {
        if (area == null) {
            return params;
        }
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = area.code();
        return all;
    }

    OffsetDateTime start() {
        return from.atStartOfDay(UK).toOffsetDateTime();
    }

    OffsetDateTime endExclusive() {
        return to.plusDays(1).atStartOfDay(UK).toOffsetDateTime();
    }

    /** A period the API refused: the field and the rule it broke. */
    public static class InvalidPeriod extends RuntimeException {
        private final String field;
        private final String rule;

        InvalidPeriod(String field, String rule) {
            super(field + " " + rule);
            this.field = field;
            this.rule = rule;
        }

        public String field() {
            return field;
        }

        public String rule() {
            return rule;
        }
    }
}
