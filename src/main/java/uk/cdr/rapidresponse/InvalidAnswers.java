package uk.cdr.rapidresponse;

import java.util.List;

import uk.cdr.config.RefusedAnswers;

/**
 * A task form broke one or more rules. The engine's REST API answers it with 400 and Tasklist
 * shows the message; the completion is rolled back, so nothing is saved.
 */
public class InvalidAnswers extends RefusedAnswers {

    private final List<FieldError> errors;

    public InvalidAnswers(List<FieldError> errors) {
        super(errors.stream().map(e -> new Refusal(e.field(), e.rule())).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String rule) {
    }
}
