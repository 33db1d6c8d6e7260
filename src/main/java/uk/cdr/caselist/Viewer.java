package uk.cdr.caselist;

import java.util.UUID;

import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;

/**
 * Who looks at the case list: the SPOC, the Designated Doctor and the child death review nurse see
 * who the child was and open the case page (domain.md: the child's identity is for them only); the
 * CDOP panel sees anonymised cases and opens the panel's view of a case.
 */
public enum Viewer {
    CASEWORKER(true),
    PANEL(false);

    private final boolean identifies;

    Viewer(boolean identifies) {
        this.identifies = identifies;
    }

    /** Whether this viewer sees, and may search by, the child's identifiers. */
    public boolean identifies() {
        return identifies;
    }

    /** The page of the case this viewer may open. */
    public String url(UUID caseId) {
        return identifies ? "/cases/" + caseId : "/cdop/cases/" + caseId;
    }

    /** Anyone who is SPOC, Designated Doctor or nurse sees the case as they do, whatever other roles they have. */
    public static Viewer of(CurrentUser user) {
        return user.has(Role.SPOC) || user.has(Role.DESIGNATED_DOCTOR) || user.has(Role.CDR_NURSE) ? CASEWORKER : PANEL;
    }
}
