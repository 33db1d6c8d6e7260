package uk.cdr.bereavement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.RefusedAnswers;
import uk.cdr.config.WhoIsCompleting;

/** On completing Task_BereavementSupport: the nurse's answers go to the case's record, not the engine's variables. */
@Component("recordBereavementSupport")
class RecordBereavementSupport implements TaskListener {

    static final List<String> FIELDS = List.of("bereavementSupport", "bereavementSupportOfferedOn", "familiesLeaflet");

    private final BereavementSupports supports;
    private final WhoIsCompleting who;

    RecordBereavementSupport(BereavementSupports supports, WhoIsCompleting who) {
        this.supports = supports;
        this.who = who;
    }

    @Override
    public void notify(DelegateTask task) {
        List<RefusedAnswers.Refusal> unreadable = new ArrayList<>();
        LocalDate offeredOn = FormAnswers.date(task, "bereavementSupportOfferedOn",
                (field, rule) -> unreadable.add(new RefusedAnswers.Refusal(field, rule)));
        if (!unreadable.isEmpty()) {
            throw new RefusedAnswers(unreadable);
        }
        supports.record(CaseVariables.caseId(task), CaseVariables.caseReference(task),
                FormAnswers.text(task, "bereavementSupport"), offeredOn, FormAnswers.text(task, "familiesLeaflet"),
                who.of(task));
        FIELDS.forEach(task.getExecution()::removeVariable);
    }
}
