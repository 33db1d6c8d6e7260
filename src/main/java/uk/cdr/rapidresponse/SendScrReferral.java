package uk.cdr.rapidresponse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_ScrReferral: the meeting found the serious case review criteria may be met, which is the LSCB chair's decision. */
@Component("sendScrReferral")
class SendScrReferral implements JavaDelegate {

    private final RapidResponseEmails emails;

    SendScrReferral(RapidResponseEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.referToLscbChair(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }
}
