package uk.cdr.casediscussion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.web.CaseClosed;
import uk.cdr.web.UkDates;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;

/**
 * Post-mortem and coroner milestones, recorded by the SPOC as they hear of them. The final
 * results release a final case discussion that is waiting for them.
 */
@Service
public class PostMortems {

    /** Milestone code to column. */
    static final Map<String, String> EVENTS = Map.of(
            "post-mortem-done", "done_on",
            "preliminary-results", "preliminary_results_on",
            "final-results", "final_results_on",
            "inquest-opened", "inquest_opened_on",
            "inquest-concluded", "inquest_concluded_on");

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final AuditLog auditLog;
    private final Clock clock;

    public PostMortems(JdbcClient jdbc, RuntimeService runtimeService, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record Milestone(String event, LocalDate on) {
    }

    public record Status(String required, LocalDate doneOn, LocalDate preliminaryResultsOn, LocalDate finalResultsOn,
            LocalDate inquestOpenedOn, LocalDate inquestConcludedOn) {

        boolean resultsAwaited() {
            return "yes".equals(required) && finalResultsOn == null;
        }
    }

    @Transactional
    public Status record(UUID caseId, Milestone milestone, String by) {
        String reference = ensure(caseId);
        CaseClosed.refuseIfClosed(reference, jdbc.sql("select status from case_file where id = ?").param(caseId)
                .query(String.class).single());
        LocalDate dateOfDeath = jdbc.sql("select date_of_death from case_file where id = ?").param(caseId)
                .query(LocalDate.class).single();
        List<FieldError> errors = new ArrayList<>();
        String column = milestone.event() == null ? null : EVENTS.get(milestone.event());
        if (column == null) {
            errors.add(new FieldError("event", "must be one of " + String.join(", ", EVENTS.keySet().stream().sorted().toList())));
        }
        if (milestone.on() == null) {
            errors.add(new FieldError("on", "is required"));
        } else if (milestone.on().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("on", "must not be in the future"));
        } else if (milestone.on().isBefore(dateOfDeath)) {
            errors.add(new FieldError("on", "must not be before the date of death"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        // The column name comes from the fixed map above, never from the request.
        jdbc.sql("update post_mortem set " + column + " = ?, updated_by = ?, updated_at = ? where case_id = ?")
                .params(milestone.on(), by, OffsetDateTime.now(clock), caseId).update();
        if ("final-results".equals(milestone.event())) {
            jdbc.sql("update post_mortem set required = 'yes' where case_id = ? and required <> 'yes'").param(caseId).update();
            runtimeService.createMessageCorrelation(FinalCaseDiscussionVariables.RESULTS_MESSAGE)
                    .processInstanceBusinessKey(reference)
                    .correlateAll();
        }
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "post-mortem: " + milestone.event() + " on " + UkDates.inWords(milestone.on()));
        return status(caseId);
    }

    /** The status as a person reads it through the API: audited (the case page audits its own reads). */
    public Status statusViewedBy(UUID caseId, String viewer) {
        Status status = status(caseId);
        auditLog.record(viewer, AuditAction.CASE_VIEWED, ensure(caseId), "post-mortem and inquest milestones");
        return status;
    }

    public Status status(UUID caseId) {
        ensure(caseId);
        return jdbc.sql("select * from post_mortem where case_id = ?").param(caseId)
                .query((rs, row) -> new Status(rs.getString("required"), rs.getObject("done_on", LocalDate.class),
                        rs.getObject("preliminary_results_on", LocalDate.class),
                        rs.getObject("final_results_on", LocalDate.class),
                        rs.getObject("inquest_opened_on", LocalDate.class),
                        rs.getObject("inquest_concluded_on", LocalDate.class)))
                .single();
    }

    /** The row starts from what the first notifier said on Form A. @return the case reference */
    String ensure(UUID caseId) {
        String reference = jdbc.sql("select case_reference from case_file where id = ?").param(caseId)
                .query(String.class).optional().orElseThrow(() -> new UnknownCase(caseId));
        jdbc.sql("""
                insert into post_mortem (case_id, required)
                select c.id, coalesce((select n.post_mortem_required from notification n where n.case_id = c.id
                                       order by n.received_at limit 1), 'not-known')
                from case_file c where c.id = ? and not exists (select 1 from post_mortem p where p.case_id = c.id)""")
                .param(caseId).update();
        return reference;
    }

    public static class UnknownCase extends RuntimeException {
        public UnknownCase(UUID caseId) {
            super("No case " + caseId);
        }
    }
}
