package uk.cdr.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A small seeded source of test data for property-style tests. The seed comes from
 * {@code -Danonymiser.seed=} when given, else from the clock; a test puts {@link #describe()} in its
 * assertion messages so that a failure can be run again with the same seed.
 */
final class Generator {

    static final String SEED_PROPERTY = "anonymiser.seed";

    private final long seed;
    private final Random random;

    private Generator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Seeded from {@code -Danonymiser.seed=} if set, else from {@link System#nanoTime()}. */
    static Generator seeded() {
        String given = System.getProperty(SEED_PROPERTY);
        return new Generator(given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.trim()));
    }

    /** For assertion messages: how to repeat this run. */
    String describe() {
        return "seed " + seed + " (repeat with -D" + SEED_PROPERTY + "=" + seed + ")";
    }

    /** A whole number from min to max, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** True about once in {@code n} draws. */
    boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    <T> T oneOf(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T oneOf(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** Between min and max characters (both included), each drawn from {@code alphabet}. */
    String chars(String alphabet, int min, int max) {
        StringBuilder chars = new StringBuilder();
        for (int length = between(min, max); chars.length() < length;) {
            chars.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return chars.toString();
    }

    /** Between min and max elements (both included), each from {@code element}. */
    <T> List<T> listOf(int min, int max, Supplier<T> element) {
        List<T> list = new ArrayList<>();
        for (int size = between(min, max); list.size() < size;) {
            list.add(element.get());
        }
        return list;
    }

    /** A date from {@code from} to {@code to}, both included. */
    LocalDate dateBetween(LocalDate from, LocalDate to) {
        return from.plusDays(between(0, Math.toIntExact(to.toEpochDay() - from.toEpochDay())));
    }
}
