package uk.cdr.caseimport;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.casefile.CaseReferences;
import uk.cdr.casefile.CaseReferences.CaseReference;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.config.OneEngineCommand;
import uk.cdr.guidance.Edition;
import uk.cdr.reportingyears.YearChanges;

/**
 * Writes a file's imported cases into the tables a live case fills (Notifications' case file and
 * notification, then each stage's own), so the queue and the statistics cannot tell them apart.
 * What the spreadsheet never held is written as "not recorded"; see docs/import.md.
 */
@Component
class ImportedCaseWriter {

    static final String NOT_RECORDED = "Not recorded";
    static final String IMPORT = "Historical case import";
    /** Where imported meetings (rapid response, CDOP panel) are said to have been held. */
    static final String PLACE = "Imported";

    // out_of_hours stays null: the spreadsheet has the day of the notification, not its time.
    private static final String CASE_FILE = """
            insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death, notified_at,
                status, created_at, updated_at, child_first_name, child_last_name, date_of_birth, nhs_number, sex,
                ethnicity, place_of_death, age_at_death_days, neonatal, notified_expected, death_classification,
                classified_by, classified_at, imported_at, imported_by, final_case_discussion_done_at,
                form_b_proceed_reason, form_b_proceed_by, form_b_proceed_at, review_completed_on, closed_at, area, edition)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /**
     * A 2018 case decided on: its rapid_response column is the Joint Agency Response, so its process does not
     * ask the Designated Doctor again.
     */
    private static final String REVIEW_2018 = """
            insert into case_review_2018 (case_id, jar_decided, jar_decided_by, jar_decided_at) values (?, ?, ?, ?)""";
    private static final String NOTIFICATION = """
            insert into notification (id, case_id, received_at, received_by, notifier_name, notifier_role,
                notifier_organisation, notifier_email, child_first_name, child_last_name, date_of_birth, sex,
                nhs_number, nhs_number_absent_reason, ethnicity, date_of_death, place_of_death, notified_expected,
                circumstances, post_mortem_required, coroner_informed, status, area)
            values (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'not-known', 'not-known', 'RECORDED', ?)""";

    private final JdbcTemplate jdbc;
    private final CaseReferences references;
    private final ImportedStages stages;
    private final ImportedReview review;
    private final CaseProcess caseProcess;
    private final OneEngineCommand oneEngineCommand;
    /** ImportRateBenchmark, 2,000 open cases in one file: 127 cases/s in chunks of 50, 82 in one command. */
    static final int STARTS_PER_COMMAND = 50;

    private final AuditLog auditLog;
    private final YearChanges yearChanges;

    ImportedCaseWriter(JdbcTemplate jdbc, CaseReferences references, ImportedStages stages, ImportedReview review,
            CaseProcess caseProcess, OneEngineCommand oneEngineCommand, AuditLog auditLog, YearChanges yearChanges) {
        this.yearChanges = yearChanges;
        this.caseProcess = caseProcess;
        this.oneEngineCommand = oneEngineCommand;
        this.jdbc = jdbc;
        this.references = references;
        this.stages = stages;
        this.review = review;
        this.auditLog = auditLog;
    }

    /** @return the case references, in the order of the cases */
    List<String> write(List<ImportedCase> cases, String by, OffsetDateTime now) {
        List<CaseReference> caseReferences = references(cases);
        Map<UUID, ImportedCase> byId = new LinkedHashMap<>();
        List<UUID> open = new ArrayList<>();
        ImportBatch batch = new ImportBatch(Stream.of(List.of(CASE_FILE, NOTIFICATION, REVIEW_2018), ImportedStages.STATEMENTS,
                ImportedReview.STATEMENTS).flatMap(List::stream).toList());
        for (int i = 0; i < cases.size(); i++) {
            UUID caseId = UUID.randomUUID();
            ImportedCase c = cases.get(i);
            byId.put(caseId, c);
            batch.add(CASE_FILE, caseFile(caseId, caseReferences.get(i), c, by, now));
            batch.add(NOTIFICATION, notification(caseId, c, by));
            if (Edition.STATUTORY_GUIDANCE_2018.code().equals(c.edition()) && c.classification() != null) {
                batch.add(REVIEW_2018, new Object[] {caseId, c.rapidResponse(), by, now});
            }
            if (!c.closed()) {
                open.add(caseId);
            }
        }
        stages.add(batch, byId, by, now);
        review.add(batch, byId, by, now);
        batch.write(jdbc);
        // Its meetings too: the import dates each meeting on a review of its cases, after their deaths.
        yearChanges.casesChanged(byId.keySet());
        // Each open case's process starts where its records say, a chunk of cases per engine command: one
        // flush, batched by table, for the chunk. Its next step is there at once, and an old case past its
        // 6 and 12 months has the SPOC and chair told. A chunk, not the whole file: the engine orders a
        // flush's inserts by comparing them with each other, which grows with the square of their number.
        for (int from = 0; from < open.size(); from += STARTS_PER_COMMAND) {
            List<UUID> chunk = open.subList(from, Math.min(open.size(), from + STARTS_PER_COMMAND));
            oneEngineCommand.run(() -> chunk.forEach(caseProcess::startWhereRecordsSay));
        }
        List<String> written = caseReferences.stream().map(CaseReference::text).toList();
        auditLog.recordEach(by, AuditAction.CASE_CREATED, written, "imported");
        return written;
    }

    /** A reference the file gives was checked and claimed before anything was written. */
    static CaseReference parse(String reference) {
        return new CaseReference(reference.substring(0, 7), Integer.parseInt(reference.substring(8)));
    }

    static OffsetDateTime notifiedAt(ImportedCase c) {
        return Dates.noon(c.notifiedOn() == null ? c.dateOfDeath() : c.notifiedOn());
    }

    /** The file's references, and new ones in file order for the rest, as a call of next() per case would give. */
    private List<CaseReference> references(List<ImportedCase> cases) {
        Map<String, Integer> newPerYear = new TreeMap<>();
        cases.stream().filter(c -> c.reference() == null).forEach(c -> newPerYear.merge(c.reportingYear(), 1, Integer::sum));
        Map<String, Iterator<CaseReference>> next = new TreeMap<>();
        newPerYear.forEach((year, count) -> next.put(year, references.next(year, count).iterator()));
        List<CaseReference> all = new ArrayList<>();
        for (ImportedCase c : cases) {
            all.add(c.reference() == null ? next.get(c.reportingYear()).next() : parse(c.reference()));
        }
        return all;
    }

    /**
     * With what the stages and the review record on it (the live services update it as each ends):
     * one row version instead of up to four.
     */
    private static Object[] caseFile(UUID caseId, CaseReference reference, ImportedCase c, String by,
            OffsetDateTime now) {
        OffsetDateTime notifiedAt = notifiedAt(c);
        String classification = c.classification();
        String status = c.closed() ? "CLOSED" : classification == null ? "NOTIFIED" : "CLASSIFIED";
        boolean proceeded = c.formBProceedReason() != null;
        return new Object[] {caseId, reference.text(), reference.reportingYear(), reference.sequence(),
            c.dateOfDeath(), notifiedAt, status, now, now, c.firstName(), c.lastName(), c.dateOfBirth(), c.nhsNumber(),
            c.sex(), c.ethnicity(), c.placeOfDeath(), c.ageAtDeathDays(), c.neonatal(),
            classification == null ? "not-sure" : classification, classification,
            classification == null ? null : by, classification == null ? null : notifiedAt, now, by,
            ImportedStages.finalCaseDiscussionDoneAt(c, now), c.formBProceedReason(), proceeded ? by : null,
            proceeded ? now : null, c.closed() ? c.review().completedOn() : null, ImportedReview.closedAt(c), c.area(),
            c.edition()};
    }

    /** Every case has the notification that opened it; the spreadsheet does not say who sent it. */
    private static Object[] notification(UUID caseId, ImportedCase c, String by) {
        return new Object[] {UUID.randomUUID(), caseId, notifiedAt(c), by, NOT_RECORDED, NOT_RECORDED, IMPORT,
            c.firstName(), c.lastName(), c.dateOfBirth(), c.sex(), c.nhsNumber(),
            c.nhsNumber() == null ? NOT_RECORDED + " in the imported data" : null, c.ethnicity(), c.dateOfDeath(),
            c.placeOfDeath(), c.classification() == null ? "not-sure" : c.classification(),
            "Imported from the CDOP's records by " + by, c.area()};
    }
}
