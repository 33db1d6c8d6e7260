package uk.cdr.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The answerable fields of one Camunda Form (.form JSON), read as the form itself declares them. */
public record FormFields(String formId, Map<String, Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field: its form-js type (textfield, textarea, radio, select, checkbox, datetime, number). */
    public record Field(String key, String type, String subtype, boolean required, List<String> options,
            Integer maxLength) {

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

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !component.path("type").asText().isEmpty()) {
                List<String> options = new ArrayList<>();
                component.path("values").forEach(v -> options.add(v.path("value").asText()));
                JsonNode validate = component.path("validate");
                fields.put(component.get("key").asText(), new Field(component.get("key").asText(),
                        component.path("type").asText(), component.path("subtype").asText(null),
                        validate.path("required").asBoolean(false), List.copyOf(options),
                        validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null));
            }
            collect(component.path("components"), fields);
        }
    }
}
