package uk.cdr.agencyreport;

import static uk.cdr.agencyreport.AgencyReportVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.config.TaskAnswersGuard;
import uk.cdr.web.PlainText;
import uk.cdr.web.CaseClosed;

/**
 * The SPOC's side of Form B: which agencies are asked, and keeping their requests moving. Each
 * request has a row here and its own agencyReportRequest process (business key: the request id),
 * which sends the link, the reminder and the overdue task; the case's process starts it, never this
 * class. Everything in one call happens in one transaction: a rejected list changes nothing.
 */
@Service
public class AgencyReports {

    static final int SHORT_TEXT = 200;
    static final int MAX_AGENCIES = 30;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final FormBRequests requests;
    private final FormBTimers timers;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CaseProcess caseProcess;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    AgencyReports(FormBRequests requests, FormBTimers timers, RuntimeService runtimeService,
            TaskService taskService, CaseProcess caseProcess, JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.caseProcess = caseProcess;
        this.requests = requests;
        this.timers = timers;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Every Form B request of the case, oldest first. */
    public List<FormBStatus> forCase(UUID caseId) {
        caseReference(caseId);
        return requests.forCase(caseId).stream().map(FormBRequests.Request::toStatus).toList();
    }

    /** The agencies the notifiers named on Form A, each once, in the order they were named. */
    public List<AgencyContact> suggestedAgencies(UUID caseId) {
        caseReference(caseId);
        List<AgencyContact> named = jdbc.sql("""
                select a.agency, a.contact_name, a.contact_email
                from notification_agency a join notification n on n.id = a.notification_id
                where n.case_id = ? order by n.received_at, a.position""")
                .param(caseId)
                .query((rs, row) -> new AgencyContact(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        Set<String> seen = new LinkedHashSet<>();
        return named.stream()
                .filter(a -> seen.add(a.agency().toLowerCase(Locale.ROOT) + "|"
                        + (a.contactEmail() == null ? "" : a.contactEmail().toLowerCase(Locale.ROOT))))
                .toList();
    }

    /**
     * The SPOC confirms the agencies: one request each. The case's "request Form B reports" task, if
     * open, is done with them, and its process asks each; once it is done, each is asked as an agency
     * found later.
     */
    @Transactional
    public List<UUID> request(UUID caseId, List<AgencyContact> agencies, String requestedBy) {
        String reference = openCaseReference(caseId);
        List<FieldError> errors = validate(agencies == null ? List.of() : agencies, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        List<Task> requestTask = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(REQUEST_REPORTS_TASK).active().list();
        if (requestTask.isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            for (AgencyContact agency : agencies) {
                ids.add(addAgency(caseId, agency, requestedBy));
            }
            return ids;
        }
        List<UUID> ids = new ArrayList<>();
        for (AgencyContact agency : agencies) {
            ids.add(insert(caseId, reference, agency, requestedBy));
        }
        // The SPOC did this task's work on the agencies page: the app completes it, not its form.
        TaskAnswersGuard.completeForTheApp(() -> taskService.complete(requestTask.get(0).getId(),
                Map.of(FORM_B_REQUEST_COUNT, ids.size(), FormBRequestIds.VARIABLE, FormBRequestIds.join(ids))));
        return ids;
    }

    /** An agency found later: asked like the others, due 21 days from now. */
    @Transactional
    public UUID addAgency(UUID caseId, AgencyContact agency, String requestedBy) {
        String reference = openCaseReference(caseId);
        List<FieldError> errors = validate(agency == null ? null : Collections.singletonList(agency), false);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream()
                    .map(e -> new FieldError(e.field().replaceFirst("^agencies\\[0\\]\\.", ""), e.rule())).toList());
        }
        // While the Form B stage runs, the case waits for this report too; after it, the report is asked
        // for without holding the case back; a closed case asks nobody.
        String message = caseProcess.waitsFor(reference, CaseProcess.FORM_B_REQUESTED) ? CaseProcess.FORM_B_REQUESTED
                : caseProcess.waitsFor(reference, CaseProcess.LATE_FORM_B_REQUESTED) ? CaseProcess.LATE_FORM_B_REQUESTED
                : null;
        if (message == null) {
            throw new RequestClosed("Case " + reference + " is closed: no agency can be asked for a Form B.");
        }
        UUID id = insert(caseId, reference, agency, requestedBy);
        caseProcess.tell(reference, message, Map.of(CaseProcess.ADDED_FORM_B_REQUEST_ID, id.toString()));
        return id;
    }

    /** A new link for the agency (lost email, new contact...): the old link stops working once it is sent. */
    @Transactional
    public void resendLink(UUID requestId, String by) {
        FormBRequests.Request request = requests.find(requestId).filter(r -> r.status().open())
                .orElseThrow(() -> new RequestClosed(requestId));
        runtimeService.createMessageCorrelation(MESSAGE_LINK_RESENT)
                .processInstanceBusinessKey(requestId.toString()).correlate();
        auditLog.record(by, AuditAction.FORM_B_LINK_SENT, request.caseReference(),
                "new link asked for " + request.agency());
    }

    /** A person read the case's agencies or Form B requests: who, when, which case (UnknownCase if none). */
    public void viewed(UUID caseId, String by, String what) {
        auditLog.record(by, AuditAction.CASE_VIEWED, caseReference(caseId), what);
    }

    /** The case reference, or UnknownCase. */
    public String caseReference(UUID caseId) {
        return jdbc.sql("select case_reference from case_file where id = ?").param(caseId).query(String.class)
                .optional().orElseThrow(() -> new UnknownCase(caseId));
    }

    /** The reference of a case that is not closed: no agency is asked for a Form B on a closed case. */
    private String openCaseReference(UUID caseId) {
        record Found(String reference, String status) {
        }
        Found found = jdbc.sql("select case_reference, status from case_file where id = ?").param(caseId)
                .query((rs, row) -> new Found(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new UnknownCase(caseId));
        CaseClosed.refuseIfClosed(found.reference(), found.status());
        return found.reference();
    }

    private UUID insert(UUID caseId, String reference, AgencyContact agency, String requestedBy) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime dueAt = timers.dueFrom(now);
        requests.insert(id, caseId, agency, now, requestedBy, dueAt);
        auditLog.record(requestedBy, AuditAction.FORM_B_REQUESTED, reference,
                "Form B requested from " + agency.agency().trim() + ", due " + dueAt.toLocalDate());
        return id;
    }

    /** Field names follow the list: agencies[0].contactEmail. The agency and the contact's email are required. */
    static List<FieldError> validate(List<AgencyContact> agencies, boolean atLeastOne) {
        List<FieldError> errors = new ArrayList<>();
        if (agencies == null || (atLeastOne && agencies.isEmpty())) {
            errors.add(new FieldError("agencies", "must list at least one agency"));
            return errors;
        }
        if (agencies.size() > MAX_AGENCIES) {
            errors.add(new FieldError("agencies", "must list at most " + MAX_AGENCIES + " agencies"));
            return errors;
        }
        for (int i = 0; i < agencies.size(); i++) {
            AgencyContact a = agencies.get(i);
            String prefix = "agencies[" + i + "].";
            if (a == null) {
                errors.add(new FieldError("agencies[" + i + "]", "is required"));
                continue;
            }
            if (blank(a.agency())) {
                errors.add(new FieldError(prefix + "agency", "is required"));
            } else if (a.agency().length() > SHORT_TEXT) {
                errors.add(new FieldError(prefix + "agency", "must be at most " + SHORT_TEXT + " characters"));
            } else if (!PlainText.isSingleLine(a.agency())) {
                errors.add(new FieldError(prefix + "agency", PlainText.SINGLE_LINE_RULE));
            }
            if (a.contactName() != null && a.contactName().length() > SHORT_TEXT) {
                errors.add(new FieldError(prefix + "contactName", "must be at most " + SHORT_TEXT + " characters"));
            } else if (!PlainText.isSingleLine(a.contactName())) {
                errors.add(new FieldError(prefix + "contactName", PlainText.SINGLE_LINE_RULE));
            }
            if (blank(a.contactEmail())) {
                errors.add(new FieldError(prefix + "contactEmail", "is required: the link goes to this address"));
            } else if (a.contactEmail().length() > SHORT_TEXT || !EMAIL.matcher(a.contactEmail().trim()).matches()) {
                errors.add(new FieldError(prefix + "contactEmail", "must be an email address"));
            } else if (!PlainText.isSingleLine(a.contactEmail())) {
                errors.add(new FieldError(prefix + "contactEmail", PlainText.SINGLE_LINE_RULE));
            }
        }
        return errors;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
