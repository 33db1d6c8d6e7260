package uk.cdr.caseimport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Values for SQL "in (...)" lists: PostgreSQL takes at most 32,767 parameters a statement. */
final class InChunks {

    static final int SIZE = 1000;

    private InChunks() {
    }

    static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}
