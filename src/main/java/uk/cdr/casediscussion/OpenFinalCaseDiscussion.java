package uk.cdr.casediscussion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/**
 * final-case-discussion.bpmn, as the stage starts: its record opens, and the first gateway learns
 * whether post-mortem results are still awaited.
 */
@Component("openFinalCaseDiscussion")
class OpenFinalCaseDiscussion implements ExecutionListener {

    private final FinalCaseDiscussions discussions;

    OpenFinalCaseDiscussion(FinalCaseDiscussions discussions) {
        this.discussions = discussions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        boolean awaited = discussions.open(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
        execution.setVariable(FinalCaseDiscussionVariables.RESULTS_AWAITED, awaited);
    }
}
