package uk.cdr.config;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Answers to a task or start form that break its rules: nothing of the completion is saved, and
 * every way in (/engine-rest, Tasklist, our pages) tells the person which field broke which rule.
 */
public class RefusedAnswers extends BadUserRequestException {

    private static final String NOT_SAVED = "Not saved. ";

    private final List<Refusal> refusals;
    /** The form of the task whose completion was refused, once known: it gives the fields' labels. */
    private transient volatile FormFields form;

    public RefusedAnswers(List<Refusal> refusals) {
        super(NOT_SAVED + sentences(refusals));
        this.refusals = List.copyOf(refusals);
    }

    /** Worded with the form's labels once the form is known, so logs and callers read what the person reads. */
    @Override
    public String getMessage() {
        return form == null ? super.getMessage() : NOT_SAVED + sentences(worded());
    }

    private static String sentences(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::sentence).collect(Collectors.joining("; "));
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
        return labels == null ? refusals
                : refusals.stream().map(r -> new Refusal(r.field(), labels.sentence(r.field(), r.rule()))).toList();
    }

    public record Refusal(String field, String rule) {

        /**
         * What the person reads: a rule that is already a sentence names its field in words
         * ("Date of death must not be in the future", "(a) Factors intrinsic to the child is required");
         * a bare rule gets the field's key before it.
         */
        public String sentence() {
            return startsAsASentence(rule) ? rule : field + " " + rule;
        }

        /** A capital, or a label that opens with a bracket or a quotation mark ("(a) Factors…", "“This death was”"). */
        private static boolean startsAsASentence(String rule) {
            return !rule.isEmpty() && (Character.isUpperCase(rule.charAt(0)) || rule.charAt(0) == '(' || rule.charAt(0) == '\u201c');
        }
    }
}
