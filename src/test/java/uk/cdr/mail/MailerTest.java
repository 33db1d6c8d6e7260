package uk.cdr.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.cdr.support.IntegrationTest;
import uk.cdr.support.SharedMailServer;

/**
 * An email to several recipients, sent by a job that may fail and be retried: a recipient who got
 * it is never mailed again, even when a later recipient's failure rolled the job's transaction back.
 */
class MailerTest extends IntegrationTest {

    @Autowired
    Mailer mailer;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRetryAfterOneRecipientFailedDoesNotMailTheOthersAgain() {
        String kind = "MAILER_TEST_" + UUID.randomUUID();
        String reached = "reached-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.example";
        // An address the server can never take: the job fails at the second recipient, every time.
        Mailer.Email email = new Mailer.Email(null, kind, List.of(reached, "no address at all"), "Test " + kind, "Body");
        TransactionTemplate job = new TransactionTemplate(transactions);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> job.executeWithoutResult(t -> mailer.send(email)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(kind)
                    .hasMessageNotContaining("no address at all");
        }
        long received = Arrays.stream(SharedMailServer.instance().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("Test " + kind);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(received).as("emails to the first recipient after three attempts").isEqualTo(1);
    }
}
