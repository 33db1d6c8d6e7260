package uk.cdr.audit;

/** Filters for reading the audit log; null means "any". */
public record AuditQuery(String actor, AuditAction action, String caseReference, int limit) {
}
