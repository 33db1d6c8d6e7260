package uk.cdr.review2018;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import uk.cdr.config.FormAnswers;
import uk.cdr.config.RefusedAnswers;
import uk.cdr.config.RefusedAnswers.Refusal;

/** A task's answers read one by one; every rule broken is collected, and all refused together, naming each field. */
final class Answers {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final VariableScope scope;
    private final List<Refusal> refusals = new ArrayList<>();

    Answers(VariableScope scope) {
        this.scope = scope;
    }

    boolean yesOrNo(String field) {
        String value = FormAnswers.text(scope, field);
        if (!"yes".equals(value) && !"no".equals(value)) {
            refusals.add(new Refusal(field, value == null || value.isBlank() ? "is required" : "must be yes or no"));
            return false;
        }
        return "yes".equals(value);
    }

    String oneOf(String field, List<String> values) {
        String value = FormAnswers.text(scope, field);
        if (value == null || !values.contains(value)) {
            refusals.add(new Refusal(field, value == null || value.isBlank() ? "is required"
                    : "must be one of " + String.join(", ", values)));
            return null;
        }
        return value;
    }

    String line(String field, int maxLength) {
        String value = FormAnswers.text(scope, field);
        if (value == null || value.isBlank()) {
            refusals.add(new Refusal(field, "is required"));
            return null;
        }
        if (value.length() > maxLength || value.chars().anyMatch(c -> c < 0x20)) {
            refusals.add(new Refusal(field, "must be one line of at most " + maxLength + " characters"));
            return null;
        }
        return value.trim();
    }

    /** A day something was done: not in the future. */
    LocalDate dayDone(String field, Clock clock) {
        LocalDate day = FormAnswers.date(scope, field, (f, rule) -> refusals.add(new Refusal(f, rule)));
        if (day == null) {
            if (refusals.stream().noneMatch(r -> r.field().equals(field))) {
                refusals.add(new Refusal(field, "is required"));
            }
            return null;
        }
        if (day.isAfter(LocalDate.now(clock.withZone(UK)))) {
            refusals.add(new Refusal(field, "must not be in the future"));
            return null;
        }
        return day;
    }

    LocalTime time(String field) {
        LocalTime time = FormAnswers.time(scope, field, (f, rule) -> refusals.add(new Refusal(f, rule)));
        if (time == null && refusals.stream().noneMatch(r -> r.field().equals(field))) {
            refusals.add(new Refusal(field, "is required"));
        }
        return time;
    }

    void refuse(String field, String rule) {
        refusals.add(new Refusal(field, rule));
    }

    /** Nothing is saved when any answer breaks a rule. */
    void refuseIfAnyBroken() {
        if (!refusals.isEmpty()) {
            throw new RefusedAnswers(refusals);
        }
    }
}
