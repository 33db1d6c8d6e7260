package uk.cdr.notification;

import java.util.List;

/** Form A broke one or more rules; nothing was saved. */
public class InvalidFormA extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidFormA(List<FieldError> errors) {
        super("Form A is invalid: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
