package uk.cdr.agencyreport;

import java.util.UUID;

/** The request was returned or withdrawn (or does not exist), or its case is closed: nothing to send. */
public class RequestClosed extends RuntimeException {

    public RequestClosed(UUID requestId) {
        super("Form B request " + requestId + " is not open");
    }

    public RequestClosed(String message) {
        super(message);
    }
}
