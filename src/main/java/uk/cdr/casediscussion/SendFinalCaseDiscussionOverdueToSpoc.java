package uk.cdr.casediscussion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_FinalCaseDiscussionOverdueToSpoc: 12 weeks after the death the discussion is still not done, so the SPOC chases it. */
@Component("sendFinalCaseDiscussionOverdueToSpoc")
class SendFinalCaseDiscussionOverdueToSpoc implements JavaDelegate {

    private final FinalCaseDiscussionEmails emails;

    SendFinalCaseDiscussionOverdueToSpoc(FinalCaseDiscussionEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.tellSpocOverdue(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }
}
