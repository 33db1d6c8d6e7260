package uk.cdr.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A date typed as the GOV.UK date input asks for it: day, month and year in three boxes, posted as
 * {@code name-day}, {@code name-month} and {@code name-year}. Read only day first, so 03/04/2020 is
 * always 3 April 2020. Keeps what was typed, to show it back with the problem.
 *
 * <p>The problem is worded to follow the field's label, as GOV.UK does: "Date of death" +
 * " must include a month", " must be a real date".
 */
public record DateInput(String name, String day, String month, String year) {

    public static DateInput read(Map<String, String> posted, String name) {
        return new DateInput(name, trimmed(posted.get(name + "-day")), trimmed(posted.get(name + "-month")),
                trimmed(posted.get(name + "-year")));
    }

    /** A stored date, shown in the three boxes. */
    public static DateInput of(String name, LocalDate date) {
        return date == null ? new DateInput(name, "", "", "")
                : new DateInput(name, String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                        String.valueOf(date.getYear()));
    }

    /** A date kept as yyyy-mm-dd (as a form's answers keep it), shown in the three boxes; unreadable shows empty. */
    public static DateInput ofIso(String name, String iso) {
        try {
            return of(name, iso == null || iso.isBlank() ? null : LocalDate.parse(iso.trim()));
        } catch (DateTimeException e) {
            return of(name, null);
        }
    }

    public boolean blank() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    /** What is wrong with what was typed, e.g. "must include a month"; null when it is a real date or blank. */
    public String problem() {
        if (blank()) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (day.isEmpty()) {
            missing.add("day");
        }
        if (month.isEmpty()) {
            missing.add("month");
        }
        if (year.isEmpty()) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            return "must include a " + String.join(" and ", missing);
        }
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d+")) {
            return "must be a real date";
        }
        if (year.length() != 4) {
            return "must include a year with 4 numbers, for example 2007";
        }
        try {
            LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return null;
        } catch (DateTimeException e) {
            return "must be a real date";
        }
    }

    /** The date typed; null when blank or not a real date (see problem()). */
    public LocalDate date() {
        return blank() || problem() != null ? null
                : LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    /** yyyy-mm-dd for the services that take a date as text; null when blank or not a real date. */
    public String iso() {
        LocalDate date = date();
        return date == null ? null : date.toString();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
