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

/**
 * Send_PanelAgenda: days before the meeting the panel gets its agenda, the cases by reference,
 * anonymised like everything they see. An agenda with no case is not sent: it goes when the first
 * case is assigned. A case assigned after it went out sends it again, marked updated.
 */
@Component("sendPanelAgenda")
class SendPanelAgenda implements JavaDelegate {

    /** How many agendas this meeting's panel has been sent: a count, nothing personal. */
    static final String AGENDAS_SENT = "agendasSent";

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
        // An assignment waits while the agenda goes, and the agenda waits for an assignment under way.
        meetings.takeTurn(meetingId);
        PanelMeetings.Meeting meeting = meetings.meeting(meetingId).orElseThrow();
        List<QueuedCase> agenda = meetings.agenda(meetingId);
        Integer counted = (Integer) execution.getVariable(AGENDAS_SENT);
        int sent = counted == null ? 0 : counted;
        if (agenda.isEmpty() && sent == 0) {
            return; // nothing to review yet: the first case assigned sends the agenda
        }
        boolean updated = sent > 0;
        String lines = agenda.isEmpty() ? "No case is on the agenda any more." : agenda.stream()
                .map(c -> "- " + c.caseReference() + ": died in " + c.monthOfDeath() + ", aged " + c.ageBand()
                        + (c.neonatal() ? " (neonatal)" : ""))
                .collect(Collectors.joining("\n"));
        String kind = meeting.kind() == PanelMeetings.Kind.NEONATAL ? "special neonatal panel" : "panel meeting";
        // Each agenda its own kind, so a retried job sends none twice and an update is not taken for the first.
        mailer.send(new Mailer.Email(null, "PANEL_AGENDA:" + meetingId + (updated ? ":" + (sent + 1) : ""),
                addresses.of(Role.CDOP_PANEL.groupId()),
                "CDOP " + kind + " on " + UkDates.inWords(meeting.heldOn()) + ": agenda" + (updated ? " (updated)" : ""), """
                %sThe CDOP %s on %s at %s will review these cases:

                %s

                The meeting page has each case's summary, its Form B returns and the draft Form C:
                %s/cdop/meetings/%s
                """.formatted(updated ? "The agenda has changed since it was sent: this one replaces it.\n\n" : "",
                        kind, UkDates.inWords(meeting.heldOn()), meeting.place(), lines, baseUrl, meetingId)));
        execution.setVariable(AGENDAS_SENT, sent + 1);
    }
}
