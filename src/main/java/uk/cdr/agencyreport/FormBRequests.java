package uk.cdr.agencyreport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.reportingyears.YearChanges;

/** The agency_report_request table: one row per agency asked for a Form B. */
@Component
class FormBRequests {

    record Request(UUID id, UUID caseId, String caseReference, String agency, String contactName,
            String contactEmail, RequestStatus status, OffsetDateTime requestedAt, OffsetDateTime dueAt,
            OffsetDateTime remindedAt, OffsetDateTime returnedAt, int linksSent, OffsetDateTime tokenExpiresAt) {

        FormBStatus toStatus() {
            return new FormBStatus(id, agency, contactName, contactEmail, status.name(), requestedAt, dueAt,
                    remindedAt, returnedAt);
        }
    }

    private static final String SELECT = """
            select r.*, c.case_reference from agency_report_request r join case_file c on c.id = r.case_id
            """;

    private final JdbcClient jdbc;
    private final YearChanges yearChanges;

    FormBRequests(JdbcClient jdbc, YearChanges yearChanges) {
        this.jdbc = jdbc;
        this.yearChanges = yearChanges;
    }

    Optional<Request> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(FormBRequests::map).optional();
    }

    Optional<Request> byTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + " where r.token_hash = ?").param(tokenHash).query(FormBRequests::map).optional();
    }

    List<Request> forCase(UUID caseId) {
        return jdbc.sql(SELECT + " where r.case_id = ? order by r.requested_at, r.agency, r.id").param(caseId)
                .query(FormBRequests::map).list();
    }

    void insert(UUID id, UUID caseId, AgencyContact contact, OffsetDateTime requestedAt, String requestedBy,
            OffsetDateTime dueAt) {
        jdbc.sql("""
                insert into agency_report_request (id, case_id, agency, contact_name, contact_email, status,
                    requested_at, requested_by, due_at)
                values (?, ?, ?, ?, ?, 'SENT', ?, ?, ?)""")
                .params(id, caseId, contact.agency().trim(), blankToNull(contact.contactName()),
                        contact.contactEmail().trim(), requestedAt, requestedBy, dueAt)
                .update();
        yearChanges.caseChanged(caseId);
    }

    void processStarted(UUID id, String processInstanceId) {
        jdbc.sql("update agency_report_request set process_instance_id = ? where id = ?")
                .params(processInstanceId, id).update();
    }

    /** A new link replaces the old one: the old token's hash is gone, so it stops working. */
    void newLink(UUID id, String tokenHash, OffsetDateTime expiresAt, int linksSent) {
        jdbc.sql("""
                update agency_report_request set token_hash = ?, token_expires_at = ?, links_sent = ?,
                    version = version + 1
                where id = ?""")
                .params(tokenHash, expiresAt, linksSent, id).update();
    }

    void reminded(UUID id, OffsetDateTime at) {
        jdbc.sql("""
                update agency_report_request set status = 'REMINDED', reminded_at = ?, version = version + 1
                where id = ? and status not in ('RETURNED', 'WITHDRAWN')""")
                .params(at, id).update();
        countedAgain(id);
    }

    void overdue(UUID id, OffsetDateTime at) {
        jdbc.sql("""
                update agency_report_request set status = 'OVERDUE', overdue_at = coalesce(overdue_at, ?),
                    version = version + 1
                where id = ? and status not in ('RETURNED', 'WITHDRAWN')""")
                .params(at, id).update();
        countedAgain(id);
    }

    /** Chased: the status becomes REMINDED when the reminder goes out. */
    void chased(UUID id, OffsetDateTime dueAt, OffsetDateTime at) {
        jdbc.sql("""
                update agency_report_request set due_at = ?, chased_at = coalesce(chased_at, ?), version = version + 1
                where id = ? and status not in ('RETURNED', 'WITHDRAWN')""")
                .params(dueAt, at, id).update();
        countedAgain(id);
    }

    void extended(UUID id, OffsetDateTime dueAt, OffsetDateTime at) {
        jdbc.sql("""
                update agency_report_request set status = 'EXTENDED', due_at = ?, extended_at = ?,
                    version = version + 1
                where id = ? and status not in ('RETURNED', 'WITHDRAWN')""")
                .params(dueAt, at, id).update();
        countedAgain(id);
    }

    /**
     * Withdrawn: the link dies with the status, but its hash stays, so the agency who follows it
     * is told the request was withdrawn rather than that the link is unknown.
     */
    void withdrawn(UUID id, OffsetDateTime at) {
        jdbc.sql("""
                update agency_report_request set status = 'WITHDRAWN', withdrawn_at = ?,
                    token_expires_at = null, version = version + 1
                where id = ? and status not in ('RETURNED', 'WITHDRAWN')""")
                .params(at, id).update();
        countedAgain(id);
    }

    /**
     * Returned: the link dies with the status (its hash stays, to tell a second visit it was used).
     * False if another submission or a withdrawal came first.
     */
    boolean returned(UUID id, String tokenHash, OffsetDateTime at) {
        boolean returned = jdbc.sql("""
                update agency_report_request set status = 'RETURNED', returned_at = ?,
                    token_expires_at = null, version = version + 1
                where id = ? and token_hash = ? and status not in ('RETURNED', 'WITHDRAWN')""")
                .params(at, id, tokenHash).update() == 1;
        if (returned) {
            countedAgain(id);
        }
        return returned;
    }

    /** A change the Form B figures count (requests, returns, overdue, withdrawn) for the request's case. */
    private void countedAgain(UUID id) {
        jdbc.sql("select case_id from agency_report_request where id = ?").param(id).query(UUID.class).optional()
                .ifPresent(yearChanges::caseChanged);
    }

    private static Request map(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("case_reference"), rs.getString("agency"), rs.getString("contact_name"),
                rs.getString("contact_email"), RequestStatus.valueOf(rs.getString("status")),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("reminded_at", OffsetDateTime.class), rs.getObject("returned_at", OffsetDateTime.class),
                rs.getInt("links_sent"), rs.getObject("token_expires_at", OffsetDateTime.class));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
