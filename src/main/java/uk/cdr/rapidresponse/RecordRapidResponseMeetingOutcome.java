package uk.cdr.rapidresponse;

import static uk.cdr.rapidresponse.RapidResponseVariables.SCR_CRITERIA_MAY_BE_MET;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;

/** On completing Task_RecordMeetingOutcome: the meeting's record stays in the app's tables, and the SCR answer routes the process. */
@Component("recordRapidResponseMeetingOutcome")
class RecordRapidResponseMeetingOutcome implements TaskListener {

    static final List<String> MEETING_OUTCOME_TEXT = List.of("attendees", "actions");

    private final RapidResponses rapidResponses;
    private final WhoIsCompleting who;

    RecordRapidResponseMeetingOutcome(RapidResponses rapidResponses, WhoIsCompleting who) {
        this.rapidResponses = rapidResponses;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        rapidResponses.recordMeetingOutcome(CaseVariables.caseId(task), CaseVariables.caseReference(task),
                rapidResponses.meetingOf(CaseVariables.caseId(task), MeetingKind.RAPID_RESPONSE), new RapidResponses.MeetingOutcome(
                        FormAnswers.text(task, "attendees"), FormAnswers.text(task, "actions"), FormAnswers.yes(task, SCR_CRITERIA_MAY_BE_MET)),
                who.of(task));
        MEETING_OUTCOME_TEXT.forEach(task.getExecution()::removeVariable);
    }
}
