package uk.cdr.caseprocess;

/**
 * A stage a case can be in, as its process (bpmn/child-death-review.bpmn) enters and leaves it. An
 * open case is in one or more at once: its Form Bs can be awaited while the rapid response runs.
 */
public enum CaseStage {
    /** The Designated Doctor has not yet confirmed the death expected or unexpected. */
    CLASSIFICATION,
    /** The agencies' Form Bs: requesting them, waiting for them. */
    FORM_B,
    RAPID_RESPONSE,
    FINAL_CASE_DISCUSSION,
    /** 2018 guidance: the Joint Agency Response, where the Designated Doctor decided one. */
    JOINT_AGENCY_RESPONSE,
    /** 2018 guidance: the Child Death Review Meeting, for every death. */
    CHILD_DEATH_REVIEW_MEETING,
    /** 2018 guidance: the national panel's notification and the rapid review, abuse or neglect being known or suspected. */
    SERIOUS_INCIDENT,
    /** 2018 guidance: the SPOC has not yet recorded the notification to the National Child Mortality Database. */
    NCMD_NOTIFICATION,
    /** 2018 guidance: a looked-after child's death, not yet notified to the Secretary of State and Ofsted. */
    LOOKED_AFTER_NOTIFICATION,
    /** Ready for the CDOP, in its queue until assigned to a panel meeting. */
    READY,
    /** Deferred by the panel, until assigned to a meeting again. */
    DEFERRED,
    /** Reviewed by a special neonatal panel, until assigned to a routine meeting, which completes the review. */
    NEONATAL_REVIEWED,
    /** Assigned to a panel meeting, under review there. */
    REVIEW,
    /** Reviewed by the panel, awaiting the chair's ratification. */
    RATIFICATION
}
