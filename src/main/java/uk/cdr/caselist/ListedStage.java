package uk.cdr.caselist;

import java.util.Arrays;
import java.util.Optional;

import uk.cdr.caseprocess.CaseStage;

/**
 * Where a case is, as the case list shows and filters it: the stages its process keeps in
 * case_stage ({@link CaseStage}), and the two states outside them: closed, and open with no step
 * running (its process was cancelled in Cockpit).
 */
public enum ListedStage {
    CLASSIFICATION("Awaiting the Designated Doctor's expected or unexpected decision"),
    FORM_B("Agency reports (Form B)"),
    RAPID_RESPONSE("Rapid response"),
    FINAL_CASE_DISCUSSION("Final case discussion"),
    JOINT_AGENCY_RESPONSE("Joint Agency Response"),
    CHILD_DEATH_REVIEW_MEETING("Child Death Review Meeting"),
    SERIOUS_INCIDENT("Serious incident: national panel notification and rapid review"),
    NCMD_NOTIFICATION("National Child Mortality Database to be notified"),
    LOOKED_AFTER_NOTIFICATION("Secretary of State and Ofsted to be notified"),
    READY("Ready for the CDOP"),
    DEFERRED("Deferred by the CDOP"),
    NEONATAL_REVIEWED("Reviewed by the neonatal panel, awaiting full CDOP"),
    REVIEW("Assigned to a CDOP meeting"),
    RATIFICATION("Reviewed, awaiting the chair's ratification"),
    STOPPED("Stopped: no step is running"),
    CLOSED("Closed");

    private final String words;

    ListedStage(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public String code() {
        return name();
    }

    static ListedStage of(CaseStage stage) {
        return valueOf(stage.name());
    }

    /** The stage a code names, in any letter case; empty for no such stage. */
    static Optional<ListedStage> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code.trim())).findFirst();
    }

    /** A stage of the case's process (not closed or stopped, which are no row of case_stage). */
    boolean isProcessStage() {
        return this != STOPPED && this != CLOSED;
    }
}
