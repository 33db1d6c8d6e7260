package uk.cdr.notification;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/**
 * Every notification reaches the Designated Doctor at once, a possible duplicate too: it may be
 * the first news of a second death, or new information on a known one.
 */
@Component("sendPossibleDuplicateAlert")
class SendPossibleDuplicateAlert implements JavaDelegate {

    private final CaseSummaries summaries;
    private final GroupAddresses addresses;
    private final Mailer mailer;
    private final String baseUrl;

    SendPossibleDuplicateAlert(CaseSummaries summaries, GroupAddresses addresses, Mailer mailer,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.summaries = summaries;
        this.addresses = addresses;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString((String) execution.getVariable(NotificationVariables.CASE_ID));
        String notificationId = (String) execution.getVariable(NotificationVariables.NOTIFICATION_ID);
        CaseSummaries.CaseSummary matched = summaries.of(caseId);
        String subject = "Child death notification: possible duplicate of " + matched.reference();
        String body = """
                A child death has been notified that matches open case %s on %s.
                The SPOC will merge it into that case or confirm it as a different death.

                Case page: %s/cases/%s
                """.formatted(matched.reference(), execution.getVariable(NotificationVariables.MATCHED_ON), baseUrl,
                caseId);
        mailer.send(new Mailer.Email(caseId, "POSSIBLE_DUPLICATE:" + notificationId,
                addresses.of(Role.DESIGNATED_DOCTOR.groupId()), subject, body));
    }
}
