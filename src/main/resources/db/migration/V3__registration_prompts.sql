-- R-24: when the user last confirmed their security info is still right.
alter table directory_user add column security_info_confirmed_at timestamp with time zone;

-- Where a relying application may send users back to after the security-info page (origins only).
create table return_to_origin (
    tenant_id  bigint        not null references tenant (id),
    origin     varchar(255)  not null,
    primary key (tenant_id, origin)
);
