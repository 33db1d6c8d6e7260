package uk.cdr.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

import uk.cdr.casefile.WaitingEmails.Failure;
import uk.cdr.mail.Mailer;

/**
 * Issue 14: the case page said "the mail server refused it" for a job that had lost a race with
 * another change to the case. Each kind of failure is now told as what it was.
 */
class WaitingEmailFailureTest {

    @Test
    void aConflictIsNotBlamedOnTheMailServer() {
        OptimisticLockingException conflict = new OptimisticLockingException(
                "ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed. Entity was updated by another transaction concurrently.");
        assertThat(Failure.of(conflict.getMessage(), () -> null)).isEqualTo(Failure.CONFLICT);
        // Wrapped by a listener: only the stack trace names it.
        RuntimeException wrapped = new IllegalStateException("Job failed", conflict);
        assertThat(Failure.of(wrapped.getMessage(), () -> trace(wrapped))).isEqualTo(Failure.CONFLICT);
        assertThat(Failure.CONFLICT.words).doesNotContain("mail server").contains("tried again");
    }

    @Test
    void theMailersOwnWordsTellARefusalFromAServerOutOfReach() {
        assertThat(Failure.of(Mailer.REFUSED + " the email FORM_B_REQUEST (MailSendException)", () -> null))
                .isEqualTo(Failure.REFUSED);
        assertThat(Failure.of(Mailer.UNREACHABLE + " to send the email FORM_B_REQUEST (MailSendException)", () -> null))
                .isEqualTo(Failure.UNREACHABLE);
        assertThat(Failure.of("No recipient for CDOP_AGENDA: add an email address in Admin", () -> null))
                .isEqualTo(Failure.NO_RECIPIENT);
        assertThat(Failure.of("Cannot invoke \"String.trim()\" because \"x\" is null", () -> "java.lang.NullPointerException"))
                .isEqualTo(Failure.OTHER);
        assertThat(Failure.OTHER.words).doesNotContain("mail server");
    }

    private static String trace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
