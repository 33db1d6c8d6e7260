package uk.cdr.rapidresponse;

/** Process variables of rapidResponse: ids, codes, dates and yes/no, never the discussion's text. */
public final class RapidResponseVariables {

    private RapidResponseVariables() {
    }

    public static final String PROCESS_KEY = "rapidResponse";
    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String NOTIFIED_AT = "notifiedAt";
    public static final String MEETING_DEADLINE = "meetingDeadline";
    public static final String CONVENE_MEETING = "conveneMeeting";
    public static final String MEETING_ID = "meetingId";
    public static final String MEETING_AT = "meetingAt";
    public static final String MEETING_REMINDER_AT = "meetingReminderAt";
    public static final String SCR_CRITERIA_MAY_BE_MET = "scrCriteriaMayBeMet";
}
