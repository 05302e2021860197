-- Admin actions are audited with who did them and what changed (S-65, R-60).
alter table audit_record add column actor varchar(320);
alter table audit_record add column details varchar(4000);
create index audit_record_tenant_subject on audit_record (tenant_id, subject);

-- R-52: the tenant's logo and brand colour on its end-user pages. bytea is a binary type in both
-- H2 and PostgreSQL.
alter table tenant add column brand_color varchar(7);
alter table tenant add column logo bytea;
alter table tenant add column logo_type varchar(40);
alter table tenant add column branding_version bigint default 0 not null;

create index directory_user_tenant_name on directory_user (tenant_id, display_name);
