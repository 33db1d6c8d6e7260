package uk.cdr.notification;

import java.util.List;

/** The code lists of the Form A data dictionary (domain.md). Codes are stored; labels are shown. */
public final class Codes {

    private Codes() {
    }

    /** What a person reads for a code. */
    public static String label(String code) {
        return uk.cdr.web.CodeLabels.label(code);
    }

    public static final List<String> SEX = List.of("male", "female", "indeterminate", "not-known");

    public static final List<String> PLACE_OF_DEATH = List.of("home", "other-private-residence",
            "hospital-emergency-department", "hospital-ward", "neonatal-unit", "intensive-care", "hospice",
            "public-place", "school", "abroad", "other", "not-known");

    /** The notifier's view; the Designated Doctor's decision is recorded separately. */
    public static final List<String> NOTIFIED_EXPECTED = List.of("expected", "unexpected", "not-sure");

    public static final List<String> YES_NO_NOT_KNOWN = List.of("yes", "no", "not-known");

    public static final List<String> YES_NO = List.of("yes", "no");

    /**
     * Why a child has no NHS number, under the 2018 guidance: the national database counts each death
     * once by it, so only these two reasons are taken (domain-2018.md).
     */
    public static final List<String> NHS_NUMBER_ABSENT_2018 = List.of("not-resident-in-england", "not-currently-available");

    /** 2011 census ethnic groups (England and Wales), plus not known. */
    public static final List<String> ETHNICITY = List.of(
            "white-british", "white-irish", "white-gypsy-or-irish-traveller", "white-other",
            "mixed-white-and-black-caribbean", "mixed-white-and-black-african", "mixed-white-and-asian",
            "mixed-other", "asian-indian", "asian-pakistani", "asian-bangladeshi", "asian-chinese", "asian-other",
            "black-african", "black-caribbean", "black-other", "other-arab", "other-any-other", "not-known");
}
