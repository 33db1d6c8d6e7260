package uk.cdr.agencyreport;

import java.util.List;

/** A Form B or a list of agencies broke one or more rules; nothing was saved. */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
