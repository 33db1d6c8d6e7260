package uk.cdr.rapidresponse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** rapid-response.bpmn, as the stage starts: the case's rapid response record opens. */
@Component("openRapidResponse")
class OpenRapidResponse implements ExecutionListener {

    private final RapidResponses rapidResponses;

    OpenRapidResponse(RapidResponses rapidResponses) {
        this.rapidResponses = rapidResponses;
    }

    @Override
    public void notify(DelegateExecution execution) {
        rapidResponses.open(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }
}
