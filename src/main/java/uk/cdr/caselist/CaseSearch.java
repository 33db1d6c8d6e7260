package uk.cdr.caselist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.cdr.area.Areas;
import uk.cdr.child.NhsNumber;

/**
 * What a user searches the cases by, checked: the page and the API read the same parameters and
 * give the same rules. Only the SPOC and the Designated Doctor may search by what identifies a
 * child (name, NHS number, date of birth); the panel works from anonymised cases.
 */
public record CaseSearch(String reference, String name, String nhsNumber, LocalDate dateOfBirth, LocalDate diedFrom,
        LocalDate diedTo, ListedStage stage, String reportingYear, String area, int page, int size) {

    public static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;
    /** The criteria that identify a child, which the panel may not use. */
    static final List<String> IDENTIFYING = List.of("name", "nhsNumber", "dateOfBirth");
    /** Every parameter, in the order the page shows them (and lists its errors). */
    static final List<String> PARAMETERS = List.of("reference", "name", "nhsNumber", "dateOfBirth", "diedFrom", "diedTo",
            "stage", "reportingYear", "area", "page", "size");

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern REPORTING_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,6}");

    /** One broken rule: the parameter, and the rule in words that follow its name. */
    public record Problem(String field, String rule) {
    }

    /** The search could not be run: every parameter that broke a rule. */
    public static class Invalid extends RuntimeException {
        private final transient List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.stream().map(p -> p.field() + " " + p.rule()).reduce((a, b) -> a + "; " + b).orElse(""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public boolean identifies() {
        return name != null || nhsNumber != null || dateOfBirth != null;
    }

    /**
     * @param params       the request's parameters, as given (blank means not given)
     * @param mayIdentify  whether the user may search by the child's identifiers (SPOC, doctor)
     * @param areas        the CDOP's areas, one of which the search may be narrowed to
     * @throws Invalid naming every parameter that breaks its rule
     */
    public static CaseSearch of(Map<String, String> params, boolean mayIdentify, Areas areas) {
        Map<String, String> given = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(key, value.trim());
            }
        });
        List<Problem> problems = new ArrayList<>();
        if (!mayIdentify) {
            IDENTIFYING.stream().filter(given::containsKey).forEach(field -> problems.add(new Problem(field,
                    "is not a search the CDOP panel may make: the panel works from anonymised cases")));
            IDENTIFYING.forEach(given::remove);
        }
        String reference = text(given, "reference", 20, problems);
        String name = text(given, "name", 200, problems);
        String nhsNumber = nhsNumber(given.get("nhsNumber"), problems);
        LocalDate dateOfBirth = date(given, "dateOfBirth", problems);
        LocalDate diedFrom = date(given, "diedFrom", problems);
        LocalDate diedTo = date(given, "diedTo", problems);
        if (!mayIdentify) {
            // The panel learns the month of a death, never the day: narrowing a search day by day would tell it.
            if (diedFrom != null && diedFrom.getDayOfMonth() != 1) {
                problems.add(new Problem("diedFrom", "must be the first day of a month: the CDOP panel searches by month of death"));
                diedFrom = null;
            }
            if (diedTo != null && diedTo.getDayOfMonth() != diedTo.lengthOfMonth()) {
                problems.add(new Problem("diedTo", "must be the last day of a month: the CDOP panel searches by month of death"));
                diedTo = null;
            }
        }
        if (diedFrom != null && diedTo != null && diedTo.isBefore(diedFrom)) {
            problems.add(new Problem("diedTo", "must not be before died from (diedFrom)"));
        }
        ListedStage stage = null;
        if (given.containsKey("stage")) {
            stage = ListedStage.ofCode(given.get("stage")).orElse(null);
            if (stage == null) {
                problems.add(new Problem("stage", "must be one of " + List.of(ListedStage.values())));
            }
        }
        String reportingYear = reportingYear(given.get("reportingYear"), problems);
        Areas.Filter area = areas.filter(given.get("area"));
        if (area.rule() != null) {
            problems.add(new Problem("area", area.rule()));
        }
        int page = number(given, "page", 1, Integer.MAX_VALUE, 1, problems);
        int size = number(given, "size", 1, MAX_PAGE_SIZE, PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new CaseSearch(reference, name, nhsNumber, dateOfBirth, diedFrom, diedTo, stage, reportingYear, area.code(), page, size);
    }

    private static String text(Map<String, String> given, String field, int max, List<Problem> problems) {
        String value = given.get(field);
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }

    private static String nhsNumber(String value, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        String digits = NhsNumber.normalise(value);
        if (!digits.matches("\\d{10}")) {
            problems.add(new Problem("nhsNumber", "must be 10 digits (spaces allowed), e.g. 943 476 5919"));
            return null;
        }
        return digits;
    }

    private static LocalDate date(Map<String, String> given, String field, List<Problem> problems) {
        String value = given.get(field);
        if (value == null) {
            return null;
        }
        Matcher iso = ISO_DATE.matcher(value);
        Matcher uk = UK_DATE.matcher(value);
        try {
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            if (uk.matches()) {
                return LocalDate.of(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)),
                        Integer.parseInt(uk.group(1)));
            }
        } catch (DateTimeException e) {
            problems.add(new Problem(field, "must be a real date (was " + value + ")"));
            return null;
        }
        problems.add(new Problem(field, "must be a date, day first: 30/11/2014 (or 2014-11-30)"));
        return null;
    }

    private static String reportingYear(String value, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        Matcher m = REPORTING_YEAR.matcher(value);
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100 != Integer.parseInt(m.group(2))) {
            problems.add(new Problem("reportingYear", "must be a reporting year, 1 April to 31 March, written 2014-15"));
            return null;
        }
        return value;
    }

    private static int number(Map<String, String> given, String field, int min, int max, int otherwise,
            List<Problem> problems) {
        String value = given.get(field);
        if (value == null) {
            return otherwise;
        }
        if (!WHOLE_NUMBER.matcher(value).matches() || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            problems.add(new Problem(field, "must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max)));
            return otherwise;
        }
        return Integer.parseInt(value);
    }
}
