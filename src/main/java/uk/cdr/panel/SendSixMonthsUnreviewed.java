package uk.cdr.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/** Send_SixMonthsToSpoc: the case is still unreviewed 6 months after the death, so the SPOC is told. */
@Component("sendSixMonthsUnreviewed")
class SendSixMonthsUnreviewed implements JavaDelegate {

    private final Mailer mailer;
    private final GroupAddresses addresses;
    private final String baseUrl;

    SendSixMonthsUnreviewed(Mailer mailer, GroupAddresses addresses, @Value("${cdr.public-base-url}") String baseUrl) {
        this.mailer = mailer;
        this.addresses = addresses;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = CaseVariables.caseReference(execution);
        mailer.send(new Mailer.Email(CaseVariables.caseId(execution), "CDOP_SIX_MONTHS",
                addresses.of(Role.SPOC.groupId()), "Case " + reference + " not yet reviewed 6 months after the death",
                """
                Case %s has not been reviewed by the CDOP within 6 months of the death.
                See what it is waiting for in the CDOP case queue: %s/cdop/queue
                """.formatted(reference, baseUrl)));
    }
}
