-- What the scheduler knows of each contact, built from contact events only.
create table contact_projection (
    contact_id            uuid primary key,
    snapshot_version      bigint       not null,
    owner                 varchar(100) not null,
    display_name          varchar(201) not null,
    check_in_cadence_days integer      not null,
    timezone              varchar(64),
    contact_created_at    timestamptz  not null,
    last_touch_at         timestamptz,
    updated_at            timestamptz  not null
);
create index contact_projection_owner on contact_projection (owner);

create table task (
    id               uuid primary key,
    version          bigint       not null,
    contact_id       uuid         not null,
    owner            varchar(100) not null,
    kind             varchar(32)  not null,
    -- what the task is about within its kind, so that one contact can have one open task per subject
    subject          varchar(200) not null,
    status           varchar(32)  not null,
    priority         varchar(16)  not null,
    due_at           timestamptz  not null,
    reason           text         not null,
    rule             varchar(64)  not null,
    source_event_ids text[]       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create unique index task_one_open_per_subject on task (contact_id, kind, subject) where status in ('OPEN', 'SNOOZED');
create index task_contact on task (contact_id);
create index task_owner_status_due on task (owner, status, due_at);
