package uk.cdr.casediscussion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Start_FinalCaseDiscussion in the rapid response, as it ends: every case with a rapid response gets one. */
@Component("startFinalCaseDiscussion")
class StartFinalCaseDiscussion implements JavaDelegate {

    private final FinalCaseDiscussions discussions;

    StartFinalCaseDiscussion(FinalCaseDiscussions discussions) {
        this.discussions = discussions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        discussions.start(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }
}
