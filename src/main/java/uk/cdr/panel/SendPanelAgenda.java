package uk.cdr.panel;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.security.Role;
import uk.cdr.web.UkDates;

/** Send_PanelAgenda: days before the meeting the panel gets its agenda, the cases by reference, anonymised like everything they see. */
@Component("sendPanelAgenda")
class SendPanelAgenda implements JavaDelegate {

    private final PanelMeetings meetings;
    private final GroupAddresses addresses;
    private final Mailer mailer;
    private final String baseUrl;

    SendPanelAgenda(PanelMeetings meetings, GroupAddresses addresses, Mailer mailer,
            @Value("${cdr.public-base-url}") String baseUrl) {
        this.meetings = meetings;
        this.addresses = addresses;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The meeting's process is keyed by the meeting's id.
        UUID meetingId = UUID.fromString(execution.getProcessBusinessKey());
        PanelMeetings.Meeting meeting = meetings.meeting(meetingId).orElseThrow();
        List<QueuedCase> agenda = meetings.agenda(meetingId);
        String lines = agenda.isEmpty() ? "No case has been assigned yet." : agenda.stream()
                .map(c -> "- " + c.caseReference() + ": died in " + c.monthOfDeath() + ", aged " + c.ageBand()
                        + (c.neonatal() ? " (neonatal)" : ""))
                .collect(Collectors.joining("\n"));
        String kind = meeting.kind() == PanelMeetings.Kind.NEONATAL ? "special neonatal panel" : "panel meeting";
        mailer.send(new Mailer.Email(null, "PANEL_AGENDA:" + meetingId, addresses.of(Role.CDOP_PANEL.groupId()),
                "CDOP " + kind + " on " + UkDates.inWords(meeting.heldOn()) + ": agenda", """
                The CDOP %s on %s at %s will review these cases:

                %s

                The meeting page has each case's summary, its Form B returns and the draft Form C:
                %s/cdop/meetings/%s
                """.formatted(kind, UkDates.inWords(meeting.heldOn()), meeting.place(), lines, baseUrl, meetingId)));
    }
}
