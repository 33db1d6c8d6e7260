package uk.cdr.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.reportingyears.YearChanges;

/** Writes the Designated Doctor's decision, the one recorded, to the case file. Idempotent. */
@Component("recordDeathClassification")
class RecordDeathClassification implements JavaDelegate {

    static final String CLASSIFIED_BY = "classifiedBy";

    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final AuditLog auditLog;
    private final Clock clock;

    RecordDeathClassification(JdbcClient jdbc, AuditLog auditLog, Clock clock, YearChanges yearChanges) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.yearChanges = yearChanges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = uk.cdr.config.CaseVariables.caseId(execution);
        String classification = (String) execution.getVariable(NotificationVariables.DEATH_CLASSIFICATION);
        if (!"expected".equals(classification) && !"unexpected".equals(classification)) {
            throw new IllegalStateException("deathClassification must be expected or unexpected, was " + classification);
        }
        String by = (String) execution.getVariable(CLASSIFIED_BY);
        String suggestion = (String) execution.getVariable(NotificationVariables.SUGGESTED_CLASSIFICATION);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update case_file set death_classification = ?, classified_by = ?, classified_at = ?,
                    suggested_classification = ?, status = 'CLASSIFIED', updated_at = ?, version = version + 1
                where id = ?""")
                .params(classification, by, now, suggestion, now, caseId).update();
        // Counted only in the deaths tables of the reporting year of the death.
        yearChanges.deathFiguresChanged(caseId);
        auditLog.record(by, AuditAction.CASE_CHANGED, (uk.cdr.config.CaseVariables.caseReference(execution)),
                "death classified as " + classification);
    }
}
