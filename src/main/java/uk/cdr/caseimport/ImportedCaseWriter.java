package uk.cdr.caseimport;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.casefile.CaseReferences;
import uk.cdr.casefile.CaseReferences.CaseReference;
import uk.cdr.panel.CdopReviewTargets;

/**
 * Writes one imported case into the tables a live case fills (Notifications' case file and
 * notification, then each stage's own), so the queue and the statistics cannot tell them apart.
 * What the spreadsheet never held is written as "not recorded"; see docs/import.md.
 */
@Component
class ImportedCaseWriter {

    static final String NOT_RECORDED = "Not recorded";
    static final String IMPORT = "Historical case import";
    /** Where imported meetings (rapid response, CDOP panel) are said to have been held. */
    static final String PLACE = "Imported";

    private final JdbcClient jdbc;
    private final CaseReferences references;
    private final ImportedStages stages;
    private final ImportedReview review;
    private final CdopReviewTargets reviewTargets;
    private final AuditLog auditLog;

    ImportedCaseWriter(JdbcClient jdbc, CaseReferences references, ImportedStages stages, ImportedReview review,
            CdopReviewTargets reviewTargets, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.references = references;
        this.stages = stages;
        this.review = review;
        this.reviewTargets = reviewTargets;
        this.auditLog = auditLog;
    }

    /** @return the case reference */
    String write(ImportedCase c, String by, OffsetDateTime now) {
        CaseReference reference = c.reference() == null ? references.next(c.reportingYear()) : parse(c.reference());
        UUID caseId = UUID.randomUUID();
        OffsetDateTime notifiedAt = Dates.noon(c.notifiedOn() == null ? c.dateOfDeath() : c.notifiedOn());
        insertCaseFile(caseId, reference, c, notifiedAt, by, now);
        insertNotification(caseId, c, notifiedAt, by);
        stages.write(caseId, c, notifiedAt, by, now);
        if (c.closed()) {
            review.write(caseId, c, by, now);
        } else {
            // Watched like a live case: an old open case is past its 6 and 12 months, so the SPOC and chair hear at once.
            reviewTargets.watch(caseId, reference.text(), c.dateOfDeath());
        }
        auditLog.record(by, AuditAction.CASE_CREATED, reference.text(), "imported");
        return reference.text();
    }

    /** A reference the file gives was checked and claimed before anything was written. */
    static CaseReference parse(String reference) {
        return new CaseReference(reference.substring(0, 7), Integer.parseInt(reference.substring(8)));
    }

    private void insertCaseFile(UUID caseId, CaseReference reference, ImportedCase c, OffsetDateTime notifiedAt,
            String by, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", caseId);
        p.put("reference", reference.text());
        p.put("year", reference.reportingYear());
        p.put("sequence", reference.sequence());
        p.put("dateOfDeath", c.dateOfDeath());
        p.put("notifiedAt", notifiedAt);
        p.put("status", c.classification() == null ? "NOTIFIED" : "CLASSIFIED");
        p.put("now", now);
        p.put("firstName", c.firstName());
        p.put("lastName", c.lastName());
        p.put("dateOfBirth", c.dateOfBirth());
        p.put("nhsNumber", c.nhsNumber());
        p.put("sex", c.sex());
        p.put("ethnicity", c.ethnicity());
        p.put("placeOfDeath", c.placeOfDeath());
        p.put("age", c.ageAtDeathDays());
        p.put("neonatal", c.neonatal());
        p.put("notifiedExpected", c.classification() == null ? "not-sure" : c.classification());
        p.put("classification", c.classification());
        p.put("classifiedBy", c.classification() == null ? null : by);
        p.put("classifiedAt", c.classification() == null ? null : notifiedAt);
        p.put("by", by);
        // out_of_hours stays null: the spreadsheet has the day of the notification, not its time.
        jdbc.sql("""
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death, notified_at,
                    status, created_at, updated_at, child_first_name, child_last_name, date_of_birth, nhs_number, sex,
                    ethnicity, place_of_death, age_at_death_days, neonatal, notified_expected, death_classification,
                    classified_by, classified_at, imported_at, imported_by)
                values (:id, :reference, :year, :sequence, :dateOfDeath, :notifiedAt, :status, :now, :now, :firstName,
                    :lastName, :dateOfBirth, :nhsNumber, :sex, :ethnicity, :placeOfDeath, :age, :neonatal,
                    :notifiedExpected, :classification, :classifiedBy, :classifiedAt, :now, :by)""")
                .params(p).update();
    }

    /** Every case has the notification that opened it; the spreadsheet does not say who sent it. */
    private void insertNotification(UUID caseId, ImportedCase c, OffsetDateTime notifiedAt, String by) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", UUID.randomUUID());
        p.put("caseId", caseId);
        p.put("receivedAt", notifiedAt);
        p.put("receivedBy", by);
        p.put("notRecorded", NOT_RECORDED);
        p.put("organisation", IMPORT);
        p.put("firstName", c.firstName());
        p.put("lastName", c.lastName());
        p.put("dateOfBirth", c.dateOfBirth());
        p.put("sex", c.sex());
        p.put("nhsNumber", c.nhsNumber());
        p.put("nhsAbsent", c.nhsNumber() == null ? NOT_RECORDED + " in the imported data" : null);
        p.put("ethnicity", c.ethnicity());
        p.put("dateOfDeath", c.dateOfDeath());
        p.put("placeOfDeath", c.placeOfDeath());
        p.put("notifiedExpected", c.classification() == null ? "not-sure" : c.classification());
        p.put("circumstances", "Imported from the CDOP's records by " + by);
        jdbc.sql("""
                insert into notification (id, case_id, received_at, received_by, notifier_name, notifier_role,
                    notifier_organisation, notifier_email, child_first_name, child_last_name, date_of_birth, sex,
                    nhs_number, nhs_number_absent_reason, ethnicity, date_of_death, place_of_death, notified_expected,
                    circumstances, post_mortem_required, coroner_informed, status)
                values (:id, :caseId, :receivedAt, :receivedBy, :notRecorded, :notRecorded, :organisation, '',
                    :firstName, :lastName, :dateOfBirth, :sex, :nhsNumber, :nhsAbsent, :ethnicity, :dateOfDeath,
                    :placeOfDeath, :notifiedExpected, :circumstances, 'not-known', 'not-known', 'RECORDED')""")
                .params(p).update();
    }
}
