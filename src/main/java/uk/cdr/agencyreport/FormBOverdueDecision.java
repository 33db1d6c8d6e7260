package uk.cdr.agencyreport;

import static uk.cdr.agencyreport.AgencyReportVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.WhoIsCompleting;

/**
 * Checks the SPOC's decision on an overdue Form B as the task is completed, so a bad one is
 * refused in Tasklist instead of failing later in a job; and notes who decided.
 */
@Component("formBOverdueDecision")
class FormBOverdueDecision implements TaskListener {

    static final List<String> OUTCOMES = List.of("chase", "extend", "withdraw");

    private final WhoIsCompleting whoIsCompleting;
    private final Clock clock;

    FormBOverdueDecision(WhoIsCompleting whoIsCompleting, Clock clock) {
        this.whoIsCompleting = whoIsCompleting;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(OVERDUE_OUTCOME);
        if (!OUTCOMES.contains(outcome)) {
            throw new ProcessEngineException("overdueOutcome must be one of " + String.join(", ", OUTCOMES));
        }
        if ("extend".equals(outcome)) {
            LocalDate newDueDate = newDueDate(task.getVariable(NEW_DUE_DATE));
            if (newDueDate == null || !newDueDate.isAfter(LocalDate.now(clock))) {
                throw new ProcessEngineException("newDueDate must be a date after today (yyyy-mm-dd) to extend the deadline");
            }
        }
        task.getExecution().setVariable(OVERDUE_DECIDED_BY, whoIsCompleting.of(task));
    }

    /** Camunda Forms send a date field as text, yyyy-mm-dd. */
    static LocalDate newDueDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().length() > 10 ? value.toString().substring(0, 10) : value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
