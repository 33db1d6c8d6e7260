package uk.cdr.panel;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The meeting day ends the meeting's agenda process; an assignment made at that moment tells the
 * same process its agenda changed. The end waits for an assignment under way, and an assignment
 * for the end, as the agenda job does ({@link PanelMeetings#takeTurn}).
 */
@Component("meetingDayTakesItsTurn")
class MeetingDayTakesItsTurn implements ExecutionListener {

    private final PanelMeetings meetings;

    MeetingDayTakesItsTurn(PanelMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // The meeting's process is keyed by the meeting's id.
        meetings.takeTurn(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
