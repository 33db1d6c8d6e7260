package uk.cdr.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks one child's identifiers out of free text. Pure: built from {@link CaseIdentifiers}, so it
 * is tested on generated text without a database. Every finder marks spans of the original text
 * and the spans are replaced together, so one finder's "[redacted]" never hides or splits what
 * another would have found (a date of birth beside an NHS number, a name inside an address).
 */
public final class Redaction {

    static final String REDACTED = "[redacted]";

    private final NhsNumberRuns nhsNumbers;
    private final List<Pattern> patterns;

    private Redaction(NhsNumberRuns nhsNumbers, List<Pattern> patterns) {
        this.nhsNumbers = nhsNumbers;
        this.patterns = List.copyOf(patterns);
    }

    static Redaction of(CaseIdentifiers identifiers) {
        List<Pattern> patterns = new ArrayList<>();
        patterns.addAll(IdentifierPatterns.names(identifiers.names()));
        patterns.addAll(IdentifierPatterns.addressLines(identifiers.addressLines()));
        patterns.addAll(IdentifierPatterns.postcodes(identifiers.postcodes()));
        patterns.add(IdentifierPatterns.ANY_POSTCODE);
        identifiers.datesOfBirth().forEach(date -> patterns.addAll(WrittenDates.of(date)));
        return new Redaction(new NhsNumberRuns(identifiers.nhsNumbers()), patterns);
    }

    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Span> spans = new ArrayList<>(nhsNumbers.in(text));
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    spans.add(new Span(matcher.start(), matcher.end()));
                }
            }
        }
        return replace(text, spans);
    }

    private static String replace(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder result = new StringBuilder(text.length());
        int done = 0;
        int i = 0;
        while (i < spans.size()) {
            int start = spans.get(i).start();
            int end = spans.get(i).end();
            // Overlapping or touching finds are one identifier written one way: one "[redacted]".
            while (++i < spans.size() && spans.get(i).start() <= end) {
                end = Math.max(end, spans.get(i).end());
            }
            result.append(text, done, start).append(REDACTED);
            done = end;
        }
        return result.append(text, done, text.length()).toString();
    }

    /** Characters [start, end) of the original text. */
    record Span(int start, int end) {
    }
}
