package uk.cdr.audit;

/** What happened, in the audit log's fixed vocabulary. Features add their own case actions here. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGIN_UNBLOCKED,
    LOGOUT,
    ACCESS_DENIED,
    CASE_VIEWED,
    /** A search of the case list, with the references it showed. */
    CASES_SEARCHED,
    CASE_CREATED,
    CASE_CHANGED,
    FORM_B_REQUESTED,
    FORM_B_LINK_SENT,
    FORM_B_LINK_REFUSED,
    FORM_B_VIEWED,
    FORM_B_RETURNED,
    FORM_B_OVERDUE,
    FORM_B_CHASED,
    FORM_B_EXTENDED,
    FORM_B_WITHDRAWN,
    CASE_CLOSED,
    CASE_REOPENED
}
