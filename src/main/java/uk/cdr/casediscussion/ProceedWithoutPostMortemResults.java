package uk.cdr.casediscussion;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;

/** On completing Task_AwaitPostMortemResults: going ahead without the results is a decision the case file must keep, with its reason. */
@Component("proceedWithoutPostMortemResults")
class ProceedWithoutPostMortemResults implements TaskListener {

    private final FinalCaseDiscussions discussions;
    private final WhoIsCompleting who;

    ProceedWithoutPostMortemResults(FinalCaseDiscussions discussions, WhoIsCompleting who) {
        this.discussions = discussions;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        discussions.proceedWithoutResults(CaseVariables.caseId(task), CaseVariables.caseReference(task), FormAnswers.text(task, "proceedReason"),
                who.of(task));
        task.getExecution().removeVariable("proceedReason");
    }
}
