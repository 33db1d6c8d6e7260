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
    /** The form of the task whose completion was refused, once known: it gives the fields' labels. */
    private transient volatile FormFields form;

    public RefusedAnswers(List<Refusal> refusals) {
        super("Not saved. " + refusals.stream().map(Refusal::sentence).collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    /** Set once, by the innermost place that knows the task's form (TaskAnswersGuard). */
    void nameFieldsBy(FormFields form) {
        if (this.form == null) {
            this.form = form;
        }
    }

    /**
     * The refusals as the person reads them: each rule a sentence that starts with its field's label
     * ("Who took part is required"), the field still named by its key for programs.
     */
    public List<Refusal> worded() {
        FormFields labels = form;
        return refusals.stream().map(r -> new Refusal(r.field(),
                labels == null ? r.sentence() : labels.sentence(r.field(), r.rule()))).toList();
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
