package uk.cdr.agencyreport;

import java.util.UUID;

/** The request was returned or withdrawn (or does not exist): there is no link to resend. */
public class RequestClosed extends RuntimeException {

    public RequestClosed(UUID requestId) {
        super("Form B request " + requestId + " is not open");
    }
}
