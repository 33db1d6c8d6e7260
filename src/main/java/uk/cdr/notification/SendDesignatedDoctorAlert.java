package uk.cdr.notification;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/** Tells every Designated Doctor of a notification at once. The subject never names the child. */
@Component("sendDesignatedDoctorAlert")
class SendDesignatedDoctorAlert implements JavaDelegate {

    static final String KIND = "DESIGNATED_DOCTOR_ALERT";

    private final CaseSummaries summaries;
    private final GroupAddresses addresses;
    private final Mailer mailer;
    private final String baseUrl;

    SendDesignatedDoctorAlert(CaseSummaries summaries, GroupAddresses addresses, Mailer mailer,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.summaries = summaries;
        this.addresses = addresses;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString((String) execution.getVariable(NotificationVariables.CASE_ID));
        CaseSummaries.CaseSummary c = summaries.of(caseId);
        String subject = "Child death notification " + c.reference() + " (notifier's view: " + c.notifiedExpected() + ")";
        String body = """
                A child death has been notified.

                Case reference: %s
                Age at death: %s
                Place of death: %s
                Notifier's view: %s
                Notified by: %s%s

                Please confirm whether the death was expected or unexpected:
                %s/camunda/app/tasklist/default/
                """.formatted(c.reference(), c.age(), c.placeOfDeath(), c.notifiedExpected(),
                c.notifierOrganisation(), c.outOfHours() ? "\nReceived out of hours." : "", baseUrl);
        mailer.send(new Mailer.Email(caseId, KIND, addresses.of(Role.DESIGNATED_DOCTOR.groupId()), subject, body));
    }
}
