package uk.cdr.mail;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/**
 * Sends the processes' emails and records each one against its case. Called from async jobs that
 * may run twice: a recipient already recorded for this case and kind is not sent the email again.
 * Each recipient is recorded as soon as the server has taken their email, committed at once
 * ({@link SentEmails}): when a later recipient fails, the job's transaction rolls back and the engine retries, and
 * the retry must not mail the earlier ones again. A send failure is thrown, so the engine retries
 * and finally raises an incident.
 */
@Component
public class Mailer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final JdbcClient jdbc;
    private final SentEmails sentEmails;
    private final String from;

    Mailer(JavaMailSender sender, JdbcClient jdbc, SentEmails sentEmails,
            @Value("${cdr.mail.from:child-death-review@localhost}") String from) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.sentEmails = sentEmails;
        this.from = from;
    }

    /** A calendar invitation or similar file sent along with the text. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public record Email(UUID caseId, String kind, List<String> recipients, String subject, String body,
            Attachment attachment) {

        public Email(UUID caseId, String kind, List<String> recipients, String subject, String body) {
            this(caseId, kind, recipients, subject, body, null);
        }
    }

    public void send(Email email) {
        if (email.recipients().isEmpty()) {
            throw new IllegalStateException("No recipient for " + email.kind() + ": add an email address in Admin");
        }
        for (String recipient : email.recipients()) {
            if (alreadySent(email, recipient)) {
                continue;
            }
            if (email.attachment() == null) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(recipient);
                message.setSubject(email.subject());
                message.setText(email.body());
                deliver(() -> sender.send(message), email);
            } else {
                sendWithAttachment(email, recipient);
            }
            sentEmails.record(email, recipient);
        }
    }

    private void sendWithAttachment(Email email, String recipient) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(email.subject());
            helper.setText(email.body());
            Attachment attachment = email.attachment();
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the email " + email.kind(), e);
        }
        deliver(() -> sender.send(message), email);
    }

    /**
     * The mail server's refusal names the recipient, and what a failing job throws is kept by the
     * engine (job, incident, stack trace): the engine gets the failure without the address, the
     * app's log the whole of it.
     */
    private void deliver(Runnable send, Email email) {
        try {
            send.run();
        } catch (org.springframework.mail.MailException e) {
            LOG.warn("Email {} for case {} not sent", email.kind(), email.caseId(), e);
            // The case page tells the SPOC which it was (uk.cdr.casefile.WaitingEmails): the words are its key.
            String what = unreachable(e) ? UNREACHABLE + " to send the email " : REFUSED + " the email ";
            throw new IllegalStateException(what + email.kind() + " (" + e.getClass().getSimpleName()
                    + "); the app's log has the details");
        }
    }

    /** How a failed job's message begins when the mail server could not be reached at all. */
    public static final String UNREACHABLE = "Could not reach the mail server";
    /** How a failed job's message begins when the mail server was reached and refused the email. */
    public static final String REFUSED = "The mail server refused";

    /** No connection (down, wrong host or port, timed out), as opposed to a server that answered no. */
    private static boolean unreachable(org.springframework.mail.MailException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Mail server connection failed")) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "case_id is not distinct from ?" would say the same in one query, but PostgreSQL cannot look
     * it up in uk_sent_email: every email would read every email ever sent.
     */
    private boolean alreadySent(Email email, String recipient) {
        String ofCase = email.caseId() == null ? "case_id is null" : "case_id = :caseId";
        return jdbc.sql("select count(*) from sent_email where " + ofCase + " and kind = :kind and recipient = :recipient")
                .param("caseId", email.caseId()).param("kind", email.kind()).param("recipient", recipient)
                .query(Integer.class).single() > 0;
    }

}
