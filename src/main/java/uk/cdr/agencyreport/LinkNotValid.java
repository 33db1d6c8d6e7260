package uk.cdr.agencyreport;

/**
 * The link does not open a Form B. The agency's page says why, in the holder's terms, and whom to
 * ask: the reason concerns only the request the link was sent for, and names no case or child.
 */
public class LinkNotValid extends RuntimeException {

    /** Why, as the person holding the link needs to know it. */
    public enum Reason {
        /** Never one of ours, mistyped, cut short, or replaced by a newer link (only the latest works). */
        NOT_RECOGNISED,
        /** The Form B was already submitted through it. */
        USED,
        /** Its validity passed before the Form B was submitted. */
        EXPIRED,
        /** The SPOC withdrew the request (or the case closed): no Form B is needed any more. */
        WITHDRAWN
    }

    private final Reason reason;

    public LinkNotValid(Reason reason) {
        super("This Form B link does not work: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
