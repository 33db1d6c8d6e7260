package uk.cdr.rapidresponse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_MeetingInvitations: once the rapid response meeting is scheduled, the agencies must know when and where. */
@Component("sendMeetingInvitations")
class SendMeetingInvitations implements JavaDelegate {

    private final RapidResponseEmails emails;
    private final RapidResponses rapidResponses;

    SendMeetingInvitations(RapidResponseEmails emails, RapidResponses rapidResponses) {
        this.emails = emails;
        this.rapidResponses = rapidResponses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.inviteToMeeting(
                rapidResponses.meetingOf(CaseVariables.caseId(execution), MeetingKind.RAPID_RESPONSE));
    }
}
