package uk.cdr.review2018;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.reportingyears.YearChanges;

/**
 * What only the 2018 process records (case_review_2018): the Joint Agency Response decision, the key
 * worker, the NCMD notification and the serious incident steps. Every change is audited.
 */
@Service
public class Reviews2018 {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final YearChanges yearChanges;
    private final Clock clock;

    Reviews2018(JdbcClient jdbc, AuditLog auditLog, YearChanges yearChanges, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.yearChanges = yearChanges;
        this.clock = clock;
    }

    /** The doctor's answers against the five criteria, and the decision. */
    public record Decision(boolean externalCauses, boolean suddenNoApparentCause, boolean inCustodyOrDetained,
            boolean suspicionNotNatural, boolean stillbirthUnattended, boolean suggested, boolean jointAgencyResponse,
            String deathClassification, boolean abuseOrNeglectSuspected, boolean lookedAfter) {

        /** The guidance's rule: a Joint Agency Response when the death meets any of the five criteria. */
        boolean anyCriterionMet() {
            return externalCauses || suddenNoApparentCause || inCustodyOrDetained || suspicionNotNatural
                    || stillbirthUnattended;
        }
    }

    public record KeyWorker(String name, String role, String contact, boolean familiesGuideOffered) {
    }

    void recordDecision(UUID caseId, String reference, Decision d, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ensureRow(caseId);
        jdbc.sql("""
                update case_review_2018 set external_causes = ?, sudden_no_apparent_cause = ?, in_custody_or_detained = ?,
                    suspicion_not_natural = ?, stillbirth_unattended = ?, jar_suggested = ?, jar_decided = ?,
                    jar_decided_by = ?, jar_decided_at = ?, abuse_or_neglect_suspected = ?, looked_after = ?
                where case_id = ?""")
                .params(d.externalCauses(), d.suddenNoApparentCause(), d.inCustodyOrDetained(), d.suspicionNotNatural(),
                        d.stillbirthUnattended(), d.suggested(), d.jointAgencyResponse(), by, now,
                        d.abuseOrNeglectSuspected(), d.lookedAfter(), caseId)
                .update();
        // Expected or unexpected is the case's classification, as under 2013: the deaths tables count it.
        jdbc.sql("""
                update case_file set death_classification = ?, classified_by = ?, classified_at = ?,
                    suggested_classification = ?, status = 'CLASSIFIED', updated_at = ?, version = version + 1
                where id = ?""")
                .params(d.deathClassification(), by, now, null, now, caseId).update();
        yearChanges.caseChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "Joint Agency Response " + (d.jointAgencyResponse()
                ? "decided" : "not needed") + "; death " + d.deathClassification()
                + (d.abuseOrNeglectSuspected() ? "; abuse or neglect known or suspected" : "")
                + (d.lookedAfter() ? "; a looked-after child" : ""));
    }

    void recordKeyWorker(UUID caseId, String reference, KeyWorker k, String by) {
        ensureRow(caseId);
        jdbc.sql("""
                update case_review_2018 set key_worker_name = ?, key_worker_role = ?, key_worker_contact = ?,
                    families_guide_offered = ?, key_worker_named_by = ?, key_worker_named_at = ? where case_id = ?""")
                .params(k.name(), k.role(), k.contact(), k.familiesGuideOffered(), by, OffsetDateTime.now(clock), caseId)
                .update();
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "key worker named"
                + (k.familiesGuideOffered() ? "; families' guide offered" : "; families' guide not offered"));
    }

    void recordNcmdNotification(UUID caseId, String reference, OffsetDateTime submittedAt, String by) {
        ensureRow(caseId);
        jdbc.sql("update case_review_2018 set ncmd_notified_at = ?, ncmd_recorded_by = ? where case_id = ?")
                .params(submittedAt, by, caseId).update();
        yearChanges.caseChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "National Child Mortality Database notified");
    }

    void seriousIncidentKnown(UUID caseId, String reference) {
        ensureRow(caseId);
        int changed = jdbc.sql("""
                update case_review_2018 set abuse_or_neglect_suspected = true
                where case_id = ? and (abuse_or_neglect_suspected is null or abuse_or_neglect_suspected = false)""")
                .param(caseId).update();
        if (changed > 0) {
            auditLog.record("system", AuditAction.CASE_CHANGED, reference, "abuse or neglect known or suspected");
        }
        yearChanges.caseChanged(caseId);
    }

    void recordNationalPanelNotified(UUID caseId, String reference, LocalDate on, String by) {
        step(caseId, "national_panel_notified_on = ?, national_panel_notified_by = ?", on, by);
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "Child Safeguarding Practice Review Panel notified");
    }

    void recordRapidReview(UUID caseId, String reference, LocalDate on, boolean localReview, String by) {
        step(caseId, "rapid_review_completed_on = ?, rapid_review_completed_by = ?", on, by);
        jdbc.sql("update case_review_2018 set local_review_decided = ? where case_id = ?").params(localReview, caseId).update();
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "rapid review completed; local Child Safeguarding "
                + "Practice Review " + (localReview ? "to be held" : "not to be held"));
    }

    void recordSecretaryOfStateNotified(UUID caseId, String reference, LocalDate on, String by) {
        step(caseId, "secretary_of_state_notified_on = ?, secretary_of_state_notified_by = ?", on, by);
        auditLog.record(by, AuditAction.CASE_CHANGED, reference, "Secretary of State and Ofsted notified");
    }

    private void step(UUID caseId, String columns, LocalDate on, String by) {
        ensureRow(caseId);
        jdbc.sql("update case_review_2018 set " + columns + " where case_id = ?").params(on, by, caseId).update();
        yearChanges.caseChanged(caseId);
    }

    private void ensureRow(UUID caseId) {
        jdbc.sql("insert into case_review_2018 (case_id) select ? where not exists (select 1 from case_review_2018 where case_id = ?)")
                .params(caseId, caseId).update();
    }
}
