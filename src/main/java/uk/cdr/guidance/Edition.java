package uk.cdr.guidance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The statutory guidance a case is reviewed under (issue 17): the seed's Working Together 2013
 * process (domain.md) or the Child Death Review Statutory and Operational Guidance 2018
 * (domain-2018.md). Each has its own case process; a case keeps the edition it was opened under.
 */
public enum Edition {
    WORKING_TOGETHER_2013("2013", "Working Together 2013", "childDeathReview",
            List.of("childDeathReview", "childDeathNotification", "rapidResponse", "finalCaseDiscussion",
                    "agencyReportRequest", "cdopReview")),
    STATUTORY_GUIDANCE_2018("2018", "Child Death Review Statutory and Operational Guidance 2018", "childDeathReview2018",
            List.of("childDeathReview2018", "childDeathNotification2018", "jointAgencyResponse", "childDeathReviewMeeting",
                    "reportingFormRequest", "cdopReview2018", "seriousIncident"));

    /** Every area of England has followed the 2018 guidance since this day. */
    public static final LocalDate GUIDANCE_2018_IN_FORCE = LocalDate.of(2019, 9, 29);

    private final String code;
    private final String title;
    private final String processKey;
    private final List<String> models;

    Edition(String code, String title, String processKey, List<String> models) {
        this.code = code;
        this.title = title;
        this.processKey = processKey;
        this.models = models;
    }

    /**
     * The edition whose models include this process (bpmn/); empty for the models both share (a possible
     * duplicate, a panel meeting's agenda, Tasklist's Form A).
     */
    public static Optional<Edition> ofModel(String processKey) {
        if (processKey == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(e -> e.models.contains(processKey)).findFirst();
    }

    /** As kept in the records, the configuration and the import: 2013 or 2018. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The case's own process: every stage of a case of this edition is a call activity in it. */
    public String processKey() {
        return processKey;
    }

    public static Optional<Edition> of(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(e -> e.code.equals(code.trim())).findFirst();
    }

    /** The edition of a case's records; a case from before editions existed is 2013. */
    public static Edition ofRecord(String code) {
        return of(code).orElse(WORKING_TOGETHER_2013);
    }

    /** A death imported without its edition: the guidance in force on the day of the death. */
    public static Edition inForceOn(LocalDate dateOfDeath) {
        return dateOfDeath.isBefore(GUIDANCE_2018_IN_FORCE) ? WORKING_TOGETHER_2013 : STATUTORY_GUIDANCE_2018;
    }

    /** The case processes of every edition: a case's running process is one of them. */
    public static String[] processKeys() {
        return Arrays.stream(values()).map(Edition::processKey).toArray(String[]::new);
    }

    /** For a refusal: "2013 (Working Together 2013) or 2018 (...)". */
    public static String choices() {
        return Arrays.stream(values()).map(e -> e.code + " (" + e.title + ")").collect(Collectors.joining(" or "));
    }

    /** What this edition calls a thing: names on every page, task, email and export follow the case's edition. */
    public String says(Term term) {
        return this == WORKING_TOGETHER_2013 ? term.in2013() : term.in2018();
    }
}
