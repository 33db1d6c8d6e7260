package uk.cdr.rapidresponse;

/** The two multi-agency meetings of a case; both are held in the case_meeting table. */
public enum MeetingKind {
    RAPID_RESPONSE("rapid response meeting"),
    FINAL_CASE_DISCUSSION("final case discussion");

    private final String words;

    MeetingKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
