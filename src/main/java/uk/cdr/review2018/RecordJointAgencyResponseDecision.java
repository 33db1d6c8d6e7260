package uk.cdr.review2018;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Record_JointAgencyResponseDecision: the decision and the classification into the case file, after the task. */
@Component("recordJointAgencyResponseDecision")
class RecordJointAgencyResponseDecision implements JavaDelegate {

    private final Reviews2018 reviews;

    RecordJointAgencyResponseDecision(Reviews2018 reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.recordDecision(CaseVariables.caseId(execution), CaseVariables.caseReference(execution),
                JointAgencyResponseAnswers.read(execution),
                (String) execution.getVariable(DecideJointAgencyResponse.DECIDED_BY));
    }
}
