package uk.cdr.casediscussion;

import static uk.cdr.casediscussion.FinalCaseDiscussionVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.rapidresponse.MeetingKind;
import uk.cdr.rapidresponse.RapidResponses;
import uk.cdr.reportingyears.YearChanges;

/**
 * The final case discussion, required wherever a rapid response was initiated: it waits for the
 * post-mortem results (or the doctor's decision to go ahead without them), is held or recorded as
 * not convened with a reason, and drafts Form C for the CDOP.
 */
@Service
public class FinalCaseDiscussions {

    static final List<String> NOT_CONVENED_REASONS = List.of("logistical", "family-wishes", "criminal-proceedings", "other");
    static final List<String> DOMAIN_SCORES = List.of("0", "1", "1*", "2", "3");
    static final List<String> MODIFIABLE = List.of("yes", "no", "insufficient-information");

    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final PostMortems postMortems;
    private final RapidResponses rapidResponses;
    private final AuditLog auditLog;
    private final Clock clock;

    public FinalCaseDiscussions(JdbcClient jdbc,
            PostMortems postMortems, RapidResponses rapidResponses, AuditLog auditLog, Clock clock,
            YearChanges yearChanges) {
        this.jdbc = jdbc;
        this.postMortems = postMortems;
        this.rapidResponses = rapidResponses;
        this.auditLog = auditLog;
        this.clock = clock;
        this.yearChanges = yearChanges;
    }

    /**
     * The case's final case discussion has begun (its process, called by the case's, is starting):
     * its record opens once, however often the stage is entered.
     *
     * @return whether post-mortem results are still awaited, which the stage's first gateway reads
     */
    @Transactional
    public boolean open(UUID caseId, String caseReference) {
        int opened = jdbc.sql("""
                insert into final_case_discussion (case_id, started_at)
                select ?, ? where not exists (select 1 from final_case_discussion where case_id = ?)""")
                .params(caseId, OffsetDateTime.now(clock), caseId).update();
        yearChanges.caseChanged(caseId);
        if (opened > 0) {
            auditLog.record("system", AuditAction.CASE_CHANGED, caseReference, "final case discussion required");
        }
        return postMortems.status(caseId).resultsAwaited();
    }

