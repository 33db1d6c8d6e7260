package uk.cdr.panel;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;
import uk.cdr.web.UkDates;

/** Send_CaseClosedToSpoc: the chair ratified the review and the case is closed, which the SPOC needs to know. */
@Component("sendCaseClosedToSpoc")
class SendCaseClosedToSpoc implements JavaDelegate {

    private final CdopReviews reviews;
    private final Mailer mailer;
    private final GroupAddresses addresses;
    private final String baseUrl;

    SendCaseClosedToSpoc(CdopReviews reviews, Mailer mailer, GroupAddresses addresses,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.reviews = reviews;
        this.mailer = mailer;
        this.addresses = addresses;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = CaseVariables.caseId(execution);
        String reference = CaseVariables.caseReference(execution);
        CdopReviews.Review review = reviews.ofProcess(execution.getProcessInstanceId());
        mailer.send(new Mailer.Email(caseId, "CDOP_CASE_CLOSED:" + review.id(), addresses.of(Role.SPOC.groupId()),
                "Case " + reference + " reviewed by the CDOP and closed", """
                The CDOP reviewed case %s at its meeting of %s and the chair has ratified the review.
                The case is closed; its review was completed on %s.

                Case page: %s/cases/%s
                """.formatted(reference, UkDates.inWords(review.meetingOn()), UkDates.inWords(review.meetingOn()), baseUrl, caseId)));
    }
}
