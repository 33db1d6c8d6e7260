package uk.cdr.agencyreport;

import static uk.cdr.agencyreport.AgencyReportVariables.*;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * agency-report-request.bpmn, as a request's process starts (called by the case's process, keyed by
 * the request's id): the request's row gives the dates its timers count from and what its emails
 * and Cockpit show, and learns which process is its own.
 */
@Component("openAgencyReportRequest")
class OpenAgencyReportRequest implements ExecutionListener {

    private final FormBRequests requests;

    OpenAgencyReportRequest(FormBRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        UUID id = UUID.fromString(execution.getProcessBusinessKey());
        FormBRequests.Request request = requests.find(id)
                .orElseThrow(() -> new IllegalStateException("No Form B request " + id));
        execution.setVariable(REQUEST_ID, id.toString());
        execution.setVariable(CASE_ID, request.caseId().toString());
        execution.setVariable(CASE_REFERENCE, request.caseReference());
        execution.setVariable(AGENCY, request.agency());
        execution.setVariable(REQUESTED_AT, Date.from(request.requestedAt().toInstant()));
        execution.setVariable(DUE_AT, Date.from(request.dueAt().toInstant()));
        requests.processStarted(id, execution.getProcessInstanceId());
    }
}
