package uk.cdr.panel;

import java.util.List;
import java.util.Map;

import uk.cdr.web.DateInput;

/** The panel's outcome for a case as the meeting page posts it: reviewed, or deferred with a reason and a review-by date. */
record OutcomeForm(String outcome, String deferralReason, DateInput reviewByTyped, String deferralDetail,
        String specialistsAttending) {

    record Option(String value, String label) {
    }

    /** The reasons of CdopReviews.DEFERRAL_REASONS, worded as in forms/cdop-review-outcome.form. */
    static final List<Option> DEFERRAL_REASONS = List.of(new Option("awaiting-inquest", "Awaiting inquest"),
            new Option("criminal-proceedings", "Criminal proceedings"),
            new Option("serious-case-review", "Serious Case Review"),
            new Option("more-information", "More information needed"));

    static final OutcomeForm EMPTY = new OutcomeForm(null, null, DateInput.of("reviewBy", null), null, null);

    static OutcomeForm from(Map<String, String> posted) {
        return new OutcomeForm(blankToNull(posted.get("outcome")), blankToNull(posted.get("deferralReason")),
                DateInput.read(posted, "reviewBy"), blankToNull(posted.get("deferralDetail")),
                blankToNull(posted.get("specialistsAttending")));
    }

    /** The review-by date as the services take it, yyyy-mm-dd; null when none or not a real date. */
    String reviewBy() {
        return reviewByTyped.iso();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
