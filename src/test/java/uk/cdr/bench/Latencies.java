package uk.cdr.bench;

import java.util.Arrays;

/** Timings in nanoseconds, with percentiles (nearest rank) in milliseconds. */
final class Latencies {

    private long[] nanos = new long[256];
    private int count;

    synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized int count() {
        return count;
    }

    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1_000_000.0;
    }

    /** Times a call and records it. */
    static <T> T time(Latencies into, java.util.function.Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        into.add(System.nanoTime() - start);
        return result;
    }
}
