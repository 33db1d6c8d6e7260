package uk.cdr.processaudit;

import java.util.List;
import java.util.Locale;

/**
 * An agency's type from the name the notifier or the SPOC typed ("Riverside Surgery", "GP",
 * "Hillside Primary School"): Form B returns are audited by type, and names are free text.
 */
final class AgencyTypes {

    private record Type(String name, List<String> words) {
    }

    // In this order: "school nurse" is health visiting and community health, not a school.
    private static final List<Type> TYPES = List.of(
            new Type("Health visiting and community health", List.of("health visit", "midwi", "community nurs",
                    "school nurs", "community health")),
            new Type("Ambulance service", List.of("ambulance")),
            new Type("Police", List.of("police", "constabulary")),
            new Type("Children's social care", List.of("social care", "social services", "social work",
                    "children's services", "childrens services")),
            new Type("GP and primary care", List.of("gp", "surgery", "practice", "medical centre", "health centre")),
            new Type("Hospital", List.of("hospital", "nhs trust", "neonatal", "paediatric", "emergency department",
                    "a&e")),
            new Type("School and education", List.of("school", "college", "academy", "nursery", "education")));

    static final String OTHER = "Other agencies";

    private AgencyTypes() {
    }

    static String of(String agency) {
        String name = " " + agency.toLowerCase(Locale.ROOT).replaceAll("[^a-z&']+", " ").trim() + " ";
        for (Type type : TYPES) {
            for (String word : type.words()) {
                // Whole words: "gp" is a GP, "gpu" is not.
                if (name.contains(" " + word + " ") || name.contains(" " + word)
                        && !word.equals("gp") && !word.equals("a&e")) {
                    return type.name();
                }
            }
        }
        return OTHER;
    }
}
