package uk.cdr.agencyreport;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;

/** The due date passed without a return: OVERDUE, and the first time it happened is kept for the statistics. */
@Component("recordFormBOverdue")
class RecordFormBOverdue implements JavaDelegate {

    private final FormBRequests requests;
    private final AuditLog auditLog;
    private final Clock clock;

    RecordFormBOverdue(FormBRequests requests, AuditLog auditLog, Clock clock) {
        this.requests = requests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID requestId = UUID.fromString(execution.getBusinessKey());
        requests.overdue(requestId, OffsetDateTime.now(clock));
        auditLog.record(FormBEmails.SYSTEM, AuditAction.FORM_B_OVERDUE,
                uk.cdr.config.CaseVariables.caseReference(execution),
                "Form B overdue from " + execution.getVariable(AgencyReportVariables.AGENCY));
    }
}
