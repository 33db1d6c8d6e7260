package uk.cdr.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The login groups of domain.md. The group id is the contract with the engine's identity service
 * (candidate groups in BPMN, authorizations), so it never changes; the rest is what people read.
 */
public enum Role {
    SPOC("spoc", "Single Point of Contact",
            List.of("Log every child death (Form A) and start its review",
                    "Check possible duplicate notifications",
                    "Request, chase and receive agency reports (Form B)",
                    "Keep each case moving until the CDOP review")),
    DESIGNATED_DOCTOR("designated-doctor", "Designated Doctor",
            List.of("Receive an alert for every notification",
                    "Confirm whether a death was expected or unexpected",
                    "Lead the rapid response and the final case discussion")),
    CDR_NURSE("cdr-nurse", "Child death review nurse",
            List.of("Make sure bereavement support is offered to every family")),
    CDOP_PANEL("cdop-panel", "CDOP panel member",
            List.of("Review the case queue from anonymised summaries",
                    "Record the Form C analysis, ratify and close cases",
                    "Publish the annual statistics")),
    CDOP_CHAIR("cdop-chair", "CDOP chair",
            List.of("A panel member who also sets meetings and assigns cases",
                    "Ratify the panel's reviews, which closes the cases")),
    ADMIN("camunda-admin", "Administrator",
            List.of("Manage users and groups (Admin)",
                    "Watch processes, incidents and retries (Cockpit)",
                    "Read the audit log"));

    private final String groupId;
    private final String title;
    private final List<String> duties;

    Role(String groupId, String title, List<String> duties) {
        this.groupId = groupId;
        this.title = title;
        this.duties = duties;
    }

    public String groupId() {
        return groupId;
    }

    public String title() {
        return title;
    }

    public List<String> duties() {
        return duties;
    }

    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }

    /** Roles that work cases day to day: they get Tasklist. */
    public static List<Role> caseworkers() {
        return List.of(SPOC, DESIGNATED_DOCTOR, CDR_NURSE, CDOP_PANEL, CDOP_CHAIR);
    }
}
