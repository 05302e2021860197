-- A proven reset flow completes once (S-50). The row is inserted in the transaction of the
-- password write (or the unlock): a second submit of the flow, however concurrent, cannot insert it
-- again, and neither can a second flow of the user started from the same security stamp (S-50).
create table reset_completion (
    flow_id         varchar(64)  primary key,
    user_id         bigint       not null references directory_user (id) on delete cascade,
    security_stamp  bigint       not null,
    outcome         varchar(20)  not null,
    completed_at    timestamp with time zone not null,
    constraint reset_completion_once_per_stamp unique (user_id, security_stamp)
);
