package uk.cdr.casediscussion;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.rapidresponse.MeetingKind;
import uk.cdr.rapidresponse.RapidResponses;

/** On completing Task_RecordFinalCaseDiscussion: the draft Form C the CDOP will review is kept in the app's tables, not the engine. */
@Component("recordFinalCaseDiscussion")
class RecordFinalCaseDiscussion implements TaskListener {

    static final List<String> OUTCOME_TEXT = List.of("attendees", "learningPoints");

    private final FinalCaseDiscussions discussions;
    private final RapidResponses rapidResponses;
    private final WhoIsCompleting who;

    RecordFinalCaseDiscussion(FinalCaseDiscussions discussions, RapidResponses rapidResponses, WhoIsCompleting who) {
        this.discussions = discussions;
        this.rapidResponses = rapidResponses;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        discussions.recordHeld(CaseVariables.caseId(task), CaseVariables.caseReference(task),
                rapidResponses.meetingOf(CaseVariables.caseId(task), MeetingKind.FINAL_CASE_DISCUSSION),
                new FinalCaseDiscussions.DraftFormC(FormAnswers.text(task, "attendees"), FormAnswers.text(task, "domainChild"),
                        FormAnswers.text(task, "domainFamily"), FormAnswers.text(task, "domainParenting"), FormAnswers.text(task, "domainServices"),
                        FormAnswers.text(task, "proposedCategory"), FormAnswers.text(task, "proposedModifiable"), FormAnswers.text(task, "learningPoints")),
                who.of(task));
        OUTCOME_TEXT.forEach(task.getExecution()::removeVariable);
    }
}
