package uk.cdr.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.time.api.Dates;
import uk.cdr.child.NhsNumber;

/**
 * The panel's redaction, without a database: generated children, their identifiers written the
 * many ways people write them, inside generated text. Nothing identifying may come through, and
 * text that identifies nobody must come through untouched.
 */
class AnonymiserTest {

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

    @Property(tries = 300)
    void noWayOfWritingTheChildsIdentifiersReachesThePanel(@ForAll("children") Child child,
            @ForAll("mentions") List<Mention> mentions, @ForAll("fillers") List<List<String>> fillers) {
        List<String> written = mentions.stream().map(m -> m.write(child)).toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < written.size(); i++) {
            text.append(String.join(" ", fillers.get(i % fillers.size()))).append(i % 2 == 0 ? " (" : " ")
                    .append(written.get(i)).append(i % 2 == 0 ? ") " : ", ");
        }

        String redacted = Redaction.of(child.identifiers()).apply(text.toString());

        for (String identifier : written) {
            assertNotWritten(identifier, redacted, text);
        }
        for (String identifier : List.of(child.firstName(), child.lastName(), child.street(), child.postcode())) {
            assertNotWritten(identifier, redacted.replace("[redacted]", " "), text);
        }
        assertThat(redacted.replaceAll("[\\s./-]", "")).as(text.toString()).doesNotContain(child.nhsNumber());
    }

    /** As a whole word: a generated name "Red" or "The" may well be part of "[redacted]" or "mother". */
    private static void assertNotWritten(String identifier, String redacted, CharSequence text) {
        Pattern written = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(identifier) + "(?![\\p{L}\\p{N}])");
        assertThat(written.matcher(redacted).find()).as("%s in %s%n   gave %s", identifier, text, redacted).isFalse();
    }

    @Property(tries = 300)
    void textThatIdentifiesNobodyComesThroughUnchanged(@ForAll("childrenWithOrdinaryText") ChildAndText given) {
        Child child = given.child();
        String text = given.text();
        Assume.that(WORDS.stream().noneMatch(word -> word.equalsIgnoreCase(child.firstName())
                || word.equalsIgnoreCase(child.lastName()) || word.equalsIgnoreCase(child.street())));

        assertThat(Redaction.of(child.identifiers()).apply(text)).isEqualTo(text);
    }

    @Property(tries = 200)
    void anyTenDigitNumberWithAValidCheckDigitIsBlankedEvenIfNotTheCases(@ForAll("children") Child child,
            @ForAll("nhsNumbers") String someoneElses, @ForAll("groupingsOfSomeoneElsesNumber") Grouping grouping) {
        String text = "sibling's NHS number " + grouping.write(someoneElses) + " was given";

        assertThat(Redaction.of(child.identifiers()).apply(text)).isEqualTo("sibling's NHS number [redacted] was given");
    }

    /** What the tester found reaching the panel verbatim. */
    @Example
    void theTestersStringsAreBlanked() {
        Child child = new Child("Jamie", "Doe", "Ava-Rose", "1512845345", "Larkspur", "SW1A 1AA", LocalDate.of(2014, 11, 2));

        String redacted = Redaction.of(child.identifiers()).apply(
                "NHS 15128 45345, also 151.284.5345; lives at sw1a-1aa, born 02/11/2014. AVA-ROSE and ava were seen.");

        assertThat(redacted).isEqualTo("NHS [redacted], also [redacted]; lives at [redacted], born [redacted]. "
                + "[redacted] and [redacted] were seen.");
    }

    @Example
    void ordinaryNumbersDatesAndWordsStay() {
        Child child = new Child("Jamie", "Doe", "Ava-Rose", "1512845345", "Larkspur", "SW1A 1AA", LocalDate.of(2014, 11, 2));
        String text = "Form B returned within 21 days in 2014-15; seen on 03/11/2014 and 2 December 2014; "
                + "lava lamp by the Jamieson close; court on 12 November 2014; NHS 151 284 5346 was a typo; "
                + "phone 020 7946 0000.";

        assertThat(Redaction.of(child.identifiers()).apply(text)).isEqualTo(text);
    }

    @Example
    void theCasesNumberIsFoundAmidOtherNumbers() {
        Child child = new Child("Jamie", "Doe", "Ava-Rose", "1512845345", "Larkspur", "SW1A 1AA", LocalDate.of(2014, 11, 2));

        assertThat(Redaction.of(child.identifiers()).apply("ref 1512845345 2 siblings, 1 5 1 2 8 4 5 3 4 5"))
                .isEqualTo("ref [redacted] 2 siblings, [redacted]");
    }

    // Generators

    @Provide
    Arbitrary<Child> children() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10)
                .map(AnonymiserTest::capitalised);
        Arbitrary<String> otherNames = Combinators.combine(name, name).as((a, b) -> a + "-" + b);
        return Combinators.combine(name, name, otherNames, nhsNumbers(), name, postcodes(), datesOfBirth())
                .as(Child::new);
    }

    @Provide
    Arbitrary<String> nhsNumbers() {
        return Arbitraries.strings().numeric().ofLength(9).map(AnonymiserTest::withCheckDigit)
                .filter(NhsNumber::isValid);
    }

    /** Postcodes of the shapes Royal Mail issues: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA. */
    Arbitrary<String> postcodes() {
        Arbitrary<String> area = Arbitraries.oneOf(Arbitraries.of("B", "E", "G", "L", "M", "N", "S", "W"),
                Arbitraries.of("SW", "SE", "NW", "EC", "WC", "BS", "LS", "CF", "EH", "OX", "YO", "TN", "GU", "RG"));
        Arbitrary<String> district = Arbitraries.oneOf(Arbitraries.integers().between(1, 99).map(String::valueOf),
                Arbitraries.integers().between(1, 9).map(d -> d + "A"));
        Arbitrary<String> unit = Arbitraries.strings().withChars("ABDEFGHJLNPQRSTUWXYZ").ofLength(2);
        return Combinators.combine(area, district, Arbitraries.integers().between(0, 9), unit)
                .as((a, d, sector, u) -> a + d + " " + sector + u);
    }

    Arbitrary<LocalDate> datesOfBirth() {
        return Dates.dates().between(LocalDate.of(1998, 1, 1), LocalDate.of(2026, 12, 31));
    }

    @Provide
    Arbitrary<List<Mention>> mentions() {
        Arbitrary<Mention> nhs = groupings().map(g -> c -> g.write(c.nhsNumber()));
        Arbitrary<Mention> postcode = Combinators.combine(Arbitraries.of("", " ", "  ", "-", " - "), letterCases())
                .as((separator, letterCase) -> c -> letterCase.write(c.postcode().replace(" ", separator)));
        Arbitrary<Mention> dateOfBirth = Arbitraries.of(dateOfBirthFormats()).map(format -> c -> format.write(c.dateOfBirth()));
        Arbitrary<Mention> name = Combinators.combine(Arbitraries.of(NamePart.values()), letterCases())
                .as((part, letterCase) -> c -> letterCase.write(part.of(c)));
        return Arbitraries.oneOf(nhs, postcode, dateOfBirth, name).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<List<String>>> fillers() {
        return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(4);
    }

    record ChildAndText(Child child, String text) {
    }

    @Provide
    Arbitrary<ChildAndText> childrenWithOrdinaryText() {
        return children().flatMap(child -> ordinaryText(child.dateOfBirth()).map(text -> new ChildAndText(child, text)));
    }

    /** Words, numbers with what they count, and dates other than the child's date of birth. */
    private Arbitrary<String> ordinaryText(LocalDate dateOfBirth) {
        Arbitrary<String> date = Combinators.combine(datesOfBirth().filter(d -> !d.equals(dateOfBirth)),
                Arbitraries.of(DATE_FORMATS)).as((d, f) -> "on " + f.format(d) + " they");
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(WORDS)), Tuple.of(2, Arbitraries.of(NUMBERS)),
                        Tuple.of(1, date))
                .list().ofMinSize(1).ofMaxSize(30).map(parts -> String.join(" ", parts));
    }

    /** The ten digits cut into groups anywhere, each cut written with its own separator. */
    @Provide
    Arbitrary<Grouping> groupings() {
        Arbitrary<String> separator = Arbitraries.of(" ", "", ".", "-", "/", "  ", " - ", " / ");
        return Arbitraries.integers().between(1, 9).set().ofMaxSize(4)
                .flatMap(cuts -> separator.list().ofSize(cuts.size())
                        .map(separators -> new Grouping(cuts.stream().sorted().toList(), separators)));
    }

    /** Evenly grouped, as a number is usually written: 3-3-4, 5-5 or ungrouped, with one kind of separator. */
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

    /** Any other person's number written as people write them, evenly grouped (see NhsNumberRuns). */
    @Provide("groupingsOfSomeoneElsesNumber")
    Arbitrary<Grouping> evenGroupings() {
        return Combinators.combine(Arbitraries.<List<Integer>>of(List.of(), List.of(3, 6), List.of(5), List.of(2, 6)),
                Arbitraries.of(" ", ".", "-", "/", "")).as((cuts, separator) ->
                        new Grouping(cuts, cuts.stream().map(cut -> separator).toList()));
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

    private static Arbitrary<LetterCase> letterCases() {
        return Arbitraries.of(LetterCase.values());
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
