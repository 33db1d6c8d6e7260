package uk.cdr.review2018;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.WhoIsCompleting;

/** On completing Task_RapidReview: the day the rapid review was completed, and whether a local review will be held. */
@Component("recordRapidReview")
class RecordRapidReview implements TaskListener {

    private final Reviews2018 reviews;
    private final WhoIsCompleting who;
    private final Clock clock;

    RecordRapidReview(Reviews2018 reviews, WhoIsCompleting who, Clock clock) {
        this.reviews = reviews;
        this.who = who;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Answers a = new Answers(task);
        LocalDate on = a.dayDone("rapidReviewCompletedOn", clock);
        boolean localReview = a.yesOrNo("localReviewDecided");
        a.refuseIfAnyBroken();
        reviews.recordRapidReview(CaseVariables.caseId(task), CaseVariables.caseReference(task), on, localReview,
                who.of(task));
    }
}
