package uk.cdr.review2018;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Record_JointAgencyResponseDecision: the decision and the classification into the case file, after the task. */
@Component("recordJointAgencyResponseDecision")
class RecordJointAgencyResponseDecision implements JavaDelegate {

    private final Reviews2018 reviews;
    private final SupplementaryForms supplementaryForms;

    RecordJointAgencyResponseDecision(Reviews2018 reviews, SupplementaryForms supplementaryForms) {
        this.reviews = reviews;
        this.supplementaryForms = supplementaryForms;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Reviews2018.Decision decision = JointAgencyResponseAnswers.read(execution);
        reviews.recordDecision(CaseVariables.caseId(execution), CaseVariables.caseReference(execution), decision,
                (String) execution.getVariable(DecideJointAgencyResponse.DECIDED_BY));
        supplementaryForms.suggest(CaseVariables.caseId(execution), decision);
    }
}
