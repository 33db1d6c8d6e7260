package uk.cdr.panel;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date of birth as people write it: 02/11/2014, 2/11/2014, 02-11-2014, 02.11.2014, 02/11/14,
 * 2014-11-02, 2 November 2014, 2nd of Nov 2014, November 2, 2014. Only that date: an ordinary date
 * in the same text is the panel's business. Day first, as in England; 11/02/2014 is another date.
 */
final class WrittenDates {

    private static final String NOT_IN_A_NUMBER_BEFORE = "(?<!\\d)";
    private static final String NOT_IN_A_NUMBER_AFTER = "(?!\\d)";
    private static final String NOT_IN_A_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_IN_A_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    /** Between the numbers of 02/11/2014, 02-11-2014, 02.11.2014, 02 11 2014, 2014-11-02. */
    private static final String NUMERIC_SEPARATOR = "(?:\\s*[./-]\\s*|\\s+)";
    /** Between the words of 2 November 2014, 2-Nov-14, November 2, 2014. */
    private static final String WORD_SEPARATOR = "[\\s,./-]";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";

    private WrittenDates() {
    }

    static List<Pattern> of(LocalDate date) {
        String day = number(date.getDayOfMonth());
        String month = number(date.getMonthValue());
        String year = String.valueOf(date.getYear());
        String shortYear = "%02d".formatted(date.getYear() % 100);
        String monthName = monthName(date);
        String anyYear = "(?:" + year + "|'?" + shortYear + ")";
        return List.of(
                Pattern.compile(NOT_IN_A_NUMBER_BEFORE + day + NUMERIC_SEPARATOR + month + NUMERIC_SEPARATOR + "(?:" + year
                        + "|" + shortYear + ")" + NOT_IN_A_NUMBER_AFTER),
                Pattern.compile(NOT_IN_A_NUMBER_BEFORE + year + NUMERIC_SEPARATOR + month + NUMERIC_SEPARATOR + day
                        + NOT_IN_A_NUMBER_AFTER),
                Pattern.compile("(?iu)" + NOT_IN_A_WORD_BEFORE + day + ORDINAL + "(?:" + WORD_SEPARATOR + "*of)?"
                        + WORD_SEPARATOR + "*" + monthName + WORD_SEPARATOR + "*" + anyYear + NOT_IN_A_WORD_AFTER),
                Pattern.compile("(?iu)" + NOT_IN_A_WORD_BEFORE + monthName + WORD_SEPARATOR + "*" + day + ORDINAL
                        + WORD_SEPARATOR + "+" + anyYear + NOT_IN_A_WORD_AFTER));
    }

    /** 2 is also written 02; 12 only 12. */
    private static String number(int value) {
        return value < 10 ? "0?" + value : String.valueOf(value);
    }

    /** November, Nov or Nov.; September also Sept. */
    private static String monthName(LocalDate date) {
        String full = date.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
        String shortName = full.substring(0, 3);
        String sept = full.equals("September") ? "|Sept" : "";
        return "(?:" + full + "|" + shortName + sept + ")\\.?";
    }
}
