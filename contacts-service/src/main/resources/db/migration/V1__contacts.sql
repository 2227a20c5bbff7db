create table contact (
    id                    uuid primary key,
    version               bigint       not null,
    owner                 varchar(100) not null,
    first_name            varchar(100) not null,
    last_name             varchar(100),
    email                 varchar(254),
    check_in_cadence_days integer      not null check (check_in_cadence_days between 1 and 365),
    timezone              varchar(64),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null
);
create index contact_owner on contact (owner);
