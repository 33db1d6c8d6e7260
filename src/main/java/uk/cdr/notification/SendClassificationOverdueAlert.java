package uk.cdr.notification;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/** Tells the SPOC that the Designated Doctor has not confirmed expected/unexpected in time. */
@Component("sendClassificationOverdueAlert")
class SendClassificationOverdueAlert implements JavaDelegate {

    static final String KIND = "CLASSIFICATION_OVERDUE";

    private final CaseSummaries summaries;
    private final GroupAddresses addresses;
    private final Mailer mailer;
    private final String baseUrl;

    SendClassificationOverdueAlert(CaseSummaries summaries, GroupAddresses addresses, Mailer mailer,
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
        String subject = "Overdue: expected/unexpected not yet confirmed for " + c.reference();
        String body = """
                The Designated Doctor has not yet confirmed whether the death in case %s was expected or
                unexpected. Please follow this up with the Designated Doctor.

                Tasklist: %s/camunda/app/tasklist/default/
                """.formatted(c.reference(), baseUrl);
        mailer.send(new Mailer.Email(caseId, KIND, addresses.of(Role.SPOC.groupId()), subject, body));
    }
}
