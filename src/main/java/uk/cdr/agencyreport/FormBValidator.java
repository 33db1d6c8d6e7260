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
 * Returns every broken rule at once, in form order, each message naming its field by its label;
 * "not-known" is an answer like any other.
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
        String name = nameOf(field);
        if (value == null) {
            if (field.required()) {
                return field.hasOptions() ? name + ": choose " + choices(field) : name + " is required";
            }
            String when = field.property("requiredWhen");
            if (when != null) {
                String[] condition = when.split("=", 2);
                if (condition[1].equals(trimmed(raw.get(condition[0])))) {
                    FormBDefinition.Field other = field(condition[0]);
                    return name + " is required when you answer " + optionLabel(other, condition[1]) + " to \""
                            + nameOf(other) + "\"";
                }
            }
            return null;
        }
        int max = field.maxLength() == null ? DEFAULT_MAX_LENGTH : field.maxLength();
        if (value.length() > max) {
            return name + " must be at most " + max + " characters";
        }
        // Only a textarea may span lines: a one-line answer (name, agency, email) goes into emails.
        if ("textarea".equals(field.type()) ? !PlainText.isMultiLine(value) : !PlainText.isSingleLine(value)) {
            return name + " " + ("textarea".equals(field.type()) ? PlainText.MULTI_LINE_RULE : PlainText.SINGLE_LINE_RULE);
        }
        if (field.email() && !EMAIL.matcher(value).matches()) {
            return name + " must be an email address, like name@example.org";
        }
        if (field.hasOptions() && field.options().stream().noneMatch(o -> o.value().equals(value))) {
            return name + ": choose " + choices(field);
        }
        if (field.isDate()) {
            return checkDate(field, name, value, raw);
        }
        return null;
    }

    private String checkDate(FormBDefinition.Field field, String name, String value, Map<String, String> raw) {
        LocalDate date = date(value);
        if (date == null) {
            return name + " must be a real date";
        }
        if ("true".equals(field.property("notInFuture")) && date.isAfter(LocalDate.now(clock))) {
            return name + " must not be in the future";
        }
        String notBefore = field.property("notBefore");
        if (notBefore != null) {
            LocalDate other = date(trimmed(raw.get(notBefore)));
            if (other != null && date.isBefore(other)) {
                return name + " must not be before " + Character.toLowerCase(nameOf(field(notBefore)).charAt(0))
                        + nameOf(field(notBefore)).substring(1);
            }
        }
        return null;
    }

    /**
     * A field as its label names it, without the "(optional)" or "(if known)" that guides the
     * answer: "First contact must not be in the future", never a key such as firstContactDate.
     */
    static String nameOf(FormBDefinition.Field field) {
        String label = field.label() == null || field.label().isBlank() ? field.key() : field.label();
        return label.replaceFirst("\\s*\\((optional|if known)\\)$", "");
    }

    private FormBDefinition.Field field(String key) {
        return definition.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    /** "Yes, No or Not known": the answers as the form offers them. */
    private static String choices(FormBDefinition.Field field) {
        List<String> labels = field.options().stream().map(FormBDefinition.Option::label).toList();
        return labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    private static String optionLabel(FormBDefinition.Field field, String value) {
        return field.options().stream().filter(o -> o.value().equals(value)).map(FormBDefinition.Option::label)
                .findFirst().orElse(value);
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
