package uk.cdr.casefile;

import static uk.cdr.casefile.CaseFiles.uk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.web.CaseClosed;
import uk.cdr.web.UkDates;

/**
 * The actions a case's meetings set, tracked until done. The SPOC or the Designated Doctor marks
 * one done; the date it was done is kept as first recorded.
 */
@Service
public class CaseActions {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    public CaseActions(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** By due date, so what is most pressing comes first. */
    public List<CaseAction> forCase(UUID caseId) {
        return jdbc.sql("""
                select id, description, owner_agency, due_date, done_at from case_action
                where case_id = ? order by due_date, owner_agency, id""").param(caseId)
                .query((rs, row) -> new CaseAction(rs.getObject("id", UUID.class), rs.getString("description"),
                        rs.getString("owner_agency"), rs.getObject("due_date", LocalDate.class),
                        uk(rs.getObject("done_at", OffsetDateTime.class))))
                .list();
    }

    /** Today on the app's clock, which follows the engine's, so overdue agrees with the timers. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Marks the action done once: a second click, or two people at once, leave the first date and
     * write no second audit row.
     *
     * @return whether this call marked it done
     * @throws UnknownAction when the case has no such action
     */
    @Transactional
    public boolean markDone(CaseView c, UUID actionId, String by) {
        CaseClosed.refuseIfClosed(c.reference(), c.status());
        CaseAction action = forCase(c.id()).stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new UnknownAction(c.id(), actionId));
        int marked = jdbc.sql("update case_action set done_at = ? where id = ? and case_id = ? and done_at is null")
                .params(OffsetDateTime.now(clock), actionId, c.id()).update();
        if (marked == 0) {
            return false;
        }
        // The owner and due date identify the action in the audit trail; its free text stays on the case file.
        auditLog.record(by, AuditAction.CASE_CHANGED, c.reference(), "action done: " + action.ownerAgency()
                + ", due " + UkDates.inWords(action.dueDate()));
        return true;
    }
}
