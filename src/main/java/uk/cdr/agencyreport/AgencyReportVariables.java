package uk.cdr.agencyreport;

/** Process variables and messages of agencyReportRequest: ids, codes and dates only, never the answers. */
public final class AgencyReportVariables {

    private AgencyReportVariables() {
    }

    public static final String PROCESS_KEY = "agencyReportRequest";
    /** The agency returned its Form B; correlated by business key, the request id. */
    public static final String MESSAGE_RETURNED = "FormBReturned";
    /** The SPOC asked for a new link to be sent; the old one stops working. */
    public static final String MESSAGE_LINK_RESENT = "FormBLinkResent";
    /** The SPOC's "request Form B reports" task in childDeathNotification, completed by {@link AgencyReports#request}. */
    public static final String REQUEST_REPORTS_TASK = "Task_RequestFormBReports";

    public static final String REQUEST_ID = "requestId";
    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";
    /** The agency's name (an organisation, not a person), shown in the SPOC's overdue task. */
    public static final String AGENCY = "agency";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String DUE_AT = "dueAt";
    /** chase, extend or withdraw: the SPOC's decision on an overdue request. */
    public static final String OVERDUE_OUTCOME = "overdueOutcome";
    /** yyyy-mm-dd, when the SPOC extends the deadline. */
    public static final String NEW_DUE_DATE = "newDueDate";
    public static final String OVERDUE_DECIDED_BY = "overdueDecidedBy";
    /** Set on childDeathNotification's task when it is completed: how many requests went out. */
    public static final String FORM_B_REQUEST_COUNT = "formBRequestCount";
}
