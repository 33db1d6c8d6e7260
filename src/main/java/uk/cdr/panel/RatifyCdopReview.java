package uk.cdr.panel;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;

/** On completing Task_RatifyReview: only the chair's ticked ratification may close the case; anything else rolls the completion back. */
@Component("ratifyCdopReview")
class RatifyCdopReview implements TaskListener {

    private final CdopReviews reviews;
    private final WhoIsCompleting who;

    RatifyCdopReview(CdopReviews reviews, WhoIsCompleting who) {
        this.reviews = reviews;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(FormAnswers.yes(task, "ratified"))) {
            throw new InvalidAnswers(List.of(new FieldError("ratified", "must be ticked to ratify the review")));
        }
        reviews.ratify(reviews.ofProcess(task.getProcessInstanceId()).id(), who.of(task));
    }
}
