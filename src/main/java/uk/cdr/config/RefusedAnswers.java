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
        super("Not saved. " + refusals.stream().map(Refusal::sentence).collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    public record Refusal(String field, String rule) {

        /**
         * What the person reads: a rule that is already a sentence names its field in words
         * ("Date of death must not be in the future"); a bare rule gets the field's key before it.
         */
        public String sentence() {
            return !rule.isEmpty() && Character.isUpperCase(rule.charAt(0)) ? rule : field + " " + rule;
        }
    }
}
