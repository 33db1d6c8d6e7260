package uk.cdr.agencyreport;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import uk.cdr.web.PlainText;

/**
 * The Form B rules, read from the form definition (required, maximum length, email, the allowed
 * codes) plus its custom properties: {@code notInFuture}, {@code notBefore} (another date field)
 * and {@code requiredWhen} ("field=value", e.g. details are required when the answer is yes).
 * Returns every broken rule at once, field by field; "not-known" is an answer like any other.
 */
@Component
class FormBValidator {

    static final int DEFAULT_MAX_LENGTH = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final FormBDefinition definition;
    private final Clock clock;

    FormBValidator(FormBDefinition definition, Clock clock) {
        this.definition = definition;
        this.clock = clock;
    }

    /** The broken rules and, when there are none, the answers as stored: trimmed text or null, dates as dates. */
    record Result(List<FieldError> errors, Map<String, Object> answers) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Result validate(Map<String, String> raw) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (FormBDefinition.Field field : definition.fields()) {
            String value = raw.get(field.key());
            // trim() also drops control characters: an answer of only those ("\u0000\t") is no answer.
            value = value == null || value.isBlank() || value.trim().isEmpty() ? null : value.trim();
            String error = check(field, value, raw);
            if (error != null) {
                errors.add(new FieldError(field.key(), error));
            } else {
                answers.put(field.key(), field.isDate() && value != null ? LocalDate.parse(value) : value);
            }
        }
        return new Result(errors, errors.isEmpty() ? answers : Map.of());
    }

    private String check(FormBDefinition.Field field, String value, Map<String, String> raw) {
        if (value == null) {
            if (field.required()) {
                return "is required";
            }
            String when = field.property("requiredWhen");
            if (when != null) {
                String[] condition = when.split("=", 2);
                if (condition[1].equals(trimmed(raw.get(condition[0])))) {
                    return "is required when the answer is " + condition[1];
                }
            }
            return null;
        }
        int max = field.maxLength() == null ? DEFAULT_MAX_LENGTH : field.maxLength();
        if (value.length() > max) {
            return "must be at most " + max + " characters";
        }
        // Only a textarea may span lines: a one-line answer (name, agency, email) goes into emails.
        if ("textarea".equals(field.type()) ? !PlainText.isMultiLine(value) : !PlainText.isSingleLine(value)) {
            return "textarea".equals(field.type()) ? PlainText.MULTI_LINE_RULE : PlainText.SINGLE_LINE_RULE;
        }
        if (field.email() && !EMAIL.matcher(value).matches()) {
            return "must be an email address";
        }
        if (field.hasOptions() && field.options().stream().noneMatch(o -> o.value().equals(value))) {
            return "must be one of " + String.join(", ", field.options().stream().map(FormBDefinition.Option::value).toList());
        }
        if (field.isDate()) {
            return checkDate(field, value, raw);
        }
        return null;
    }

    private String checkDate(FormBDefinition.Field field, String value, Map<String, String> raw) {
        LocalDate date = date(value);
        if (date == null) {
            return "must be a date (yyyy-mm-dd)";
        }
        if ("true".equals(field.property("notInFuture")) && date.isAfter(LocalDate.now(clock))) {
            return "must not be in the future";
        }
        String notBefore = field.property("notBefore");
        if (notBefore != null) {
            LocalDate other = date(trimmed(raw.get(notBefore)));
            if (other != null && date.isBefore(other)) {
                return "must not be before " + notBefore;
            }
        }
        return null;
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
