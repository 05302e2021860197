-- An authenticator app being set up: it replaces the active one only once its first code is right.
create table authenticator_enrollment (
    user_id            bigint        primary key references directory_user (id) on delete cascade,
    secret_ciphertext  varchar(200)  not null,
    created_at         timestamp with time zone not null
);
