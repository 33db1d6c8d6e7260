package uk.cdr.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a Camunda Form submitted: text as text, dates as yyyy-mm-dd and times as hh:mm
 * (form-js may add a time or zone part), yes/no as yes/no or true/false.
 */
public final class FormAnswers {

    private FormAnswers() {
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** @return null when not answered */
    public static Boolean yes(VariableScope scope, String name) {
        String value = text(scope, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return "yes".equalsIgnoreCase(value) || "true".equalsIgnoreCase(value);
    }

    /** @param unreadable told the field and its rule when the answer is not a date */
    public static LocalDate date(VariableScope scope, String name, BiConsumer<String, String> unreadable) {
        String value = text(scope, name);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            unreadable.accept(name, "must be a date (yyyy-mm-dd)");
            return null;
        }
    }

    public static LocalTime time(VariableScope scope, String name, BiConsumer<String, String> unreadable) {
        String value = text(scope, name);
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value.length() > 5 ? value.substring(0, 5) : value);
        } catch (DateTimeParseException e) {
            unreadable.accept(name, "must be a time (hh:mm)");
            return null;
        }
    }
}
