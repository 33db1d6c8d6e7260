package uk.cdr.review2018;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.WhoIsCompleting;

/** On completing Task_NotifyNationalPanel: the day the local authority notified the Child Safeguarding Practice Review Panel. */
@Component("recordNationalPanelNotification")
class RecordNationalPanelNotification implements TaskListener {

    private final Reviews2018 reviews;
    private final WhoIsCompleting who;
    private final Clock clock;

    RecordNationalPanelNotification(Reviews2018 reviews, WhoIsCompleting who, Clock clock) {
        this.reviews = reviews;
        this.who = who;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Answers a = new Answers(task);
        LocalDate on = a.dayDone("nationalPanelNotifiedOn", clock);
        a.refuseIfAnyBroken();
        reviews.recordNationalPanelNotified(CaseVariables.caseId(task), CaseVariables.caseReference(task), on, who.of(task));
    }
}
