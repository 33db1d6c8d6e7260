package uk.cdr.agencyreport;

/** One broken rule on one field, in words the person filling the form understands. */
public record FieldError(String field, String rule) {
}
