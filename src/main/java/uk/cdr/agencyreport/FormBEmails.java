package uk.cdr.agencyreport;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.mail.Mailer;

/**
 * The emails to an agency contact. Each carries a fresh personal link, and the link it replaces
 * stops working: the token exists only in the email, so a reminder cannot repeat the old one.
 * The subject never names the child. Called from async jobs: a job that failed and runs again
 * uses the same link number (the counter moves only when the job commits), so the email's kind,
 * which includes the request id and that number, stays the same and Mailer sends it once.
 */
@Component
class FormBEmails {

    static final String SYSTEM = "system";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    enum Purpose {
        REQUEST("FORM_B_REQUEST"), REMINDER("FORM_B_REMINDER"), NEW_LINK("FORM_B_NEW_LINK");

        private final String kind;

        Purpose(String kind) {
            this.kind = kind;
        }

        String kind(UUID requestId, int linkNumber) {
            return kind + ":" + requestId + ":" + linkNumber;
        }
    }

    private final FormBRequests requests;
    private final FormBTimers timers;
    private final Mailer mailer;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String baseUrl;
    private final SpocContact spoc;

    FormBEmails(FormBRequests requests, FormBTimers timers, Mailer mailer, AuditLog auditLog, Clock clock,
            @Value("${cdr.public-base-url}") String baseUrl, SpocContact spoc) {
        this.spoc = spoc;
        this.requests = requests;
        this.timers = timers;
        this.mailer = mailer;
        this.auditLog = auditLog;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    void send(UUID requestId, Purpose purpose) {
        FormBRequests.Request request = requests.find(requestId)
                .orElseThrow(() -> new IllegalStateException("no Form B request " + requestId));
        if (!request.status().open()) {
            return; // returned or withdrawn while this job waited: there is nothing left to ask for
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        int linkNumber = request.linksSent() + 1;
        String token = FormBTokens.newToken();
        OffsetDateTime expiresAt = timers.linkExpiresFrom(now);
        requests.newLink(requestId, FormBTokens.hash(token), expiresAt, linkNumber);

        String link = baseUrl + "/form-b/" + token;
        String due = DAY.format(request.dueAt().atZoneSameInstant(clock.getZone()));
        String subject = switch (purpose) {
            case REQUEST -> "Form B requested: child death review case " + request.caseReference();
            case REMINDER -> "Reminder: Form B for child death review case " + request.caseReference();
            case NEW_LINK -> "New link: Form B for child death review case " + request.caseReference();
        };
        String opening = switch (purpose) {
            case REQUEST -> """
                    The Child Death Overview Panel reviews the death of every child in its area. Your agency
                    is listed as having known the child or family, and we ask you to complete an agency
                    report (Form B).""";
            case REMINDER -> """
                    We have not yet received your agency report (Form B). Please complete it by the due date.""";
            case NEW_LINK -> """
                    Here is a new link to your agency report (Form B), as the Single Point of Contact asked.""";
        };
        String body = """
                Dear %s,

                %s

                Case reference: %s
                Agency: %s
                Due by: %s

                Your personal link (it opens this case's Form B only; please do not forward it):
                %s

                The link works until %s or until the form is submitted. It replaces any link we sent you
                before. If it has stopped working, please contact the Single Point of Contact for child
                death reviews, quoting the case reference:
                %s
                """.formatted(request.contactName() == null ? "colleague" : request.contactName(), opening.strip(),
                request.caseReference(), request.agency(), due, link,
                DAY.format(expiresAt.atZoneSameInstant(clock.getZone())), spoc.inOneLine());
        mailer.send(new Mailer.Email(request.caseId(), purpose.kind(requestId, linkNumber),
                List.of(request.contactEmail()), subject, body));
        auditLog.record(SYSTEM, AuditAction.FORM_B_LINK_SENT, request.caseReference(),
                purpose.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " to " + request.agency() + " (link "
                        + linkNumber + ")");
    }
}
