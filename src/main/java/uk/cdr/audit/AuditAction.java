package uk.cdr.audit;

/** What happened, in the audit log's fixed vocabulary. Features add their own case actions here. */
public enum AuditAction {
    LOGIN("Logged in"),
    LOGIN_FAILED("Login failed"),
    LOGIN_THROTTLED("Login refused: too many failures"),
    LOGIN_UNBLOCKED("Login unblocked"),
    LOGOUT("Logged out"),
    ACCESS_DENIED("Access refused"),
    CASE_VIEWED("Case viewed"),
    /** A search of the case list, with the references it showed. */
    CASES_SEARCHED("Cases searched"),
    CASE_CREATED("Case opened"),
    CASE_CHANGED("Case changed"),
    FORM_B_REQUESTED("Form B requested"),
    FORM_B_LINK_SENT("Form B link sent"),
    FORM_B_LINK_REFUSED("Form B link refused"),
    FORM_B_VIEWED("Form B viewed"),
    FORM_B_RETURNED("Form B returned"),
    FORM_B_OVERDUE("Form B overdue"),
    FORM_B_CHASED("Form B chased"),
    FORM_B_EXTENDED("Form B deadline extended"),
    FORM_B_WITHDRAWN("Form B request withdrawn"),
    CASE_CLOSED("Case closed"),
    CASE_REOPENED("Case reopened"),
    /** The process audit read for a period, with the standard and the cases it listed if any. */
    PROCESS_AUDIT_VIEWED("Process audit viewed");

    private final String words;

    AuditAction(String words) {
        this.words = words;
    }

    /** What happened, as the audit log page says it. */
    public String words() {
        return words;
    }
}
