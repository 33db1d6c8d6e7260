package uk.cdr.rapidresponse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_MeetingReminder: the day-before timer fired, so the invitees are reminded of the rapid response meeting. */
@Component("sendMeetingReminder")
class SendMeetingReminder implements JavaDelegate {

    private final RapidResponseEmails emails;
    private final RapidResponses rapidResponses;

    SendMeetingReminder(RapidResponseEmails emails, RapidResponses rapidResponses) {
        this.emails = emails;
        this.rapidResponses = rapidResponses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.remindOfMeeting(
                rapidResponses.meetingOf(CaseVariables.caseId(execution), MeetingKind.RAPID_RESPONSE));
    }
}
