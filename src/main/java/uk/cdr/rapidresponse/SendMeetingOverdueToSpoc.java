package uk.cdr.rapidresponse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_MeetingOverdueToSpoc: 5 working days after the notification the meeting is still not held, so the SPOC chases it. */
@Component("sendMeetingOverdueToSpoc")
class SendMeetingOverdueToSpoc implements JavaDelegate {

    private final RapidResponseEmails emails;

    SendMeetingOverdueToSpoc(RapidResponseEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.tellSpocMeetingOverdue(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }
}
