package uk.cdr.notification;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The BPMN service tasks that send the notification stage's emails, by the bean names the models use. */
@Configuration(proxyBeanMethods = false)
class NotificationDelegates {

    @Bean
    JavaDelegate sendDesignatedDoctorAlert(NotificationEmails emails) {
        return execution -> emails.alertDesignatedDoctor(caseId(execution));
    }

    @Bean
    JavaDelegate sendClassificationOverdueAlert(NotificationEmails emails) {
        return execution -> emails.tellSpocClassificationOverdue(caseId(execution));
    }

    @Bean
    JavaDelegate sendPossibleDuplicateAlert(NotificationEmails emails) {
        return execution -> emails.alertPossibleDuplicate(caseId(execution),
                (String) execution.getVariable(NotificationVariables.NOTIFICATION_ID),
                (String) execution.getVariable(NotificationVariables.MATCHED_ON));
    }

    private static UUID caseId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(NotificationVariables.CASE_ID));
    }
}
