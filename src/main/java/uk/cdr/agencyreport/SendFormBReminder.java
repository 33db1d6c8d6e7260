package uk.cdr.agencyreport;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reminder at 14 days, and again when the SPOC chases an overdue agency: marks it REMINDED. */
@Component("sendFormBReminder")
class SendFormBReminder implements JavaDelegate {

    private final FormBRequests requests;
    private final FormBEmails emails;
    private final Clock clock;

    SendFormBReminder(FormBRequests requests, FormBEmails emails, Clock clock) {
        this.requests = requests;
        this.emails = emails;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID requestId = UUID.fromString(execution.getBusinessKey());
        requests.reminded(requestId, OffsetDateTime.now(clock));
        emails.send(requestId, FormBEmails.Purpose.REMINDER);
    }
}
