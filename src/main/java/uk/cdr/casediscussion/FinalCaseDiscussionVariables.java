package uk.cdr.casediscussion;

/** Process variables of finalCaseDiscussion: ids, codes, dates and yes/no. */
public final class FinalCaseDiscussionVariables {

    private FinalCaseDiscussionVariables() {
    }

    public static final String PROCESS_KEY = "finalCaseDiscussion";
    public static final String RESULTS_MESSAGE = "PostMortemResultsReceived";
    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String DATE_OF_DEATH = "dateOfDeath";
    public static final String RESULTS_AWAITED = "postMortemResultsAwaited";
    public static final String CONVENE = "convene";
    public static final String MEETING_ID = "meetingId";
    /** When the discussion meets: Task_RecordFinalCaseDiscussion is due by the end of that day. */
    public static final String MEETING_AT = "meetingAt";
}
