package uk.cdr.casediscussion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Record_FinalCaseDiscussionDone: the case file records the stage as done, so the case can join the CDOP queue. */
@Component("markFinalCaseDiscussionDone")
class MarkFinalCaseDiscussionDone implements JavaDelegate {

    private final FinalCaseDiscussions discussions;

    MarkFinalCaseDiscussionDone(FinalCaseDiscussions discussions) {
        this.discussions = discussions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        discussions.finalCaseDiscussionDone(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }
}
