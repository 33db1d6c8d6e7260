package uk.cdr.panel;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/** A case still unreviewed 6 months after the death: the SPOC is told; at 12 months the CDOP chair. */
@Configuration(proxyBeanMethods = false)
class ReviewTargetEmails {

    @Bean
    JavaDelegate sendSixMonthsUnreviewed(Mailer mailer, GroupAddresses addresses, @Value("${cdr.public-base-url}") String baseUrl) {
        return execution -> {
            String reference = uk.cdr.config.CaseVariables.caseReference(execution);
            mailer.send(new Mailer.Email(uk.cdr.config.CaseVariables.caseId(execution), "CDOP_SIX_MONTHS",
                    addresses.of(Role.SPOC.groupId()), "Case " + reference + " not yet reviewed 6 months after the death",
                    """
                    Case %s has not been reviewed by the CDOP within 6 months of the death.
                    See what it is waiting for in the CDOP case queue: %s/cdop/queue
                    """.formatted(reference, baseUrl)));
        };
    }

    @Bean
    JavaDelegate sendTwelveMonthsUnreviewed(Mailer mailer, @Value("${cdr.cdop-chair-email}") String chair,
            @Value("${cdr.public-base-url}") String baseUrl) {
        return execution -> {
            String reference = uk.cdr.config.CaseVariables.caseReference(execution);
            mailer.send(new Mailer.Email(uk.cdr.config.CaseVariables.caseId(execution), "CDOP_TWELVE_MONTHS",
                    List.of(chair), "Case " + reference + " unreviewed 12 months after the death", """
                    Case %s has still not been reviewed by the CDOP 12 months after the death.
                    CDOP case queue: %s/cdop/queue
                    """.formatted(reference, baseUrl)));
        };
    }
}
