package uk.cdr.review2018;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The supplementary reporting forms of the 2018 guidance (domain-2018.md), which the circumstances of
 * a death call for beside the core reporting form every agency completes.
 */
public enum SupplementaryForm {
    ASTHMA_AND_ANAPHYLAXIS("asthma-and-anaphylaxis", "Asthma and anaphylaxis"),
    CARDIAC("cardiac", "Cardiac, congenital or acquired"),
    CARE_PATHWAY("care-pathway", "Care pathway"),
    DROWNING("drowning", "Drowning"),
    SUDDEN_UNEXPECTED_DEATH("sudden-unexpected-death", "Sudden unexpected deaths"),
    CHROMOSOMAL_GENETIC_CONGENITAL("chromosomal-genetic-congenital", "Chromosomal, genetic and congenital anomalies");

    private final String code;
    private final String words;

    SupplementaryForm(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    public String words() {
        return words;
    }

    public static Optional<SupplementaryForm> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** For a refusal: every code with its words. */
    public static String choices() {
        return Arrays.stream(values()).map(f -> f.code + " (" + f.words + ")").collect(Collectors.joining(", "));
    }

    /** As kept: codes in the guidance's order, separated by commas. */
    static String kept(List<SupplementaryForm> forms) {
        return forms.stream().sorted().distinct().map(SupplementaryForm::code).collect(Collectors.joining(","));
    }

    static List<SupplementaryForm> read(String kept) {
        return kept == null || kept.isBlank() ? List.of()
                : Arrays.stream(kept.split(",")).map(SupplementaryForm::of).flatMap(Optional::stream).toList();
    }
}
