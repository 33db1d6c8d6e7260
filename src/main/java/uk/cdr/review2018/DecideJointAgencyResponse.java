package uk.cdr.review2018;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.WhoIsCompleting;

/**
 * On completing Task_DecideJointAgencyResponse: the doctor's answers are checked against the guidance's
 * rule (a Joint Agency Response exactly when a criterion is met), and who decided is kept for the record.
 */
@Component("decideJointAgencyResponse")
class DecideJointAgencyResponse implements TaskListener {

    static final String DECIDED_BY = "jointAgencyResponseDecidedBy";

    private final WhoIsCompleting who;

    DecideJointAgencyResponse(WhoIsCompleting who) {
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        Reviews2018.Decision decision = JointAgencyResponseAnswers.read(task);
        task.getExecution().setVariable(DECIDED_BY, who.of(task));
        task.getExecution().setVariable("classifiedBy", who.of(task));
        task.getExecution().setVariable("jointAgencyResponse", decision.jointAgencyResponse() ? "yes" : "no");
    }
}
