package uk.cdr.guidance;

/** The things the two editions name differently (domain-2018.md, "The stages and their new names"). */
public enum Term {
    NOTIFICATION_FORM("Form A", "child death notification form"),
    AGENCY_REPORT("Form B", "reporting form"),
    AGENCY_REPORTS("Form Bs", "reporting forms"),
    ANALYSIS_FORM("Form C", "analysis form"),
    RESPONSE("rapid response", "Joint Agency Response"),
    CASE_DISCUSSION("final case discussion", "Child Death Review Meeting"),
    SAFEGUARDING_LEAD("LSCB chair", "safeguarding partners");

    private final String in2013;
    private final String in2018;

    Term(String in2013, String in2018) {
        this.in2013 = in2013;
        this.in2018 = in2018;
    }

    String in2013() {
        return in2013;
    }

    String in2018() {
        return in2018;
    }
}
