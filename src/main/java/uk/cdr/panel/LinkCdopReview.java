package uk.cdr.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** cdop-review.bpmn, as a review's process starts: the review's row learns its process, which finds it there. */
@Component("linkCdopReview")
class LinkCdopReview implements ExecutionListener {

    private final CdopReviews reviews;

    LinkCdopReview(CdopReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reviews.processStarted(CaseVariables.caseReference(execution), execution.getProcessInstanceId());
    }
}
