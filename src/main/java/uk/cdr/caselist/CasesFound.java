package uk.cdr.caselist;

import java.util.List;

/** One page of the cases a search found: {@code page} counts from 1, {@code total} is every case found. */
public record CasesFound(List<ListedCase> items, int page, int size, long total) {

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }

    /** The position of the first case of this page, counting from 1 (0 when none). */
    public long first() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long last() {
        return items.isEmpty() ? 0 : first() + items.size() - 1;
    }
}
