-- A user's page lists their newest events by exact user ID (R-63, R-64): this index finds them in the
-- order shown, newest first, without a sort. It replaces audit_record_tenant_subject, its prefix.
create index audit_record_tenant_subject_time on audit_record (tenant_id, subject, occurred_at, id);
drop index audit_record_tenant_subject;
