package uk.cdr.agencyreport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Form B as defined once, in the Camunda Form forms/form-b-agency-report.form: the agency's page
 * renders these components, the validator applies their rules, and the answers are stored in
 * the columns named after their keys. Change the form, and all three follow.
 */
@Component
public class FormBDefinition {

    static final String RESOURCE = "forms/form-b-agency-report.form";
    private static final Pattern KEY = Pattern.compile("^[a-z][A-Za-z]{0,59}$");

    public record Option(String label, String value) {
    }

    /** A heading or a paragraph of a text component, its light markdown stripped. */
    public record Block(boolean heading, String text) {
    }

    /** One component: a field when it has a key, else text to show. */
    public record Field(String id, String type, String key, String label, String description, boolean required,
            Integer maxLength, boolean email, List<Option> options, Map<String, String> properties, String text) {

        public boolean isText() {
            return "text".equals(type);
        }

        public boolean isDate() {
            return "datetime".equals(type);
        }

        public boolean hasOptions() {
            return !options.isEmpty();
        }

        public String property(String name) {
            return properties.get(name);
        }

        /** Text with {{placeholders}} filled in, e.g. {{caseReference}}. */
        public List<Block> blocks(Map<String, String> placeholders) {
            String filled = text == null ? "" : text;
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                filled = filled.replace("{{" + p.getKey() + "}}", p.getValue() == null ? "" : p.getValue());
            }
            List<Block> blocks = new ArrayList<>();
            for (String line : filled.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                boolean heading = line.startsWith("#");
                blocks.add(new Block(heading, line.replaceFirst("^#+\\s*", "").replace("*", "")));
            }
            return blocks;
        }
    }

    private final String id;
    private final List<Field> components;

    public FormBDefinition() {
        this(new ClassPathResource(RESOURCE));
    }

    FormBDefinition(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            JsonNode form = new ObjectMapper().readTree(in);
            this.id = form.path("id").asText();
            List<Field> read = new ArrayList<>();
            for (JsonNode c : form.path("components")) {
                read.add(field(c));
            }
            this.components = List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public String id() {
        return id;
    }

    public List<Field> components() {
        return components;
    }

    /** The components that take an answer, in form order. */
    public List<Field> fields() {
        return components.stream().filter(c -> c.key() != null).toList();
    }

    private static Field field(JsonNode c) {
        String key = c.hasNonNull("key") ? c.get("key").asText() : null;
        if (key != null && !KEY.matcher(key).matches()) {
            // Keys name database columns: letters only, so they can never carry SQL.
            throw new IllegalStateException(RESOURCE + ": field key '" + key + "' must be camelCase letters");
        }
        JsonNode validate = c.path("validate");
        List<Option> options = new ArrayList<>();
        for (JsonNode v : c.path("values")) {
            options.add(new Option(v.path("label").asText(), v.path("value").asText()));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        c.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue().asText()));
        String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(null);
        return new Field(c.path("id").asText(), c.path("type").asText(), key, label,
                c.path("description").asText(null), validate.path("required").asBoolean(false),
                validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                "email".equals(validate.path("validationType").asText()), List.copyOf(options),
                Map.copyOf(properties), c.path("text").asText(null));
    }
}
