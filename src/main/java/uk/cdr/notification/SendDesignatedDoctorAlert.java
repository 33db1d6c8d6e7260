package uk.cdr.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Send_DesignatedDoctorAlert: the Designated Doctor must classify the new death, so is told of it. */
@Component("sendDesignatedDoctorAlert")
class SendDesignatedDoctorAlert implements JavaDelegate {

    private final NotificationEmails emails;

    SendDesignatedDoctorAlert(NotificationEmails emails) {
        this.emails = emails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        emails.alertDesignatedDoctor(CaseVariables.caseId(execution));
    }
}
