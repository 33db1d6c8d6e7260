package uk.cdr.audit;

/** What happened, in the audit log's fixed vocabulary. Features add their own case actions here. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    ACCESS_DENIED,
    CASE_VIEWED,
    CASE_CREATED,
    CASE_CHANGED
}