    @Transactional
    public void proceedWithoutResults(UUID caseId, String caseReference, String reason, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("proceedReason", "is required"));
        } else if (reason.length() > 1000) {
            errors.add(new FieldError("proceedReason", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        jdbc.sql("update final_case_discussion set proceeded_without_results = true where case_id = ?").param(caseId).update();
        yearChanges.caseChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, caseReference,
                "final case discussion to go ahead without post-mortem results: " + reason.trim());
    }

    public record Plan(Boolean convene, RapidResponses.MeetingPlan meeting, String notConvenedReason,
            String notConvenedDetail) {
    }

    /** @return the meeting's id, or null when it cannot be convened */
    @Transactional
    public UUID plan(UUID caseId, String caseReference, Plan plan, String by) {
        if (plan.convene() == null) {
            throw new InvalidAnswers(List.of(new FieldError("convene", "is required")));
        }
        if (plan.convene()) {
            UUID meetingId = rapidResponses.scheduleMeeting(caseId, caseReference, MeetingKind.FINAL_CASE_DISCUSSION,
                    plan.meeting(), by).meetingId();
            jdbc.sql("update final_case_discussion set meeting_id = ? where case_id = ?").params(meetingId, caseId).update();
            yearChanges.caseChanged(caseId);
            return meetingId;
        }
        List<FieldError> errors = new ArrayList<>();
        if (plan.notConvenedReason() == null || plan.notConvenedReason().isBlank()) {
            errors.add(new FieldError("notConvenedReason", "is required when the discussion cannot be convened"));
        } else if (!NOT_CONVENED_REASONS.contains(plan.notConvenedReason())) {
            errors.add(new FieldError("notConvenedReason", "must be one of " + String.join(", ", NOT_CONVENED_REASONS)));
        }
        boolean other = "other".equals(plan.notConvenedReason());
        if (other && (plan.notConvenedDetail() == null || plan.notConvenedDetail().isBlank())) {
            errors.add(new FieldError("notConvenedDetail", "is required when the reason is other"));
        }
        if (plan.notConvenedDetail() != null && plan.notConvenedDetail().length() > 1000) {
            errors.add(new FieldError("notConvenedDetail", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        jdbc.sql("""
                update final_case_discussion set outcome = 'NOT_CONVENED', not_convened_reason = ?, not_convened_detail = ?,
                    recorded_by = ?, recorded_at = ? where case_id = ?""")
                .params(plan.notConvenedReason(), blankToNull(plan.notConvenedDetail()), by, OffsetDateTime.now(clock), caseId)
                .update();
        yearChanges.caseChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, caseReference,
                "final case discussion not convened: " + plan.notConvenedReason());
        return null;
    }

    /** The draft Form C the discussion hands to the CDOP. */
    public record DraftFormC(String attendees, String domainChild, String domainFamily, String domainParenting,
            String domainServices, String proposedCategory, String proposedModifiable, String learningPoints) {
    }

    @Transactional
    public void recordHeld(UUID caseId, String caseReference, UUID meetingId, DraftFormC draft, String by) {
        List<FieldError> errors = new ArrayList<>();
        rapidResponses.refuseBeforeTheMeetingDay(meetingId, errors);
        List<String> attendees = RapidResponses.attendees(draft.attendees(), errors);
        score(errors, "domainChild", draft.domainChild());
        score(errors, "domainFamily", draft.domainFamily());
        score(errors, "domainParenting", draft.domainParenting());
        score(errors, "domainServices", draft.domainServices());
        Integer category = null;
        try {
            category = draft.proposedCategory() == null ? null : Integer.valueOf(draft.proposedCategory().trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (category == null || category < 1 || category > 10) {
            errors.add(new FieldError("proposedCategory", "must be a category of death from 1 to 10"));
        }
        if (draft.proposedModifiable() == null || !MODIFIABLE.contains(draft.proposedModifiable())) {
            errors.add(new FieldError("proposedModifiable", "must be one of " + String.join(", ", MODIFIABLE)));
        }
        if (draft.learningPoints() != null && draft.learningPoints().length() > 4000) {
            errors.add(new FieldError("learningPoints", "must be at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        rapidResponses.saveAttendees(meetingId, attendees);
        rapidResponses.markHeld(meetingId, by);
        jdbc.sql("""
                update final_case_discussion set outcome = 'HELD', domain_child = ?, domain_family = ?,
                    domain_parenting = ?, domain_services = ?, proposed_category = ?, proposed_modifiable = ?,
                    learning_points = ?, recorded_by = ?, recorded_at = ? where case_id = ?""")
                .params(draft.domainChild(), draft.domainFamily(), draft.domainParenting(), draft.domainServices(),
                        category, draft.proposedModifiable(), blankToNull(draft.learningPoints()), by,
                        OffsetDateTime.now(clock), caseId)
                .update();
        yearChanges.caseChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, caseReference, "final case discussion held; draft Form C recorded");
    }

    /**
     * Marks the stage done, held or not convened. The CDOP queue counts the case ready once this
     * and its Form Bs are in.
     */
    @Transactional
    public void finalCaseDiscussionDone(UUID caseId, String caseReference) {
        int changed = jdbc.sql("""
                update case_file set final_case_discussion_done_at = ?, updated_at = ?
                where id = ? and final_case_discussion_done_at is null""")
                .params(OffsetDateTime.now(clock), OffsetDateTime.now(clock), caseId).update();
        yearChanges.caseChanged(caseId);
        if (changed > 0) {
            auditLog.record("system", AuditAction.CASE_CHANGED, caseReference, "final case discussion stage done");
        }
    }

    private static void score(List<FieldError> errors, String field, String value) {
        if (value == null || !DOMAIN_SCORES.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", DOMAIN_SCORES)));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
