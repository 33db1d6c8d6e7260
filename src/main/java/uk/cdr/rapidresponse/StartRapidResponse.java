package uk.cdr.rapidresponse;

import static uk.cdr.rapidresponse.RapidResponseVariables.NOTIFIED_AT;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Start_RapidResponse in the notification: an unexpected death gets a rapid response. */
@Component("startRapidResponse")
class StartRapidResponse implements JavaDelegate {

    private final RapidResponses rapidResponses;

    StartRapidResponse(RapidResponses rapidResponses) {
        this.rapidResponses = rapidResponses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rapidResponses.start(CaseVariables.caseId(execution), CaseVariables.caseReference(execution),
                (Date) execution.getVariable(NOTIFIED_AT));
    }
}
