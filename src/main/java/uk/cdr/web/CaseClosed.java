package uk.cdr.web;

/**
 * Nothing more is recorded on a closed case (a post-mortem milestone, a Form B request, an action
 * done): its review is complete. The API answers 409, the pages say so; new information reopens
 * the case first (the SPOC, on the case page).
 */
public class CaseClosed extends RuntimeException {

    public CaseClosed(String caseReference) {
        super("Case " + caseReference + " is closed, so nothing more can be recorded on it. Nothing was saved. "
                + "If there is new information, the SPOC reopens the case first.");
    }

    /** @param status the case_file status */
    public static void refuseIfClosed(String caseReference, String status) {
        if ("CLOSED".equals(status)) {
            throw new CaseClosed(caseReference);
        }
    }
}
