package uk.cdr.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_ClassificationOverdueToSpoc: the death is still unclassified at its deadline, so the SPOC chases it. */
@Component("sendClassificationOverdueAlert")
class SendClassificationOverdueAlert implements JavaDelegate {

    private final NotificationEmails emails;

    SendClassificationOverdueAlert(NotificationEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.tellSpocClassificationOverdue(CaseVariables.caseId(execution));
    }
}
