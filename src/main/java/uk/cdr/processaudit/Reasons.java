package uk.cdr.processaudit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a standard was not met, as the case's records say it: the barriers the audit asks for ("any
 * barrier or reason not to follow the procedure"). Codes are the records' own where they have one
 * (a final case discussion not convened, a deferral); the rest are read from the case's dates.
 */
final class Reasons {

    static final String LOGISTICAL = "logistical";
    static final String FAMILY_WISHES = "family-wishes";
    static final String CRIMINAL_PROCEEDINGS = "criminal-proceedings";
    static final String OTHER = "other";
    static final String AWAITING_INQUEST = "awaiting-inquest";
    static final String SERIOUS_CASE_REVIEW = "serious-case-review";
    static final String MORE_INFORMATION = "more-information";
    static final String LATE_FORM_A = "late-form-a";
    static final String FORM_B_NOT_RETURNED = "form-b-not-returned";
    static final String FINAL_CASE_DISCUSSION_LATE = "final-case-discussion-late";
    static final String NOT_DONE = "not-done";
    static final String DONE_LATE = "done-late";
    static final String CHASED = "chased";
    static final String EXTENDED = "extended";
    static final String WITHDRAWN = "withdrawn";
    static final String FAMILY_NOT_CONTACTABLE = "family-not-contactable";
    static final String LEAFLET_NOT_GIVEN = "leaflet-not-given";
    static final String NO_RAPID_RESPONSE = "no-rapid-response";

    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(LOGISTICAL, "Not convened: logistical reasons");
        WORDS.put(FAMILY_WISHES, "Not convened: the family's wishes");
        WORDS.put(CRIMINAL_PROCEEDINGS, "Awaiting criminal proceedings");
        WORDS.put(OTHER, "Not convened: another reason");
        WORDS.put(AWAITING_INQUEST, "Awaiting the inquest");
        WORDS.put(SERIOUS_CASE_REVIEW, "Awaiting a Serious Case Review");
        WORDS.put(MORE_INFORMATION, "The panel needed more information");
        WORDS.put(LATE_FORM_A, "A late Form A (more than 24 hours after the death)");
        WORDS.put(FORM_B_NOT_RETURNED, "An agency did not return its Form B in time");
        WORDS.put(FINAL_CASE_DISCUSSION_LATE, "The final case discussion was late or not held");
        WORDS.put(NOT_DONE, "Not done");
        WORDS.put(DONE_LATE, "Done late: no reason recorded");
        WORDS.put(CHASED, "Returned late after a chase");
        WORDS.put(EXTENDED, "Returned late, in an extension agreed with the SPOC");
        WORDS.put(WITHDRAWN, "Withdrawn: never returned");
        WORDS.put(FAMILY_NOT_CONTACTABLE, "The family could not be contacted");
        WORDS.put(LEAFLET_NOT_GIVEN, "The families' leaflet was not given");
        WORDS.put(NO_RAPID_RESPONSE, "No rapid response recorded");
    }

    private Reasons() {
    }

    static String words(String code) {
        return WORDS.getOrDefault(code, code);
    }

    /** A final case discussion's not-convened reason, or a CDOP deferral's, as an audit reason. */
    static String ofRecord(String recorded) {
        return recorded == null ? NOT_DONE : WORDS.containsKey(recorded) ? recorded : OTHER;
    }
}
