-- A reset completes or is recognizably pending (issue 13). For a password kept in an on-premises
-- directory the row is written PENDING in a short transaction before the directory is called (no
-- database connection is held during the LDAP write), and becomes DONE in the transaction that moves
-- the stamp, closes the codes, audits and notifies. A PENDING row that nobody holds (lease_until past)
-- is finished or released by a retry of the user or by the recovery job, which claim it with a
-- conditional update. Existing rows completed in one transaction: DONE.
alter table reset_completion add column status varchar(10) default 'DONE' not null;
alter table reset_completion add column lease_until timestamp with time zone;
-- The directory's password version read before the write (pwdChangedTime, pwdLastSet): a different
-- value later says the write happened. Never the password.
alter table reset_completion add column password_version varchar(200);
-- What the finishing transaction needs to publish the event when the job, not the request, finishes.
alter table reset_completion add column tenant_id bigint;
alter table reset_completion add column subject varchar(320);
alter table reset_completion add column methods varchar(200);
alter table reset_completion add column client_address varchar(64);
alter table reset_completion add column locale varchar(35);
create index reset_completion_pending on reset_completion (status, lease_until);
