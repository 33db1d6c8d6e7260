package uk.cdr.casefile;

import java.util.UUID;

/** The case has no action with this id (it may be another case's). */
public class UnknownAction extends RuntimeException {

    public UnknownAction(UUID caseId, UUID actionId) {
        super("Case " + caseId + " has no action " + actionId);
    }
}
