-- The contacts this service knows of, projected from rapport.contacts.v1: who owns them, and whether they were
-- merged into another contact or erased.
create table known_contact (
    id               uuid primary key,
    owner            text        not null,
    snapshot_version bigint      not null,
    status           varchar(16) not null check (status in ('ACTIVE', 'MERGED', 'ERASED')),
    merged_into      uuid,
    updated_at       timestamptz not null
);

create table interaction (
    id                uuid primary key,
    version           bigint       not null,
    contact_id        uuid         not null,
    owner             text         not null,
    logged_by         text         not null,
    type              varchar(16)  not null,
    direction         varchar(16)  not null,
    occurred_at       timestamptz  not null,
    duration_minutes  integer check (duration_minutes between 0 and 1440),
    subject           varchar(200),
    summary           text,
    sentiment         varchar(16),
    needs_heard       jsonb        not null default '[]',
    value_provided    text,
    next_steps        text,
    requires_response boolean      not null default false,
    in_reply_to       uuid references interaction (id) on delete set null,
    attachments       jsonb        not null default '[]',
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index interaction_contact_time on interaction (contact_id, occurred_at desc, id desc);
create index interaction_owner_time on interaction (owner, occurred_at desc, id desc);
create index interaction_time on interaction (occurred_at desc, id desc);

create table commitment (
    id               uuid primary key,
    version          bigint        not null,
    contact_id       uuid          not null,
    owner            text          not null,
    interaction_id   uuid references interaction (id) on delete set null,
    description      varchar(2000) not null,
    due_at           timestamptz   not null,
    status           varchar(16)   not null check (status in ('OPEN', 'FULFILLED', 'CANCELLED')),
    fulfilled_at     timestamptz,
    cancelled_reason varchar(2000),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null
);
create index commitment_contact_time on commitment (contact_id, created_at desc, id desc);
create index commitment_owner_due on commitment (owner, due_at, id);
create index commitment_due on commitment (due_at, id);
