package uk.cdr.agencyreport;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A new link the SPOC asked for; sending it kills the previous one. */
@Component("sendFormBLink")
class SendFormBLink implements JavaDelegate {

    private final FormBEmails emails;

    SendFormBLink(FormBEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.send(UUID.fromString(execution.getBusinessKey()), FormBEmails.Purpose.NEW_LINK);
    }
}
