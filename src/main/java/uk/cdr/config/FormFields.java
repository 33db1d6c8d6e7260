package uk.cdr.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The answerable fields of one Camunda Form (.form JSON), read as the form itself declares them. */
public record FormFields(String formId, Map<String, Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A label that does not end as a name ("This death was", "Deferred because", a question) is quoted,
     * so "is required" after it still reads as a sentence.
     */
    private static final Set<String> OPEN_ENDINGS = Set.of("was", "is", "with", "because", "by", "for", "to", "of");
    private static final Pattern LINE = Pattern.compile("(\\w+)\\[(\\d+)\\]");
    private static final Pattern WORD = Pattern.compile("\\b[a-z][A-Za-z]*[A-Z][A-Za-z]*\\b");

    /**
     * One field: its form-js type (textfield, textarea, radio, select, checkbox, datetime, number) and
     * the label the person sees (a date or time field's dateLabel or timeLabel).
     */
    public record Field(String key, String type, String subtype, boolean required, List<String> options,
            Integer maxLength, String label) {

        /**
         * The label as a name in a sentence: without what it explains after a colon or in brackets
         * ("Who took part (agency and name, one per line)" is "Who took part").
         */
        public String name() {
            String name = label;
            int question = name.indexOf('?');
            if (question >= 0) {
                name = name.substring(0, question + 1);
            }
            for (String cut : List.of(": ", " (")) {
                int at = name.indexOf(cut);
                if (at > 0) {
                    name = name.substring(0, at);
                }
            }
            name = name.strip();
            return name.isEmpty() ? key : name;
        }

        /** The name as a sentence starts with it. */
        String subject() {
            String name = name();
            String last = name.substring(name.lastIndexOf(' ') + 1);
            return name.endsWith("?") || OPEN_ENDINGS.contains(last) ? "\u201c" + name + "\u201d" : name;
        }

        /** Text a person writes: it may identify a child or a family, so the engine never keeps it. */
        public boolean freeText() {
            return "textfield".equals(type) || "textarea".equals(type);
        }

        boolean singleLine() {
            return !"textarea".equals(type);
        }
    }

    public static FormFields parse(byte[] json) {
        try {
            JsonNode form = JSON.readTree(json);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(form.path("components"), fields);
            return new FormFields(form.path("id").asText(), fields);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable form definition", e);
        }
    }

    /**
     * The sentence a person reads for a refusal of one of this form's fields: it starts with the
     * field's label, and another field the rule names (by its key) is named by its label too. A rule
     * that is already a sentence, or a field the form does not have, is left as it is.
     */
    public String sentence(String key, String rule) {
        if (!rule.isEmpty() && Character.isUpperCase(rule.charAt(0))) {
            return rule;
        }
        // A line of a multi-line field: the model numbers its lines from 1 ("actions[2]").
        Matcher line = LINE.matcher(key);
        Field field = fields.get(line.matches() ? line.group(1) : key);
        if (field == null) {
            return rule.isEmpty() ? key : key + " " + rule;
        }
        String subject = field.subject() + (line.matches() ? ", line " + line.group(2) + "," : "");
        Matcher keys = WORD.matcher(rule);
        StringBuilder worded = new StringBuilder();
        while (keys.find()) {
            Field other = fields.get(keys.group());
            String name = other == null ? keys.group() : lowerFirst(other.name());
            keys.appendReplacement(worded, Matcher.quoteReplacement(name));
        }
        keys.appendTail(worded);
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " " + worded;
    }

    /** "Date of birth" inside a sentence is "date of birth"; "NHS number" stays as it is. */
    private static String lowerFirst(String name) {
        boolean acronym = name.length() > 1 && Character.isUpperCase(name.charAt(1));
        return acronym ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String label(JsonNode component) {
        for (String property : List.of("label", "dateLabel", "timeLabel")) {
            if (!component.path(property).asText("").isBlank()) {
                return component.path(property).asText();
            }
        }
        return component.get("key").asText();
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !component.path("type").asText().isEmpty()) {
                List<String> options = new ArrayList<>();
                component.path("values").forEach(v -> options.add(v.path("value").asText()));
                JsonNode validate = component.path("validate");
                fields.put(component.get("key").asText(), new Field(component.get("key").asText(),
                        component.path("type").asText(), component.path("subtype").asText(null),
                        validate.path("required").asBoolean(false), List.copyOf(options),
                        validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                        label(component)));
            }
            collect(component.path("components"), fields);
        }
    }
}
