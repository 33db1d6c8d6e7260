package uk.cdr.agencyreport;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.config.CaseVariables;

/**
 * child-death-review.bpmn, when the SPOC goes on without the missing Form Bs and when the case
 * closes: every request still out is withdrawn, so its link stops working and nobody is reminded or
 * asked to chase it. Their processes have already ended with the stage or case that called them.
 */
@Component("withdrawOutstandingFormBs")
class WithdrawOutstandingFormBs implements JavaDelegate {

    private final FormBRequests requests;
    private final AuditLog auditLog;
    private final Clock clock;

    WithdrawOutstandingFormBs(FormBRequests requests, AuditLog auditLog, Clock clock) {
        this.requests = requests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String reference = CaseVariables.caseReference(execution);
        for (FormBRequests.Request request : requests.forCase(CaseVariables.caseId(execution))) {
            if (request.status().open()) {
                requests.withdrawn(request.id(), now);
                auditLog.record("system", AuditAction.FORM_B_WITHDRAWN, reference, "Form B request to "
                        + request.agency() + " withdrawn: the case went on without it");
            }
        }
    }
}
