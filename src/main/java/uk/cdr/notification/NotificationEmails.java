package uk.cdr.notification;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/**
 * The notification stage's emails. They carry the case reference, age, place and the notifier's
 * view, never the child's name, address or NHS number: email is not a place for those.
 */
@Component
class NotificationEmails {

    static final String DESIGNATED_DOCTOR_ALERT = "DESIGNATED_DOCTOR_ALERT";
    static final String CLASSIFICATION_OVERDUE = "CLASSIFICATION_OVERDUE";

    private final CaseSummaries summaries;
    private final GroupAddresses addresses;
    private final Mailer mailer;
    private final String baseUrl;

    NotificationEmails(CaseSummaries summaries, GroupAddresses addresses, Mailer mailer,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.summaries = summaries;
        this.addresses = addresses;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    void alertDesignatedDoctor(UUID caseId) {
        CaseSummaries.CaseSummary c = summaries.of(caseId);
        String subject = "Child death notification " + c.reference() + " (notifier's view: "
                + Codes.label(c.notifiedExpected()).toLowerCase(java.util.Locale.UK) + ")";
        String body = """
                A child death has been notified.

                Case reference: %s
                Age at death: %s
                Place of death: %s
                Notifier's view: %s
                Notified by: %s%s

                Case page: %s/cases/%s
                Please confirm whether the death was expected or unexpected in Tasklist:
                %s/camunda/app/tasklist/default/
                """.formatted(c.reference(), c.age(), Codes.label(c.placeOfDeath()), Codes.label(c.notifiedExpected()),
                c.notifierOrganisation(), c.outOfHours() ? "\nReceived out of hours." : "", baseUrl, caseId, baseUrl);
        mailer.send(new Mailer.Email(caseId, DESIGNATED_DOCTOR_ALERT, addresses.of(Role.DESIGNATED_DOCTOR.groupId()),
                subject, body));
    }

    void tellSpocClassificationOverdue(UUID caseId) {
        CaseSummaries.CaseSummary c = summaries.of(caseId);
        String subject = "Overdue: expected/unexpected not yet confirmed for " + c.reference();
        String body = """
                The Designated Doctor has not yet confirmed whether the death in case %s was expected or
                unexpected. Please follow this up with the Designated Doctor.

                Case page: %s/cases/%s
                """.formatted(c.reference(), baseUrl, caseId);
        mailer.send(new Mailer.Email(caseId, CLASSIFICATION_OVERDUE, addresses.of(Role.SPOC.groupId()), subject, body));
    }

    /** Every notification reaches the doctor at once, a possible duplicate too: it may be news of a second death. */
    void alertPossibleDuplicate(UUID matchedCaseId, String notificationId, String matchedOn) {
        CaseSummaries.CaseSummary matched = summaries.of(matchedCaseId);
        String subject = "Child death notification: possible duplicate of " + matched.reference();
        String body = """
                A child death has been notified that matches open case %s on %s.
                The SPOC will merge it into that case or confirm it as a different death.

                Case page: %s/cases/%s
                """.formatted(matched.reference(), matchedOn, baseUrl, matchedCaseId);
        mailer.send(new Mailer.Email(matchedCaseId, "POSSIBLE_DUPLICATE:" + notificationId,
                addresses.of(Role.DESIGNATED_DOCTOR.groupId()), subject, body));
    }
}
