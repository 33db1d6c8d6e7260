package uk.cdr.panel;

import java.util.ArrayList;
import java.util.List;

import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.web.PlainText;

/**
 * The panel's Form C analysis (domain.md, stage 6): the four domains scored 0/1/1x/2/3, one category
 * of death (the highest-ranking that applies), modifiable factors, learning points, recommendations
 * each owned by an agency, and whether an SCR was considered.
 */
public record FormC(String domainChild, String domainFamily, String domainParenting, String domainServices,
        Integer category, String modifiable, String learningPoints, Boolean scrConsidered,
        List<Recommendation> recommendations) {

    public static final List<String> DOMAIN_SCORES = List.of("0", "1", "1*", "2", "3");
    public static final List<String> MODIFIABLE = List.of("yes", "no", "insufficient-information");
    public static final List<String> CATEGORIES = List.of(
            "Deliberately inflicted injury, abuse or neglect",
            "Suicide or deliberate self-inflicted harm",
            "Trauma and other external factors",
            "Malignancy",
            "Acute medical or surgical condition",
            "Chronic medical condition",
            "Chromosomal, genetic and congenital anomalies",
            "Perinatal/neonatal event",
            "Infection",
            "Sudden unexpected, unexplained death");

    public record Recommendation(String ownerAgency, String text) {
    }

    /** Every rule at once, so the panel sees all that is wrong in one answer; nothing is saved on any error. */
    public void check() {
        List<FieldError> errors = new ArrayList<>();
        score("domainChild", domainChild, errors);
        score("domainFamily", domainFamily, errors);
        score("domainParenting", domainParenting, errors);
        score("domainServices", domainServices, errors);
        if (category == null || category < 1 || category > 10) {
            errors.add(new FieldError("category", "is required: one category of death from 1 to 10, the highest-ranking that applies"));
        }
        if (modifiable == null || !MODIFIABLE.contains(modifiable)) {
            errors.add(new FieldError("modifiable", "is required: one of " + String.join(", ", MODIFIABLE)));
        }
        if (learningPoints != null && learningPoints.length() > 4000) {
            errors.add(new FieldError("learningPoints", "must be at most 4000 characters"));
        } else if (!PlainText.isMultiLine(learningPoints)) {
            errors.add(new FieldError("learningPoints", PlainText.MULTI_LINE_RULE));
        }
        if (scrConsidered == null) {
            errors.add(new FieldError("scrConsidered", "is required: whether a Serious Case Review was considered"));
        }
        List<Recommendation> given = recommendations == null ? List.of() : recommendations;
        if (given.size() > 50) {
            errors.add(new FieldError("recommendations", "must be at most 50"));
        }
        for (int i = 0; i < given.size(); i++) {
            Recommendation r = given.get(i);
            if (r == null || r.ownerAgency() == null || r.ownerAgency().isBlank() || r.ownerAgency().length() > 200) {
                errors.add(new FieldError("recommendations[" + i + "].ownerAgency", "is required, at most 200 characters"));
            } else if (!PlainText.isSingleLine(r.ownerAgency())) {
                errors.add(new FieldError("recommendations[" + i + "].ownerAgency", PlainText.SINGLE_LINE_RULE));
            }
            if (r == null || r.text() == null || r.text().isBlank() || r.text().length() > 2000) {
                errors.add(new FieldError("recommendations[" + i + "].text", "is required, at most 2000 characters"));
            } else if (!PlainText.isMultiLine(r.text())) {
                errors.add(new FieldError("recommendations[" + i + "].text", PlainText.MULTI_LINE_RULE));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
    }

    public List<Recommendation> recommendationList() {
        return recommendations == null ? List.of() : recommendations;
    }

    public static String categoryName(Integer category) {
        return category == null || category < 1 || category > 10 ? "" : category + ". " + CATEGORIES.get(category - 1);
    }

    private static void score(String field, String value, List<FieldError> errors) {
        if (value == null || !DOMAIN_SCORES.contains(value)) {
            errors.add(new FieldError(field, "is required: one of " + String.join(", ", DOMAIN_SCORES)));
        }
    }
}
