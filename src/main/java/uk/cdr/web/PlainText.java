package uk.cdr.web;

import java.util.regex.Pattern;

/**
 * What text people type may hold. Single-line fields (names, agencies, places, emails) end up in
 * email bodies, subjects and headers, and in one-line log and audit entries: a line break there
 * lets a sender add lines of their own ("Please send the report to ..."), so they hold no control
 * character at all, tabs included. Free text may span lines (\n, \r\n), nothing else.
 */
public final class PlainText {

    public static final String SINGLE_LINE_RULE = "must be one line: no line breaks, tabs or other control characters";
    public static final String MULTI_LINE_RULE = "must not contain control characters other than line breaks";

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern CONTROL_BUT_LINE_BREAKS = Pattern.compile("[\\p{Cc}&&[^\\n\\r]]|\\r(?!\\n)");

    private PlainText() {
    }

    /** True when the value is absent or on one line with no control characters. */
    public static boolean isSingleLine(String value) {
        return value == null || !CONTROL.matcher(value).find();
    }

    /** True when the value is absent or has no control characters other than line breaks (\n or \r\n). */
    public static boolean isMultiLine(String value) {
        return value == null || !CONTROL_BUT_LINE_BREAKS.matcher(value).find();
    }
}
