package uk.cdr.agencyreport;

import static uk.cdr.agencyreport.AgencyReportVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.web.UkDates;

/**
 * Applies the SPOC's decision on an overdue Form B: chase (a new due date a configured time from
 * now; the reminder follows), extend (the SPOC's due date) or withdraw. Sets dueAt for the next
 * overdue timer. Idempotent: a second run writes the same dates.
 */
@Component("recordFormBOverdueOutcome")
class RecordFormBOverdueOutcome implements JavaDelegate {

    private final FormBRequests requests;
    private final FormBTimers timers;
    private final AuditLog auditLog;
    private final Clock clock;

    RecordFormBOverdueOutcome(FormBRequests requests, FormBTimers timers, AuditLog auditLog, Clock clock) {
        this.requests = requests;
        this.timers = timers;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID requestId = UUID.fromString(execution.getBusinessKey());
        String outcome = (String) execution.getVariable(OVERDUE_OUTCOME);
        String by = (String) execution.getVariable(OVERDUE_DECIDED_BY);
        String reference = uk.cdr.config.CaseVariables.caseReference(execution);
        String agency = (String) execution.getVariable(AGENCY);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        switch (outcome) {
            case "chase" -> {
                OffsetDateTime dueAt = timers.chasedDueFrom(now);
                requests.chased(requestId, dueAt, now);
                execution.setVariable(DUE_AT, Date.from(dueAt.toInstant()));
                auditLog.record(by, AuditAction.FORM_B_CHASED, reference,
                        "Form B chased from " + agency + ", now due " + UkDates.inWords(dueAt.toLocalDate()));
            }
            case "extend" -> {
                OffsetDateTime dueAt = timers.dueOn(FormBOverdueDecision.newDueDate(execution.getVariable(NEW_DUE_DATE)));
                requests.extended(requestId, dueAt, now);
                execution.setVariable(DUE_AT, Date.from(dueAt.toInstant()));
                auditLog.record(by, AuditAction.FORM_B_EXTENDED, reference,
                        "Form B deadline for " + agency + " extended to " + UkDates.inWords(dueAt.toLocalDate()));
            }
            case "withdraw" -> {
                requests.withdrawn(requestId, now);
                auditLog.record(by, AuditAction.FORM_B_WITHDRAWN, reference, "Form B request to " + agency + " withdrawn");
            }
            default -> throw new IllegalStateException("overdueOutcome must be chase, extend or withdraw, was " + outcome);
        }
    }
}
