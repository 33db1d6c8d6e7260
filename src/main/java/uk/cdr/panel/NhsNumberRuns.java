package uk.cdr.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import uk.cdr.child.NhsNumber;

/**
 * Finds NHS numbers however they were written: people group the ten digits as they like
 * (485 777 3456, 48577 73456, 485.777.3456) or not at all. Text is read as runs of digits joined by
 * spaces, dots, hyphens or slashes. The case's own numbers are found anywhere in a run, in any
 * grouping. Any other run of exactly ten digits grouped evenly (one kind of separator, at most four
 * groups) with a valid check digit is taken to be an NHS number too: a panel never needs one, and
 * ordinary numbers and dates seldom have that shape.
 */
final class NhsNumberRuns {

    private static final Pattern RUN = Pattern.compile("\\d(?:[\\s./-]{0,3}\\d)*");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s./-]+");
    private static final int MOST_GROUPS = 4;

    private final Set<String> caseNumbers;

    NhsNumberRuns(Set<String> caseNumbers) {
        this.caseNumbers = caseNumbers.stream().map(n -> n.replaceAll("\\D", "")).filter(n -> n.length() == 10)
                .collect(Collectors.toUnmodifiableSet());
    }

    List<Redaction.Span> in(String text) {
        List<Redaction.Span> spans = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            String written = run.group();
            int[] positions = digitPositions(written);
            String digits = digitsOf(written);
            for (String number : caseNumbers) {
                for (int at = digits.indexOf(number); at >= 0; at = digits.indexOf(number, at + 1)) {
                    spans.add(new Redaction.Span(run.start() + positions[at], run.start() + positions[at + 9] + 1));
                }
            }
            if (digits.length() == 10 && evenlyGrouped(written) && NhsNumber.isValid(digits)) {
                spans.add(new Redaction.Span(run.start(), run.end()));
            }
        }
        return spans;
    }

    private static boolean evenlyGrouped(String written) {
        List<String> separators = SEPARATOR.matcher(written).results()
                .map(m -> m.group().strip().isEmpty() ? " " : m.group().strip()).toList();
        return separators.size() < MOST_GROUPS && separators.stream().distinct().count() <= 1;
    }

    private static String digitsOf(String written) {
        return written.replaceAll("\\D", "");
    }

    private static int[] digitPositions(String written) {
        int[] positions = new int[written.length()];
        int n = 0;
        for (int i = 0; i < written.length(); i++) {
            if (written.charAt(i) >= '0' && written.charAt(i) <= '9') {
                positions[n++] = i;
            }
        }
        return positions;
    }
}
