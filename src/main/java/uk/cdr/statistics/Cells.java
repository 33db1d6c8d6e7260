package uk.cdr.statistics;

/** How a figure reads on the page and in charts: a dash where nothing was measured (a median of no values). */
public final class Cells {

    /** For the page template, which calls model objects rather than static methods. */
    public String show(Object value) {
        return text(value);
    }

    public static String text(Object value) {
        return value == null ? "–" : value.toString();
    }
}
