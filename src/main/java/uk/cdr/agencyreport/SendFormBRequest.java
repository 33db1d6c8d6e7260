package uk.cdr.agencyreport;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Emails the agency contact the Form B request with the first personal link. */
@Component("sendFormBRequest")
class SendFormBRequest implements JavaDelegate {

    private final FormBEmails emails;

    SendFormBRequest(FormBEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.send(UUID.fromString(execution.getBusinessKey()), FormBEmails.Purpose.REQUEST);
    }
}
