package uk.cdr.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Patterns for the child's names, address and postcode as people write them in free text: in any
 * case, with other spacing or hyphenation, in part ("Ava-Rose" as "Ava"), always as whole words so
 * "Ava" leaves "lava" alone.
 */
final class IdentifierPatterns {

    /** Between the parts of a name or address: "Ava-Rose", "Ava Rose", "AvaRose", "17, Larkspur Crescent". */
    private static final String BETWEEN_PARTS = "[\\s,.'-]*";
    private static final String NOT_IN_A_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_IN_A_WORD_AFTER = "(?![\\p{L}\\p{N}])";
    /** A part shorter than this ("Jo" of "Jo-Ann") is blanked only within the whole name: alone it is too often a word. */
    private static final int SHORTEST_PART = 3;
    /** Words of an address that name no place: "Close" or "Court" alone must not blank "close to" or "court". */
    private static final Set<String> STREET_WORDS = Set.of("road", "street", "avenue", "lane", "close", "court",
            "crescent", "drive", "way", "place", "gardens", "garden", "grove", "terrace", "square", "park", "hill",
            "green", "walk", "row", "mews", "house", "flat", "flats", "estate", "tower", "block", "north", "south",
            "east", "west", "upper", "lower", "the");

    /**
     * A UK postcode of any case, spaced, unspaced or hyphenated: outward code (area of one letter B,
     * E, G, L, M, N, S or W, or two letters), inward code (digit and two letters).
     */
    static final Pattern ANY_POSTCODE = Pattern.compile("(?i)" + NOT_IN_A_WORD_BEFORE
            + "(?:[BEGLMNSW]|[A-PR-UWYZ][A-HK-Y])\\d[A-Z\\d]?[\\s./-]*\\d[ABD-HJLNP-UW-Z]{2}" + NOT_IN_A_WORD_AFTER);

    private IdentifierPatterns() {
    }

    static List<Pattern> names(Set<String> names) {
        Set<String> written = new LinkedHashSet<>(names);
        names.forEach(name -> written.addAll(parts(name, part -> part.length() >= SHORTEST_PART)));
        return wholeWords(written);
    }

    static List<Pattern> addressLines(Set<String> addressLines) {
        Set<String> written = new LinkedHashSet<>(addressLines);
        for (String line : addressLines) {
            // "17 Larkspur Crescent" is also written "Larkspur Crescent" and "Larkspur".
            written.add(line.replaceFirst("^[\\d\\s,/-]+[A-Za-z]?\\b[\\s,]*", ""));
            written.addAll(parts(line, part -> part.length() >= SHORTEST_PART && !part.matches("\\d+\\w?")
                    && !STREET_WORDS.contains(part.toLowerCase(Locale.UK))));
        }
        written.removeIf(String::isBlank);
        return wholeWords(written);
    }

    /** The case's own postcodes, even one of a shape {@link #ANY_POSTCODE} does not know. */
    static List<Pattern> postcodes(Set<String> postcodes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String postcode : postcodes) {
            String compact = postcode.replaceAll("[^A-Za-z0-9]", "");
            if (compact.length() > 3) {
                patterns.add(Pattern.compile("(?i)" + NOT_IN_A_WORD_BEFORE
                        + Pattern.quote(compact.substring(0, compact.length() - 3)) + "[\\s./-]*"
                        + Pattern.quote(compact.substring(compact.length() - 3)) + NOT_IN_A_WORD_AFTER));
            } else if (!compact.isEmpty()) {
                patterns.addAll(wholeWords(Set.of(compact)));
            }
        }
        return patterns;
    }

    private static Set<String> parts(String value, Predicate<String> kept) {
        return Arrays.stream(value.split("[\\s,.'-]+")).filter(kept).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<Pattern> wholeWords(Set<String> values) {
        return values.stream()
                .map(value -> Arrays.stream(value.split("[\\s,.'-]+")).filter(part -> !part.isEmpty())
                        .map(Pattern::quote).collect(Collectors.joining(BETWEEN_PARTS)))
                .filter(pattern -> !pattern.isEmpty())
                .map(pattern -> Pattern.compile("(?iu)" + NOT_IN_A_WORD_BEFORE + pattern + NOT_IN_A_WORD_AFTER))
                .toList();
    }
}
