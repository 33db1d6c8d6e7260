package uk.cdr.config;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which case a process works on, found from the process instance itself: its business key (the
 * case reference, or the id of the row that owns the process), never from a variable. The models
 * still carry caseId and caseReference for Cockpit and the task forms to show, but nothing reads
 * them to decide which case to change.
 */
public final class CaseVariables {

    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";

    private CaseVariables() {
    }

    public static UUID caseId(VariableScope scope) {
        return CaseOfProcess.instance().caseId(businessKey(scope));
    }

    public static String caseReference(VariableScope scope) {
        return CaseOfProcess.instance().caseReference(businessKey(scope));
    }

    static String businessKey(VariableScope scope) {
        String key;
        if (scope instanceof DelegateTask task) {
            key = task.getExecution().getProcessBusinessKey();
        } else if (scope instanceof DelegateExecution execution) {
            key = execution.getProcessBusinessKey();
        } else {
            throw new IllegalArgumentException("Not a process scope: " + scope);
        }
        if (key == null) {
            throw new IllegalStateException("A case's process without a business key cannot tell its case");
        }
        return key;
    }
}
