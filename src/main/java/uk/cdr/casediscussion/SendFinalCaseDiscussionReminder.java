package uk.cdr.casediscussion;

import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.DATE_OF_DEATH;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_FinalCaseDiscussionReminder: 10 weeks after the death the discussion is still not done, so the Designated Doctor is reminded. */
@Component("sendFinalCaseDiscussionReminder")
class SendFinalCaseDiscussionReminder implements JavaDelegate {

    private final FinalCaseDiscussionEmails emails;

    SendFinalCaseDiscussionReminder(FinalCaseDiscussionEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.remindDoctor(CaseVariables.caseId(execution), CaseVariables.caseReference(execution),
                (Date) execution.getVariable(DATE_OF_DEATH));
    }
}
