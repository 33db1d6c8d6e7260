-- H2 triggers need Java classes; the demo database relies on AuditLog offering no update or delete.
-- This version is kept so H2 and PostgreSQL share one migration numbering.
select 1;
