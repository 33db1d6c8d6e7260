package uk.cdr.rapidresponse;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task form broke one or more rules. The engine's REST API answers it with 400 and Tasklist
 * shows the message; the completion is rolled back, so nothing is saved.
 */
public class InvalidAnswers extends BadUserRequestException {

    private final List<FieldError> errors;

    public InvalidAnswers(List<FieldError> errors) {
        super("Not saved. " + errors.stream().map(e -> e.field() + " " + e.rule()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String rule) {
    }
}
