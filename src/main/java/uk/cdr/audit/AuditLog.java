package uk.cdr.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.paging.Page;

/**
 * The audit trail of who viewed or changed what. Only appends: the table refuses updates and
 * deletes on PostgreSQL (a trigger), and this class offers neither. It is the system of record,
 * unlike the engine's history, which is cleaned up by design.
 */
@Service
public class AuditLog {

    public static final String ANONYMOUS = "anonymous";
    static final int ACTOR_MAX = 100;
    static final int DETAIL_MAX = 1000;

    private static final String INSERT = """
            insert into audit_log (occurred_at, actor, action, case_reference, detail)
            values (?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String caseReference, String detail) {
        jdbc.sql(INSERT).params(entry(actor, action, caseReference, detail)).update();
    }

    /** One entry per case, as a {@link #record} call each would write them, in one JDBC batch: an import writes thousands. */
    public void recordEach(String actor, AuditAction action, List<String> caseReferences, String detail) {
        batch.batchUpdate(INSERT, caseReferences.stream().map(reference -> entry(actor, action, reference, detail)).toList());
    }

    private Object[] entry(String actor, AuditAction action, String caseReference, String detail) {
        return new Object[] {OffsetDateTime.now(clock), clip(actor == null || actor.isBlank() ? ANONYMOUS : actor, ACTOR_MAX),
                action.name(), caseReference, clip(detail, DETAIL_MAX)};
    }

    /** The newest entries, at most the query's limit. Every criterion is optional. */
    public List<AuditEntry> find(AuditQuery query) {
        Where where = where(query);
        List<Object> params = new ArrayList<>(where.params());
        params.add(query.limit());
        return jdbc.sql("select * from audit_log" + where.sql() + " order by id desc limit ?").params(params)
                .query(AuditLog::entry).list();
    }

    /** One page of the entries the query keeps (its limit aside), newest first, and how many it keeps in all. */
    public Page<AuditEntry> page(AuditQuery query, int page, int size) {
        Where where = where(query);
        long total = jdbc.sql("select count(*) from audit_log" + where.sql()).params(where.params()).query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add(Page.offset(page, size));
        List<AuditEntry> items = total == 0 ? List.of()
                : jdbc.sql("select * from audit_log" + where.sql() + " order by id desc limit ? offset ?").params(params)
                        .query(AuditLog::entry).list();
        return new Page<>(items, page, size, total);
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(AuditQuery query) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            sql.append(" and actor = ?");
            params.add(query.actor().trim());
        }
        if (query.action() != null) {
            sql.append(" and action = ?");
            params.add(query.action().name());
        }
        if (query.caseReference() != null && !query.caseReference().isBlank()) {
            sql.append(" and case_reference = ?");
            params.add(query.caseReference().trim());
        }
        return new Where(sql.toString(), params);
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("case_reference"), rs.getString("detail"));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
