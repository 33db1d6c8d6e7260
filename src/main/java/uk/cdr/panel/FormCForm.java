package uk.cdr.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;

/**
 * Form C as the meeting page's form holds it: every field as text, as typed, so a refused save
 * gives the panel member back what they wrote. Recommendations are one a line, "Agency: recommendation".
 */
record FormCForm(String version, String domainChild, String domainFamily, String domainParenting,
        String domainServices, String category, String modifiable, String learningPoints, String scrConsidered,
        String recommendations) {

    record Option(String value, String label) {
    }

    record Domain(String key, String label) {
    }

    /** The four domains of domain.md, stage 6, labelled as in forms/final-case-discussion-outcome.form. */
    static final List<Domain> DOMAINS = List.of(new Domain("domainChild", "(a) Factors intrinsic to the child"),
            new Domain("domainFamily", "(b) Family and environment"), new Domain("domainParenting", "(c) Parenting capacity"),
            new Domain("domainServices", "(d) Service provision"));
    static final List<Option> SCORES = List.of(new Option("0", "0: information not available"),
            new Option("1", "1: no factors identified"),
            new Option("1*", "1*: factors identified, unlikely to have contributed"),
            new Option("2", "2: factors that may have contributed"),
            new Option("3", "3: a complete and sufficient explanation"));
    static final List<Option> MODIFIABLE = List.of(new Option("yes", "Yes"), new Option("no", "No"),
            new Option("insufficient-information", "Insufficient information"));

    private static final Pattern RECOMMENDATION_FIELD = Pattern.compile("^recommendations\\[(\\d+)\\]\\.(\\w+)$");

    /** The parsed form: a Form C to save, or the field errors (keyed by form field) that stop it. */
    record Parsed(int version, FormC formC, Map<String, String> errors) {
    }

    static FormCForm of(CdopReviews.SavedFormC saved) {
        FormC f = saved.formC();
        String lines = f.recommendationList().stream()
                // A recommendation saved through the API may hold a line break; the form keeps one a line.
                .map(r -> r.ownerAgency() + ": " + r.text().replaceAll("\\s*\\R\\s*", " "))
                .collect(Collectors.joining("\n"));
        return new FormCForm(String.valueOf(saved.version()), f.domainChild(), f.domainFamily(), f.domainParenting(),
                f.domainServices(), f.category() == null ? null : f.category().toString(), f.modifiable(),
                f.learningPoints(), f.scrConsidered() == null ? null : (f.scrConsidered() ? "yes" : "no"), lines);
    }

    static FormCForm from(Map<String, String> posted) {
        return new FormCForm(posted.get("version"), posted.get("domainChild"), posted.get("domainFamily"),
                posted.get("domainParenting"), posted.get("domainServices"), posted.get("category"),
                posted.get("modifiable"), posted.get("learningPoints"), posted.get("scrConsidered"),
                posted.get("recommendations"));
    }

    /** The score given to a domain, for the template's four selects. */
    public String value(String field) {
        return switch (field) {
            case "domainChild" -> domainChild;
            case "domainFamily" -> domainFamily;
            case "domainParenting" -> domainParenting;
            case "domainServices" -> domainServices;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Reads the form and applies Form C's own rules, so every error is reported at once. */
    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        int parsedVersion = -1;
        try {
            parsedVersion = Integer.parseInt(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (parsedVersion < 0) {
            errors.put("version", "is missing: reload the page and make your changes again");
        }
        Integer parsedCategory = null;
        if (category != null && !category.isBlank()) {
            try {
                parsedCategory = Integer.valueOf(category.trim());
            } catch (NumberFormatException e) {
                parsedCategory = 0; // out of range: Form C's rule names the field
            }
        }
        List<FormC.Recommendation> parsedRecommendations = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        String[] lines = recommendations == null ? new String[0] : recommendations.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(colon + 1).isBlank()) {
                addError(errors, "recommendations", "line " + (i + 1) + " is not written as \"Agency: recommendation\"");
                continue;
            }
            parsedRecommendations.add(new FormC.Recommendation(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            lineOf.add(i + 1);
        }
        FormC formC = new FormC(blankToNull(domainChild), blankToNull(domainFamily), blankToNull(domainParenting),
                blankToNull(domainServices), parsedCategory, blankToNull(modifiable), learningPoints,
                "yes".equals(scrConsidered) ? Boolean.TRUE : "no".equals(scrConsidered) ? Boolean.FALSE : null,
                parsedRecommendations);
        try {
            formC.check();
        } catch (InvalidAnswers e) {
            for (FieldError error : e.errors()) {
                addError(errors, error.field().startsWith("recommendations") ? "recommendations" : error.field(),
                        ruleOf(error, lineOf));
            }
        }
        return new Parsed(parsedVersion, formC, errors);
    }

    /** Form C's rules name recommendations[2].text; the page has one box, and the panel member counts lines. */
    private static String ruleOf(FieldError error, List<Integer> lineOf) {
        Matcher m = RECOMMENDATION_FIELD.matcher(error.field());
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            String part = m.group(2).equals("ownerAgency") ? "the agency" : "the recommendation";
            return "line " + (index < lineOf.size() ? lineOf.get(index) : index + 1) + ": " + part + " " + error.rule();
        }
        return error.rule();
    }

    private static void addError(Map<String, String> errors, String field, String rule) {
        errors.merge(field, rule, (a, b) -> a + "; " + b);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
