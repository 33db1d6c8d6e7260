package uk.cdr.review2018;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.WhoIsCompleting;

/** On completing Task_NameKeyWorker: the family's key worker into the case file, not the engine's variables. */
@Component("nameKeyWorker")
class NameKeyWorker implements TaskListener {

    private static final List<String> TEXT = List.of("keyWorkerName", "keyWorkerRole", "keyWorkerContact");

    private final Reviews2018 reviews;
    private final WhoIsCompleting who;

    NameKeyWorker(Reviews2018 reviews, WhoIsCompleting who) {
        this.reviews = reviews;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        Answers a = new Answers(task);
        Reviews2018.KeyWorker keyWorker = new Reviews2018.KeyWorker(a.line("keyWorkerName", 200),
                a.line("keyWorkerRole", 200), a.line("keyWorkerContact", 200), a.yesOrNo("familiesGuideOffered"));
        a.refuseIfAnyBroken();
        reviews.recordKeyWorker(CaseVariables.caseId(task), CaseVariables.caseReference(task), keyWorker, who.of(task));
        TEXT.forEach(task.getExecution()::removeVariable);
    }
}
