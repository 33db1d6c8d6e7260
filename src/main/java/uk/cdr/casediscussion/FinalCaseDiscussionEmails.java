package uk.cdr.casediscussion;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/** The final case discussion's reminder to the doctor (10 weeks) and escalation to the SPOC (12 weeks). */
@Component
class FinalCaseDiscussionEmails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Mailer mailer;
    private final GroupAddresses addresses;
    private final FinalCaseDiscussionTimers timers;
    private final String baseUrl;

    FinalCaseDiscussionEmails(Mailer mailer, GroupAddresses addresses, FinalCaseDiscussionTimers timers,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.mailer = mailer;
        this.addresses = addresses;
        this.timers = timers;
        this.baseUrl = baseUrl;
    }

    void remindDoctor(UUID caseId, String reference, Date dateOfDeath) {
        String target = day(timers.targetAt(dateOfDeath));
        mailer.send(new Mailer.Email(caseId, "FCD_REMINDER", addresses.of(Role.DESIGNATED_DOCTOR.groupId()),
                "Final case discussion for case " + reference + " due by " + target, """
                The final case discussion for case %s should be held by %s (12 weeks after the death).

                Case page: %s/cases/%s
                """.formatted(reference, target, baseUrl, caseId)));
    }

    void tellSpocOverdue(UUID caseId, String reference) {
        mailer.send(new Mailer.Email(caseId, "FCD_OVERDUE", addresses.of(Role.SPOC.groupId()),
                "Overdue: final case discussion for case " + reference, """
                The final case discussion for case %s has not been completed within 12 weeks of the death.
                Please follow this up with the Designated Doctor.

                Case page: %s/cases/%s
                """.formatted(reference, baseUrl, caseId)));
    }

    private static String day(Date date) {
        return date.toInstant().atZone(ZoneId.of("Europe/London")).format(DAY);
    }
}
