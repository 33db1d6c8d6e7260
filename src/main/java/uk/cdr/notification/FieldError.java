package uk.cdr.notification;

/** One broken rule on one field, in words a SPOC understands. */
public record FieldError(String field, String rule) {
}
