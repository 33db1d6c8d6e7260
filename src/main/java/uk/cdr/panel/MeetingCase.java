package uk.cdr.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import uk.cdr.web.CodeLabels;
import uk.cdr.web.UkDates;

/**
 * One case on a meeting page: what the panel may see of it (PanelCases, so anonymised and
 * redacted), how its review at this meeting stands, and the forms as the viewer last left them.
 */
record MeetingCase(PanelCases.Summary summary, List<PanelCases.FormBReturn> formBReturns, CdopReviews.SavedFormC formC,
        List<CdopReviews.RecommendationRow> recommendations, CdopReviews.Review review, Standing standing,
        FormCForm form, Map<String, String> formErrors, OutcomeForm outcome, Map<String, String> outcomeErrors,
        String alert, List<CdopReviews.Review> neonatalReviews) {

    /** Where the case's review at this meeting has got to. */
    enum Standing {
        ON_THE_AGENDA, AWAITING_RATIFICATION, CLOSED, REOPENED_SINCE, DEFERRED, REVIEWED_BY_NEONATAL_PANEL
    }

    static Standing standingOf(CdopReviews.Review review, PanelCases.Summary summary) {
        if (review.outcome() == null) {
            return Standing.ON_THE_AGENDA;
        }
        if ("DEFERRED".equals(review.outcome())) {
            return Standing.DEFERRED;
        }
        if ("NEONATAL_REVIEWED".equals(review.outcome())) {
            return Standing.REVIEWED_BY_NEONATAL_PANEL;
        }
        if (review.ratifiedBy() == null) {
            return Standing.AWAITING_RATIFICATION;
        }
        return "CLOSED".equals(summary.status()) ? Standing.CLOSED : Standing.REOPENED_SINCE;
    }

    // Public: the template reads these through reflection.

    /** "case-2014-15-007": an id and a link target; a reference's slash has no place in either. */
    public String anchor() {
        return anchorOf(summary.caseReference());
    }

    static String anchorOf(String caseReference) {
        return "case-" + caseReference.replace('/', '-');
    }

    public String standingInWords() {
        return switch (standing) {
            case ON_THE_AGENDA -> "On the agenda: the panel records Form C and, from the meeting's day, its outcome";
            case AWAITING_RATIFICATION -> "Reviewed at this meeting; awaiting the chair's ratification";
            case CLOSED -> "Closed: review completed on " + day(summary.reviewCompletedOn());
            case REOPENED_SINCE -> "Reviewed and ratified at this meeting; since reopened with new information";
            case DEFERRED -> "Deferred at this meeting (" + CodeLabels.label(review.deferralReason())
                    + "), to be reviewed by " + day(review.reviewBy());
            case REVIEWED_BY_NEONATAL_PANEL -> "Reviewed by this neonatal panel; its findings go with the case to a "
                    + "routine CDOP meeting, which completes the review";
        };
    }

    public boolean openForReview() {
        return standing == Standing.ON_THE_AGENDA;
    }

    /** At a special neonatal panel the outcome is its findings for a routine meeting, not a completed review. */
    public boolean atNeonatalPanel() {
        return review.atNeonatalPanel();
    }

    /**
     * The special neonatal panel's findings that came with the case to this routine meeting: who
     * attended and when; its draft Form C is the Form C shown. Null when it has none.
     */
    public String neonatalFindingsInWords() {
        if (review.atNeonatalPanel()) {
            return null;
        }
        return neonatalReviews.stream().reduce((first, second) -> second)
                .map(r -> "Reviewed by the special neonatal panel of " + day(r.meetingOn()) + ". Specialists attending: "
                        + r.specialistsAttending())
                .orElse(null);
    }

    public boolean awaitingRatification() {
        return standing == Standing.AWAITING_RATIFICATION;
    }

    /** Form C as the panel saved it, in words, for a case no longer open to changes here. */
    public String savedFormCInWords() {
        if (formC.fromDraft()) {
            return null;
        }
        FormC f = formC.formC();
        return "(a) child " + f.domainChild() + ", (b) family and environment " + f.domainFamily() + ", (c) parenting "
                + f.domainParenting() + ", (d) services " + f.domainServices() + "; category "
                + FormC.categoryName(f.category()) + "; modifiable factors: " + CodeLabels.label(f.modifiable())
                + "; SCR considered: " + (Boolean.TRUE.equals(f.scrConsidered()) ? "yes" : "no");
    }

    static String day(LocalDate date) {
        return UkDates.inWords(date);
    }
}
