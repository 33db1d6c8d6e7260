package uk.cdr.casediscussion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.rapidresponse.MeetingKind;
import uk.cdr.rapidresponse.RapidResponseEmails;
import uk.cdr.rapidresponse.RapidResponses;

/** Send_FinalCaseDiscussionInvitations: the discussion was convened, so the agencies must know when and where. */
@Component("sendFinalCaseDiscussionInvitations")
class SendFinalCaseDiscussionInvitations implements JavaDelegate {

    private final RapidResponseEmails emails;
    private final RapidResponses rapidResponses;

    SendFinalCaseDiscussionInvitations(RapidResponseEmails emails, RapidResponses rapidResponses) {
        this.emails = emails;
        this.rapidResponses = rapidResponses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.inviteToMeeting(
                rapidResponses.meetingOf(CaseVariables.caseId(execution), MeetingKind.FINAL_CASE_DISCUSSION));
    }
}
