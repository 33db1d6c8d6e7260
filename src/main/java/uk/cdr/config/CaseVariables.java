package uk.cdr.config;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The two variables every case process carries, by the same names in every model. */
public final class CaseVariables {

    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";

    private CaseVariables() {
    }

    public static UUID caseId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(CASE_ID));
    }

    public static String caseReference(VariableScope scope) {
        return (String) scope.getVariable(CASE_REFERENCE);
    }
}
