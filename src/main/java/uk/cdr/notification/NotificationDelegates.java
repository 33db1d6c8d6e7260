package uk.cdr.notification;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.cdr.config.CaseVariables;

/** The BPMN service tasks that send the notification stage's emails, by the bean names the models use. */
@Configuration(proxyBeanMethods = false)
class NotificationDelegates {

    @Bean
    JavaDelegate sendDesignatedDoctorAlert(NotificationEmails emails) {
        return execution -> emails.alertDesignatedDoctor(CaseVariables.caseId(execution));
    }

    @Bean
    JavaDelegate sendClassificationOverdueAlert(NotificationEmails emails) {
        return execution -> emails.tellSpocClassificationOverdue(CaseVariables.caseId(execution));
    }

    @Bean
    JavaDelegate sendPossibleDuplicateAlert(NotificationEmails emails) {
        return execution -> emails.alertPossibleDuplicate(CaseVariables.caseId(execution),
                execution.getProcessBusinessKey(),
                (String) execution.getVariable(NotificationVariables.MATCHED_ON));
    }

    /** "No agency knew the child or family": the case need not wait for any Form B. */
    @Bean
    org.camunda.bpm.engine.delegate.TaskListener recordNoAgencyInvolved(org.springframework.jdbc.core.simple.JdbcClient jdbc,
            uk.cdr.config.WhoIsCompleting who, java.time.Clock clock) {
        return task -> {
            if (Boolean.TRUE.equals(uk.cdr.config.FormAnswers.yes(task, "noAgencyInvolved"))) {
                jdbc.sql("""
                        update case_file set form_b_proceed_reason = 'No agency knew the child or family',
                            form_b_proceed_by = ?, form_b_proceed_at = ? where id = ? and form_b_proceed_reason is null""")
                        .params(who.of(task), java.time.OffsetDateTime.now(clock),
                                CaseVariables.caseId(task))
                        .update();
            }
        };
    }

}
