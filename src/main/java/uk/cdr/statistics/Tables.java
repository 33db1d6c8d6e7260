package uk.cdr.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Turns counts per code for the two years into a table's rows. */
final class Tables {

    private Tables() {
    }

    /** A row every year shows, zero or not, so tables keep their shape from year to year. */
    record Code(String key, String label) {
    }

    /**
     * The listed codes in their order, then any other code found in either year (sorted, the
     * unrecorded last), then the total. Extra rows appear only when there is something to count,
     * e.g. "Age not known" for an imported case without a date of birth.
     */
    static Table breakdown(String name, String title, String note, List<Code> codes, Function<String, String> extraLabel,
            Map<String, Long> thisYear, Map<String, Long> previousYear, String totalLabel) {
        List<Row> rows = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (Code code : codes) {
            listed.add(code.key());
            rows.add(count(code.label(), thisYear.getOrDefault(code.key(), 0L), previousYear.getOrDefault(code.key(), 0L)));
        }
        Set<String> extra = new LinkedHashSet<>(thisYear.keySet());
        extra.addAll(previousYear.keySet());
        extra.removeAll(listed);
        extra.stream().sorted(Comparator.nullsLast(Comparator.naturalOrder()))
                .forEach(key -> rows.add(count(extraLabel.apply(key), thisYear.getOrDefault(key, 0L),
                        previousYear.getOrDefault(key, 0L))));
        rows.add(new Row(totalLabel, Row.Kind.TOTAL, sum(thisYear), sum(previousYear)));
        return new Table(name, title, note, List.copyOf(rows));
    }

    static Row count(String label, long thisYear, long previousYear) {
        return new Row(label, Row.Kind.COUNT, thisYear, previousYear);
    }

    static Row median(String label, Number thisYear, Number previousYear) {
        return new Row(label, Row.Kind.MEDIAN, thisYear, previousYear);
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    /**
     * The middle value, or the mean of the two middle values (so 23.5 days can happen); null when
     * there is nothing to measure. The values come counted: how many times each (days, as text)
     * occurs, as SQL groups them; a null value (nothing to measure) is left out.
     */
    static Number median(Map<String, Long> timesEachValue) {
        long count = timesEachValue.entrySet().stream().filter(e -> e.getKey() != null).mapToLong(Map.Entry::getValue).sum();
        if (count == 0) {
            return null;
        }
        List<Long> values = timesEachValue.keySet().stream().filter(Objects::nonNull).map(Long::valueOf).sorted().toList();
        long lower = valueAt(values, timesEachValue, (count - 1) / 2);
        long upper = valueAt(values, timesEachValue, count / 2);
        long twice = lower + upper;
        return twice % 2 == 0 ? (Number) (twice / 2) : (Number) (twice / 2.0);
    }

    /** The value at a position (from 0) of the sorted values, each repeated as often as it occurs. */
    private static long valueAt(List<Long> sortedValues, Map<String, Long> timesEachValue, long position) {
        long seen = 0;
        for (long value : sortedValues) {
            seen += timesEachValue.get(String.valueOf(value));
            if (position < seen) {
                return value;
            }
        }
        throw new IllegalArgumentException("position " + position + " of " + seen + " values");
    }
}
