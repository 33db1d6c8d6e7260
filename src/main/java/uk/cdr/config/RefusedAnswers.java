package uk.cdr.config;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Answers to a task or start form that break its rules: nothing of the completion is saved, and
 * every way in (/engine-rest, Tasklist, our pages) tells the person which field broke which rule.
 */
public class RefusedAnswers extends BadUserRequestException {

    private final List<Refusal> refusals;

    public RefusedAnswers(List<Refusal> refusals) {
        super("Not saved. " + refusals.stream().map(r -> r.field() + " " + r.rule()).collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    public record Refusal(String field, String rule) {
    }
}
