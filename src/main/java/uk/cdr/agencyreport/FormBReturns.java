package uk.cdr.agencyreport;

import static uk.cdr.agencyreport.AgencyReportVariables.MESSAGE_RETURNED;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;

/**
 * The agency's side of Form B, reached with the personal link only (no login). A link opens one
 * request of one case while it is the latest link sent, has not expired, and the request is
 * neither returned nor withdrawn. On return, the answers are stored in agency_report, the link
 * dies and the request's process moves on, all in one transaction.
 */
@Service
public class FormBReturns {

    private static final Logger LOG = LoggerFactory.getLogger(FormBReturns.class);

    /** What the agency sees above the form: enough to find the child in its own records. */
    public record OpenFormB(UUID requestId, String caseReference, String agency, OffsetDateTime dueAt,
            String childName, LocalDate dateOfBirth, LocalDate dateOfDeath, String nhsNumber) {
    }

    private final FormBRequests requests;
    private final FormBValidator validator;
    private final FormBDefinition definition;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    FormBReturns(FormBRequests requests, FormBValidator validator, FormBDefinition definition,
            RuntimeService runtimeService, JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.requests = requests;
        this.validator = validator;
        this.definition = definition;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Opens the Form B of a link, or LinkNotValid saying why not. */
    public OpenFormB open(String token) {
        FormBRequests.Request request = valid(token);
        auditLog.record(actor(request), AuditAction.FORM_B_VIEWED, request.caseReference(),
                "Form B opened by " + request.agency());
        return details(request);
    }

    /** The same, for showing the form again with its errors: not another viewing. */
    OpenFormB reopen(String token) {
        return details(valid(token));
    }

    private OpenFormB details(FormBRequests.Request request) {
        return jdbc.sql("""
                select child_first_name, child_last_name, date_of_birth, date_of_death, nhs_number
                from case_file where id = ?""")
                .param(request.caseId())
                .query((rs, row) -> new OpenFormB(request.id(), request.caseReference(), request.agency(),
                        request.dueAt(), rs.getString(1) + " " + rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)))
                .single();
    }

    /**
     * Checks the link first, then every answer; stores nothing unless all are valid.
     * @throws LinkNotValid saying why the link does not work
     * @throws InvalidInput naming each field and its rule
     */
    @Transactional
    public UUID submit(String token, Map<String, String> answers) {
        FormBRequests.Request request = valid(token);
        FormBValidator.Result result = validator.validate(answers);
        if (!result.valid()) {
            throw new InvalidInput(result.errors());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (!requests.returned(request.id(), FormBTokens.hash(token), now)) {
            // A second submission, or a withdrawal, was first: say which.
            throw new LinkNotValid(requests.byTokenHash(FormBTokens.hash(token))
                    .filter(r -> r.status() == RequestStatus.WITHDRAWN)
                    .map(r -> LinkNotValid.Reason.WITHDRAWN).orElse(LinkNotValid.Reason.USED));
        }
        UUID reportId = UUID.randomUUID();
        insert(reportId, request, now, result.answers());
        auditLog.record(actor(request), AuditAction.FORM_B_RETURNED, request.caseReference(),
                "Form B returned by " + request.agency());
        boolean moved = !runtimeService.createMessageCorrelation(MESSAGE_RETURNED)
                .processInstanceBusinessKey(request.id().toString()).correlateAllWithResult().isEmpty();
        if (!moved) {
            // Its process was between two steps (a job about to run): the report is kept all the same.
            LOG.warn("Form B {} returned while its process waited for no return", request.id());
        }
        return reportId;
    }

    /** The answers of a returned Form B, by field key, for the case page. */
    public Optional<Map<String, Object>> answers(UUID requestId) {
        String columns = definition.fields().stream().map(f -> column(f.key())).collect(Collectors.joining(", "));
        return jdbc.sql("select " + columns + " from agency_report where request_id = ?").param(requestId)
                .query((rs, row) -> {
                    Map<String, Object> answers = new HashMap<>();
                    for (FormBDefinition.Field field : definition.fields()) {
                        answers.put(field.key(), field.isDate() ? rs.getObject(column(field.key()), LocalDate.class)
                                : rs.getString(column(field.key())));
                    }
                    return answers;
                }).optional();
    }

    private FormBRequests.Request valid(String token) {
        if (!FormBTokens.isWellFormed(token)) {
            throw refused(null, LinkNotValid.Reason.NOT_RECOGNISED);
        }
        Optional<FormBRequests.Request> found = requests.byTokenHash(FormBTokens.hash(token));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (found.isEmpty()) {
            throw refused(null, LinkNotValid.Reason.NOT_RECOGNISED);
        }
        FormBRequests.Request request = found.get();
        if (request.status() == RequestStatus.RETURNED) {
            throw refused(request, LinkNotValid.Reason.USED);
        }
        if (request.status() == RequestStatus.WITHDRAWN) {
            throw refused(request, LinkNotValid.Reason.WITHDRAWN);
        }
        if (request.tokenExpiresAt() == null || !request.tokenExpiresAt().isAfter(now)) {
            throw refused(request, LinkNotValid.Reason.EXPIRED);
        }
        return request;
    }

    /** Recorded for the SPOC's peace of mind; the person holding the link learns only why it does not work. */
    private LinkNotValid refused(FormBRequests.Request request, LinkNotValid.Reason reason) {
        auditLog.record(request == null ? AuditLog.ANONYMOUS : actor(request), AuditAction.FORM_B_LINK_REFUSED,
                request == null ? null : request.caseReference(),
                request == null ? "unknown or malformed Form B link"
                        : reason.name().toLowerCase(java.util.Locale.ROOT) + " Form B link of " + request.agency());
        return new LinkNotValid(reason);
    }

    private void insert(UUID reportId, FormBRequests.Request request, OffsetDateTime now, Map<String, Object> answers) {
        // Column names come from the form's keys, which FormBDefinition allows to be letters only.
        String columns = answers.keySet().stream().map(FormBReturns::column).collect(Collectors.joining(", "));
        String values = answers.keySet().stream().map(k -> ":" + k).collect(Collectors.joining(", "));
        Map<String, Object> params = new HashMap<>(answers);
        params.put("reportId", reportId);
        params.put("requestId", request.id());
        params.put("caseId", request.caseId());
        params.put("returnedAt", now);
        jdbc.sql("insert into agency_report (id, request_id, case_id, returned_at, " + columns
                + ") values (:reportId, :requestId, :caseId, :returnedAt, " + values + ")")
                .params(params).update();
    }

    static String column(String key) {
        return key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static String actor(FormBRequests.Request request) {
        return "agency:" + request.contactEmail();
    }
}
