package uk.cdr.paging;

import java.util.List;

/**
 * One page of a long list (the case list, the CDOP queue, the audit log), as the API answers it and
 * the pages show it: {@code page} counts from 1, {@code total} is every item the query keeps.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }

    /** The position of the first item of this page, counting from 1 (0 when none). */
    public long first() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long last() {
        return items.isEmpty() ? 0 : first() + items.size() - 1;
    }

    /**
     * A page number as a person typed or edited it in a page's address: one that is not a page
     * number (0, "x", too long) shows the first page rather than an error.
     */
    public static int typedNumber(String typed) {
        return typed != null && typed.matches("\\d{1,6}") && Integer.parseInt(typed) > 0 ? Integer.parseInt(typed) : 1;
    }

    /** Rows to skip before this page, for SQL's offset. */
    public static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }
}
