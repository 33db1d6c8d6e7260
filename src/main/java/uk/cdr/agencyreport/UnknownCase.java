package uk.cdr.agencyreport;

import java.util.UUID;

/** No case has this id. */
public class UnknownCase extends RuntimeException {

    public UnknownCase(UUID caseId) {
        super("No case " + caseId);
    }
}
