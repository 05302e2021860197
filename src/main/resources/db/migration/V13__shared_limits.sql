-- Limits shared by every instance, and jobs that run once per cluster (issue 13).

-- Throttle token buckets (Bucket4j's PostgreSQL layout). id is an HMAC of limit and key, never the key
-- itself (keys hold email addresses and phone numbers); state is Bucket4j's serialized bucket;
-- expires_at (epoch milliseconds) is when the bucket is full again, after which retention deletes it.
-- On the embedded H2 database the buckets live in memory and this table stays empty.
create table throttle_bucket (
    id          varchar(64)  primary key,
    state       bytea,
    expires_at  bigint
);
create index throttle_bucket_expires on throttle_bucket (expires_at);

-- Captcha challenges already used: the primary key makes a second use of one challenge fail on any instance.
create table captcha_used (
    signature_hash  varchar(64)  primary key,
    expires_at      timestamp with time zone not null
);
create index captcha_used_expires on captcha_used (expires_at);

-- ShedLock: one row per periodic job (directory-sync, retention); the instance holding it runs the job.
create table shedlock (
    name        varchar(64)   primary key,
    lock_until  timestamp     not null,
    locked_at   timestamp     not null,
    locked_by   varchar(255)  not null
);

-- Retention deletes by these.
create index one_time_code_expires on one_time_code (expires_at);
create index verification_failure_time on verification_failure (occurred_at);
create index audit_record_time on audit_record (occurred_at);
create index outbound_message_finished on outbound_message (finished_at);
