package uk.cdr.rapidresponse;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.mail.CalendarInvitation;
import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;

/** The rapid response's emails. Like all case emails they name the case, never the child. */
@Component
public class RapidResponseEmails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final Duration MEETING_LENGTH = Duration.ofHours(2);

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final GroupAddresses addresses;
    private final Clock clock;
    private final String from;
    private final String lscbChair;
    private final String baseUrl;

    RapidResponseEmails(JdbcClient jdbc, Mailer mailer, GroupAddresses addresses, Clock clock,
            @Value("${cdr.mail.from:child-death-review@localhost}") String from,
            @Value("${cdr.lscb-chair-email}") String lscbChair, @Value("${cdr.public-base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.addresses = addresses;
        this.clock = clock;
        this.from = from;
        this.lscbChair = lscbChair;
        this.baseUrl = baseUrl;
    }

    private record Meeting(UUID id, UUID caseId, String reference, MeetingKind kind, OffsetDateTime at, String place,
            List<String> invitees) {

        String title() {
            String words = kind.words();
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }


        String when() {
            return at.atZoneSameInstant(ZoneId.of("Europe/London")).format(WHEN);
        }
    }

    /** An invitation with a calendar file, to every invitee of either kind of meeting. */
    public void inviteToMeeting(UUID meetingId) {
        Meeting m = meeting(meetingId);
        String subject = m.title() + " for case " + m.reference() + ": " + m.when();
        String body = """
                You are invited to the multi-agency %s for case %s.

                When: %s
                Where: %s

                A calendar invitation is attached. Please bring what your agency knows of the child and family.
                """.formatted(m.kind().words(), m.reference(), m.when(), m.place());
        mailer.send(new Mailer.Email(m.caseId(), "MEETING_INVITE:" + meetingId, m.invitees(), subject, body,
                CalendarInvitation.of(meetingId + "@child-death-review", m.title() + ", case " + m.reference(),
                        m.place(), m.at().toInstant(), MEETING_LENGTH, clock.instant(), from)));
    }

    void remindOfMeeting(UUID meetingId) {
        Meeting m = meeting(meetingId);
        String subject = "Reminder: rapid response meeting for case " + m.reference() + " tomorrow";
        String body = """
                A reminder of the rapid response meeting for case %s.

                When: %s
                Where: %s
                """.formatted(m.reference(), m.when(), m.place());
        mailer.send(new Mailer.Email(m.caseId(), "RR_MEETING_REMINDER:" + meetingId, m.invitees(), subject, body));
    }

    void tellSpocMeetingOverdue(UUID caseId, String reference) {
        String subject = "Overdue: no rapid response meeting held for case " + reference;
        String body = """
                The rapid response meeting for case %s has not been held within the required working days
                of the notification. Please follow this up with the Designated Doctor.

                Case page: %s/cases/%s
                """.formatted(reference, baseUrl, caseId);
        mailer.send(new Mailer.Email(caseId, "RR_MEETING_OVERDUE", addresses.of(Role.SPOC.groupId()), subject, body));
    }

    void referToLscbChair(UUID caseId, String reference) {
        String subject = "Case " + reference + " may meet the Serious Case Review criteria";
        String body = """
                The rapid response meeting for case %s considered that the case may meet the criteria for a
                Serious Case Review. The case is flagged "SCR under consideration".

                The Designated Doctor or the SPOC will share the details through the usual secure route.
                """.formatted(reference);
        mailer.send(new Mailer.Email(caseId, "SCR_REFERRAL", List.of(lscbChair), subject, body));
    }

    private Meeting meeting(UUID meetingId) {
        return jdbc.sql("""
                select m.id, m.case_id, c.case_reference, m.kind, m.scheduled_at, m.place, m.invitees
                from case_meeting m join case_file c on c.id = m.case_id where m.id = ?""")
                .param(meetingId)
                .query((rs, row) -> new Meeting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), MeetingKind.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6), RapidResponses.lines(rs.getString(7))))
                .single();
    }
}
