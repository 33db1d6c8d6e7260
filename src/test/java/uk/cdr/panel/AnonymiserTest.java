package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.cdr.child.NhsNumber;

/**
 * The panel's redaction, without a database: generated children, their identifiers written the
 * many ways people write them, inside generated text. Nothing identifying may come through, and
 * text that identifies nobody must come through untouched. Each property runs {@value #CASES} cases
 * from a seeded {@link Generator}; a failure names the seed to repeat it with
 * {@code -Danonymiser.seed=}.
 */
class AnonymiserTest {

    static final int CASES = 300;

    /** Words of ordinary case notes, including some that look like an address or a date but are not one. */
    private static final List<String> WORDS = List.of("the", "child", "was", "seen", "by", "health", "visitor", "at",
            "home", "and", "school", "nursery", "mother", "father", "reported", "concerns", "about", "sleep", "asthma",
            "plan", "close", "to", "court", "road", "street", "place", "way", "november", "May", "march", "born",
            "NHS", "number", "postcode", "date", "of", "birth", "GP", "referred", "Year", "attended", "clinic");

    /** Numbers as case notes use them: always with what they count or name, as people write them. */
    private static final List<String> NUMBERS = List.of("21 days", "in 2014-15", "12 weeks", "3 siblings",
            "at 10:30", "Year 1", "£250", "5 working days", "2015-16 return", "07:45 call", "A1 road", "M25 motorway",
            "4 visits", "0 to 27 days", "1 to 4 years", "Form B", "room 4");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of("dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy",
            "dd.MM.yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "dd/MM/yy").stream()
            .map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.UK)).toList();

    record Child(String firstName, String lastName, String otherNames, String nhsNumber, String street, String postcode,
            LocalDate dateOfBirth) {

        CaseIdentifiers identifiers() {
            return new CaseIdentifiers(Set.copyOf(List.of(firstName, lastName, otherNames)), Set.of(nhsNumber),
                    Set.of("17 " + street + " Crescent"), Set.of(postcode), Set.of(dateOfBirth));
        }
    }

    @Test
    void noWayOfWritingTheChildsIdentifiersReachesThePanel() {
        Generator g = Generator.seeded();
        for (int run = 1; run <= CASES; run++) {
            Child child = child(g);
            List<Mention> mentions = g.listOf(1, 8, () -> mention(g));
            List<List<String>> fillers = g.listOf(1, 4, () -> g.listOf(1, 6, () -> g.oneOf(WORDS)));

            List<String> written = mentions.stream().map(m -> m.write(child)).toList();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < written.size(); i++) {
                text.append(String.join(" ", fillers.get(i % fillers.size()))).append(i % 2 == 0 ? " (" : " ")
                        .append(written.get(i)).append(i % 2 == 0 ? ") " : ", ");
            }
            String given = "case " + run + ", " + g.describe() + ": " + text;

            String redacted = Redaction.of(child.identifiers()).apply(text.toString());

            for (String identifier : written) {
                assertNotWritten(identifier, redacted, given);
            }
            for (String identifier : List.of(child.firstName(), child.lastName(), child.street(), child.postcode())) {
                assertNotWritten(identifier, redacted.replace("[redacted]", " "), given);
            }
            assertThat(redacted.replaceAll("[\\s./-]", "")).as(given).doesNotContain(child.nhsNumber());
        }
    }

    /** As a whole word: a generated name "Red" or "The" may well be part of "[redacted]" or "mother". */
    private static void assertNotWritten(String identifier, String redacted, String given) {
        Pattern written = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(identifier) + "(?![\\p{L}\\p{N}])");
        assertThat(written.matcher(redacted).find()).as("%s in %s%n   gave %s", identifier, given, redacted).isFalse();
    }

    @Test
    void textThatIdentifiesNobodyComesThroughUnchanged() {
        Generator g = Generator.seeded();
        for (int run = 1; run <= CASES; run++) {
            Child child = childNamedUnlikeTheWords(g);
            String text = ordinaryText(g, child.dateOfBirth());

            assertThat(Redaction.of(child.identifiers()).apply(text))
                    .as("case %d, %s, child %s", run, g.describe(), child).isEqualTo(text);
        }
    }

    @Test
    void anyTenDigitNumberWithAValidCheckDigitIsBlankedEvenIfNotTheCases() {
        Generator g = Generator.seeded();
        for (int run = 1; run <= CASES; run++) {
            // A child called "Nhs" is rightly blanked wherever the word is written: not what this test is about.
            Child child = childNamedUnlikeTheWords(g);
            String text = "sibling's NHS number " + evenGrouping(g).write(nhsNumber(g)) + " was given";

            assertThat(Redaction.of(child.identifiers()).apply(text)).as("case %d, %s: %s", run, g.describe(), text)
                    .isEqualTo("sibling's NHS number [redacted] was given");
        }
    }

    /** What the tester found reaching the panel verbatim. */
    @Test
    void theTestersStringsAreBlanked() {
        Child child = new Child("Jamie", "Doe", "Ava-Rose", "1512845345", "Larkspur", "SW1A 1AA", LocalDate.of(2014, 11, 2));

        String redacted = Redaction.of(child.identifiers()).apply(
                "NHS 15128 45345, also 151.284.5345; lives at sw1a-1aa, born 02/11/2014. AVA-ROSE and ava were seen.");

        assertThat(redacted).isEqualTo("NHS [redacted], also [redacted]; lives at [redacted], born [redacted]. "
                + "[redacted] and [redacted] were seen.");
    }

    @Test
    void ordinaryNumbersDatesAndWordsStay() {
        Child child = new Child("Jamie", "Doe", "Ava-Rose", "1512845345", "Larkspur", "SW1A 1AA", LocalDate.of(2014, 11, 2));
        String text = "Form B returned within 21 days in 2014-15; seen on 03/11/2014 and 2 December 2014; "
                + "lava lamp by the Jamieson close; court on 12 November 2014; NHS 151 284 5346 was a typo; "
                + "phone 020 7946 0000.";

        assertThat(Redaction.of(child.identifiers()).apply(text)).isEqualTo(text);
    }

    @Test
    void theCasesNumberIsFoundAmidOtherNumbers() {
        Child child = new Child("Jamie", "Doe", "Ava-Rose", "1512845345", "Larkspur", "SW1A 1AA", LocalDate.of(2014, 11, 2));

        assertThat(Redaction.of(child.identifiers()).apply("ref 1512845345 2 siblings, 1 5 1 2 8 4 5 3 4 5"))
                .isEqualTo("ref [redacted] 2 siblings, [redacted]");
    }

    // Generators

    private static Child child(Generator g) {
        return new Child(name(g), name(g), name(g) + "-" + name(g), nhsNumber(g), name(g), postcode(g), dateOfBirth(g));
    }

    private static String name(Generator g) {
        return capitalised(g.chars("abcdefghijklmnopqrstuvwxyz", 3, 10));
    }

    /** For text meant to identify nobody: no name or street that is also one of the text's words. */
    private static Child childNamedUnlikeTheWords(Generator g) {
        Set<String> words = Stream.concat(WORDS.stream(), NUMBERS.stream().flatMap(n -> Stream.of(n.split(" "))))
                .map(word -> word.toLowerCase(Locale.UK)).collect(Collectors.toSet());
        while (true) {
            Child child = child(g);
            List<String> parts = new ArrayList<>(List.of(child.firstName(), child.lastName(), child.street()));
            parts.addAll(List.of(child.otherNames().split("-")));
            if (parts.stream().noneMatch(part -> words.contains(part.toLowerCase(Locale.UK)))) {
                return child;
            }
        }
    }

    /** Nine random digits and their check digit; drawn again when they have none. */
    private static String nhsNumber(Generator g) {
        while (true) {
            String number = withCheckDigit(g.chars("0123456789", 9, 9));
            if (number != null && NhsNumber.isValid(number)) {
                return number;
            }
        }
    }

    /** Postcodes of the shapes Royal Mail issues: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA. */
    private static String postcode(Generator g) {
        String area = g.oneIn(2) ? g.oneOf("B", "E", "G", "L", "M", "N", "S", "W")
                : g.oneOf("SW", "SE", "NW", "EC", "WC", "BS", "LS", "CF", "EH", "OX", "YO", "TN", "GU", "RG");
        String district = g.oneIn(2) ? String.valueOf(g.between(1, 99)) : g.between(1, 9) + "A";
        return area + district + " " + g.between(0, 9) + g.chars("ABDEFGHJLNPQRSTUWXYZ", 2, 2);
    }

    private static LocalDate dateOfBirth(Generator g) {
        return g.dateBetween(LocalDate.of(1998, 1, 1), LocalDate.of(2026, 12, 31));
    }

    /** One of the child's identifiers, written one of the ways people write it. */
    private static Mention mention(Generator g) {
        return switch (g.between(0, 3)) {
            case 0 -> {
                Grouping grouping = grouping(g);
                yield c -> grouping.write(c.nhsNumber());
            }
            case 1 -> {
                String separator = g.oneOf("", " ", "  ", "-", " - ");
                LetterCase letterCase = g.oneOf(LetterCase.values());
                yield c -> letterCase.write(c.postcode().replace(" ", separator));
            }
            case 2 -> {
                DateFormat format = g.oneOf(dateOfBirthFormats());
                yield c -> format.write(c.dateOfBirth());
            }
            default -> {
                NamePart part = g.oneOf(NamePart.values());
                LetterCase letterCase = g.oneOf(LetterCase.values());
                yield c -> letterCase.write(part.of(c));
            }
        };
    }

    /** Words, numbers with what they count, and dates other than the child's date of birth (weighted 6:2:1). */
    private static String ordinaryText(Generator g, LocalDate dateOfBirth) {
        return String.join(" ", g.listOf(1, 30, () -> {
            int draw = g.between(1, 9);
            if (draw <= 6) {
                return g.oneOf(WORDS);
            }
            if (draw <= 8) {
                return g.oneOf(NUMBERS);
            }
            LocalDate date = dateOfBirth(g);
            while (date.equals(dateOfBirth)) {
                date = dateOfBirth(g);
            }
            return "on " + g.oneOf(DATE_FORMATS).format(date) + " they";
        }));
    }

    /** The ten digits cut into groups anywhere (up to four cuts), each cut written with its own separator. */
    private static Grouping grouping(Generator g) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int size = g.between(0, 4); cuts.size() < size;) {
            cuts.add(g.between(1, 9));
        }
        List<String> separators = g.listOf(cuts.size(), cuts.size(),
                () -> g.oneOf(" ", "", ".", "-", "/", "  ", " - ", " / "));
        return new Grouping(List.copyOf(cuts), separators);
    }

    /** Digits cut at the given places, each cut written with its separator. */
    record Grouping(List<Integer> cuts, List<String> separators) {

        String write(String digits) {
            StringBuilder written = new StringBuilder();
            int from = 0;
            for (int i = 0; i < cuts.size(); i++) {
                written.append(digits, from, cuts.get(i)).append(separators.get(i));
                from = cuts.get(i);
            }
            return written.append(digits.substring(from)).toString();
        }
    }

    /**
     * Any other person's number written as people write them, evenly grouped (see NhsNumberRuns):
     * 3-3-4, 5-5, 2-4-4 or ungrouped, with one kind of separator.
     */
    private static Grouping evenGrouping(Generator g) {
        List<Integer> cuts = g.oneOf(List.of(), List.of(3, 6), List.of(5), List.of(2, 6));
        String separator = g.oneOf(" ", ".", "-", "/", "");
        return new Grouping(cuts, cuts.stream().map(cut -> separator).toList());
    }

    interface Mention {
        String write(Child child);
    }

    enum NamePart {
        FIRST, LAST, FULL, OTHER_NAMES, OTHER_NAMES_SPACED, FIRST_OF_OTHER_NAMES, LAST_OF_OTHER_NAMES, STREET, ADDRESS;

        String of(Child c) {
            String[] others = c.otherNames().split("-");
            return switch (this) {
                case FIRST -> c.firstName();
                case LAST -> c.lastName();
                case FULL -> c.firstName() + " " + c.lastName();
                case OTHER_NAMES -> c.otherNames();
                case OTHER_NAMES_SPACED -> others[0] + " " + others[1];
                case FIRST_OF_OTHER_NAMES -> others[0];
                case LAST_OF_OTHER_NAMES -> others[1];
                case STREET -> c.street();
                case ADDRESS -> "17 " + c.street() + " Crescent";
            };
        }
    }

    enum LetterCase {
        AS_GIVEN, UPPER, LOWER;

        String write(String value) {
            return switch (this) {
                case AS_GIVEN -> value;
                case UPPER -> value.toUpperCase(Locale.UK);
                case LOWER -> value.toLowerCase(Locale.UK);
            };
        }
    }

    interface DateFormat {
        String write(LocalDate date);
    }

    /** The formats of the issue, and their ordinal and "of" variants. */
    private static List<DateFormat> dateOfBirthFormats() {
        List<DateFormat> formats = new ArrayList<>(DATE_FORMATS.stream()
                .map(f -> (DateFormat) f::format).toList());
        formats.add(d -> d.getDayOfMonth() + ordinal(d.getDayOfMonth()) + " " + month(d) + " " + d.getYear());
        formats.add(d -> d.getDayOfMonth() + ordinal(d.getDayOfMonth()) + " of " + month(d) + " " + d.getYear());
        formats.add(d -> DateTimeFormatter.ofPattern("dd-MMM-yy", Locale.UK).format(d));
        formats.add(d -> DateTimeFormatter.ofPattern("MMM d yyyy", Locale.UK).format(d));
        return formats;
    }

    private static String month(LocalDate date) {
        return DateTimeFormatter.ofPattern("MMMM", Locale.UK).format(date);
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The modulus 11 check digit; null when the nine digits give 10, a number never issued. */
    private static String withCheckDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 10 ? null : nine + (check == 11 ? 0 : check);
    }
}
