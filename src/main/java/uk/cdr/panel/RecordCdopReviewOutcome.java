package uk.cdr.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;

/** On completing Task_ReviewCase: the panel's decision is kept in the app's tables, and a deferral sets Timer_ReviewBy. */
@Component("recordCdopReviewOutcome")
class RecordCdopReviewOutcome implements TaskListener {

    private final CdopReviews reviews;
    private final WhoIsCompleting who;

    RecordCdopReviewOutcome(CdopReviews reviews, WhoIsCompleting who) {
        this.reviews = reviews;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        List<FieldError> unreadable = new ArrayList<>();
        LocalDate reviewBy = FormAnswers.date(task, "reviewBy", (f, r) -> unreadable.add(new FieldError(f, r)));
        if (!unreadable.isEmpty()) {
            throw new InvalidAnswers(unreadable);
        }
        String outcome = FormAnswers.text(task, "outcome");
        reviews.decide(reviews.ofProcess(task.getProcessInstanceId()).id(), outcome,
                FormAnswers.text(task, "deferralReason"), FormAnswers.text(task, "deferralDetail"), reviewBy,
                FormAnswers.text(task, "specialistsAttending"), who.of(task));
        // What the panel wrote stays in the app's tables, not in the engine.
        task.getExecution().removeVariable("deferralDetail");
        task.getExecution().removeVariable("specialistsAttending");
        if ("deferred".equals(outcome)) {
            task.getExecution().setVariable("reviewByAt", java.util.Date.from(reviewBy.atTime(9, 0)
                    .atZone(java.time.ZoneId.of("Europe/London")).toInstant()));
        }
    }
}
