package uk.cdr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.cdr.support.IntegrationTest;

class AuditLogTest extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsWhoDidWhatWhenToWhichCaseNewestFirst() {
        auditLog.record("spoc", AuditAction.CASE_VIEWED, "2014-15/007", "case page");
        auditLog.record("spoc", AuditAction.CASE_CHANGED, "2014-15/007", "agency added");

        assertThat(auditLog.find(new AuditQuery(null, null, "2014-15/007", 10)))
                .extracting(AuditEntry::action, AuditEntry::actor)
                .startsWith(org.assertj.core.groups.Tuple.tuple(AuditAction.CASE_CHANGED, "spoc"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.CASE_VIEWED, "spoc"));
        assertThat(auditLog.find(new AuditQuery(null, null, "2014-15/007", 1)).get(0).occurredAt()).isNotNull();
    }

    @Test
    void overlongDetailIsClippedRatherThanLost() {
        auditLog.record("x".repeat(300), AuditAction.CASE_VIEWED, "2014-15/900", "y".repeat(5000));
        AuditEntry entry = auditLog.find(new AuditQuery(null, null, "2014-15/900", 1)).get(0);
        assertThat(entry.actor()).hasSize(AuditLog.ACTOR_MAX);
        assertThat(entry.detail()).hasSize(AuditLog.DETAIL_MAX);
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteHistory() {
        auditLog.record("panel", AuditAction.CASE_VIEWED, "2014-15/008", null);
        long id = auditLog.find(new AuditQuery("panel", null, "2014-15/008", 1)).get(0).id();

        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone-else' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(auditLog.find(new AuditQuery("panel", null, "2014-15/008", 1))).singleElement()
                .extracting(AuditEntry::actor).isEqualTo("panel");
    }
}
