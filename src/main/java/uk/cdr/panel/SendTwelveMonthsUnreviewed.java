package uk.cdr.panel;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.mail.Mailer;

/** Send_TwelveMonthsToChair: the case is still unreviewed 12 months after the death, so it is escalated to the CDOP chair. */
@Component("sendTwelveMonthsUnreviewed")
class SendTwelveMonthsUnreviewed implements JavaDelegate {

    private final Mailer mailer;
    private final String chair;
    private final String baseUrl;

    SendTwelveMonthsUnreviewed(Mailer mailer, @Value("${cdr.cdop-chair-email}") String chair,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.mailer = mailer;
        this.chair = chair;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = CaseVariables.caseReference(execution);
        mailer.send(new Mailer.Email(CaseVariables.caseId(execution), "CDOP_TWELVE_MONTHS",
                List.of(chair), "Case " + reference + " unreviewed 12 months after the death", """
                Case %s has still not been reviewed by the CDOP 12 months after the death.
                CDOP case queue: %s/cdop/queue
                """.formatted(reference, baseUrl)));
    }
}
