package uk.cdr.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_PossibleDuplicateAlert: a notification matched an open case, and someone must decide before a second case opens. */
@Component("sendPossibleDuplicateAlert")
class SendPossibleDuplicateAlert implements JavaDelegate {

    private final NotificationEmails emails;

    SendPossibleDuplicateAlert(NotificationEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.alertPossibleDuplicate(CaseVariables.caseId(execution),
                execution.getProcessBusinessKey(),
                (String) execution.getVariable(NotificationVariables.MATCHED_ON));
    }
}
