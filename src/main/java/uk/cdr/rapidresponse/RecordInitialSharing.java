package uk.cdr.rapidresponse;

import static uk.cdr.rapidresponse.RapidResponseVariables.CONVENE_MEETING;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;

/** On completing Task_InitialInformationSharing: the doctor's free text belongs in the app's tables, not the engine. */
@Component("recordInitialSharing")
class RecordInitialSharing implements TaskListener {

    static final List<String> INITIAL_SHARING_TEXT = List.of("participants", "agreed", "siblingsSafeguarding");

    private final RapidResponses rapidResponses;
    private final WhoIsCompleting who;

    RecordInitialSharing(RapidResponses rapidResponses, WhoIsCompleting who) {
        this.rapidResponses = rapidResponses;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        List<FieldError> unreadable = new java.util.ArrayList<>();
        rapidResponses.recordInitialSharing(CaseVariables.caseId(task), CaseVariables.caseReference(task), new RapidResponses.InitialSharing(
                FormAnswers.text(task, "participants"), FormAnswers.text(task, "agreed"), FormAnswers.text(task, "homeVisit"),
                FormAnswers.text(task, "siblingsSafeguarding"), FormAnswers.text(task, "referredToSocialCare"),
                FormAnswers.yes(task, CONVENE_MEETING), FormAnswers.yes(task, "startedEarlier"), FormAnswers.date(task, "startedEarlierOn", (f, r) -> unreadable.add(new FieldError(f, r)))),
                who.of(task));
        INITIAL_SHARING_TEXT.forEach(task.getExecution()::removeVariable);
    }
}
