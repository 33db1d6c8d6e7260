package uk.cdr.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;
import uk.cdr.web.CodeLabels;
import uk.cdr.web.UkDates;

/** Send_DeferredCaseDueToSpoc: a deferred case reached its review-by date unassigned, so the SPOC must put it on a meeting. */
@Component("sendDeferredCaseDueToSpoc")
class SendDeferredCaseDueToSpoc implements JavaDelegate {

    private final CdopReviews reviews;
    private final Mailer mailer;
    private final GroupAddresses addresses;
    private final String baseUrl;

    SendDeferredCaseDueToSpoc(CdopReviews reviews, Mailer mailer, GroupAddresses addresses,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.reviews = reviews;
        this.mailer = mailer;
        this.addresses = addresses;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = CaseVariables.caseReference(execution);
        CdopReviews.Review review = reviews.latestDeferral(CaseVariables.caseId(execution));
        mailer.send(new Mailer.Email(CaseVariables.caseId(execution), "CDOP_DEFERRED_DUE:" + review.id(),
                addresses.of(Role.SPOC.groupId()), "Deferred case " + reference + " is due back at the CDOP", """
                The CDOP deferred case %s at its meeting of %s (%s) to be reviewed by %s.
                It has not been assigned to a meeting since. Assign it from the CDOP case queue:
                %s/cdop/queue?state=DEFERRED
                """.formatted(reference, UkDates.inWords(review.meetingOn()),
                CodeLabels.label(review.deferralReason()).toLowerCase(java.util.Locale.UK),
                UkDates.inWords(review.reviewBy()), baseUrl)));
    }
}
