package uk.cdr.panel;

/** What a case in the CDOP queue is waiting for, in the order a case moves through them. */
public enum QueueState {
    WAITING_FOR_CLASSIFICATION("Awaiting the Designated Doctor's expected/unexpected decision"),
    WAITING_FOR_FORM_B("Form Bs outstanding"),
    WAITING_FOR_FINAL_CASE_DISCUSSION("Final case discussion pending"),
    DEFERRED("Deferred by the panel"),
    REVIEWED_BY_NEONATAL_PANEL("Reviewed by the neonatal panel, awaiting full CDOP"),
    READY_FOR_REVIEW("Ready for review"),
    ASSIGNED("Assigned to a panel meeting"),
    AWAITING_RATIFICATION("Reviewed, awaiting the chair's ratification"),
    /** Open, yet no step of its process runs: the case's process was cancelled in Cockpit. */
    STOPPED("Stopped: no step is running. The SPOC restarts it from the case page");

    private final String words;

    QueueState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Waiting for a panel meeting: ready, deferred, or after the neonatal panel awaiting full CDOP. */
    public boolean assignable() {
        return this == READY_FOR_REVIEW || this == DEFERRED || this == REVIEWED_BY_NEONATAL_PANEL;
    }
}
