package uk.cdr.audit;

import java.time.OffsetDateTime;

/** One row of the append-only audit log: who did what, when, to which case. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, AuditAction action,
        String caseReference, String detail) {
}
