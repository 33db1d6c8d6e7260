package uk.cdr.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the processes' emails and records each one against its case. Called from async jobs that
 * may run twice: a recipient already recorded for this case and kind is not sent the email again.
 * A send failure is thrown, so the engine retries and finally raises an incident.
 */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String from;

    public Mailer(JavaMailSender sender, JdbcClient jdbc, Clock clock,
            @Value("${cdr.mail.from:child-death-review@localhost}") String from) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
        this.from = from;
    }

    public record Email(UUID caseId, String kind, List<String> recipients, String subject, String body) {
    }

    public void send(Email email) {
        if (email.recipients().isEmpty()) {
            throw new IllegalStateException("No recipient for " + email.kind() + ": add an email address in Admin");
        }
        for (String recipient : email.recipients()) {
            if (alreadySent(email, recipient)) {
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(recipient);
            message.setSubject(email.subject());
            message.setText(email.body());
            sender.send(message);
            jdbc.sql("insert into sent_email (case_id, kind, recipient, subject, sent_at) values (?, ?, ?, ?, ?)")
                    .params(email.caseId(), email.kind(), recipient, email.subject(), OffsetDateTime.now(clock))
                    .update();
        }
    }

    private boolean alreadySent(Email email, String recipient) {
        return jdbc.sql("select count(*) from sent_email where case_id = ? and kind = ? and recipient = ?")
                .params(email.caseId(), email.kind(), recipient).query(Integer.class).single() > 0;
    }
}
