package uk.cdr.agencyreport;

/** Where a Form B request stands. EXTENDED: overdue, and the SPOC gave a new due date. */
enum RequestStatus {
    SENT, REMINDED, OVERDUE, EXTENDED, RETURNED, WITHDRAWN;

    /** Still waiting for the agency: its link may work, and it may be reminded, chased or sent a new link. */
    boolean open() {
        return this != RETURNED && this != WITHDRAWN;
    }
}
