alter table contact_projection
    add column lifecycle_stage varchar(32),
    add column do_not_contact  boolean not null default false,
    add column erased_at       timestamptz,
    add column merged_into     uuid;
alter table contact_projection drop column last_touch_at;

-- The window a task belongs to (e.g. the touch-point a check-in counts from): a new window replaces the open task.
alter table task add column time_window varchar(100) not null default '';

-- Touch-points, from interaction events: what the rules need, no free text.
create table interaction_projection (
    id                uuid primary key,
    version           bigint      not null,
    contact_id        uuid        not null,
    type              varchar(32) not null,
    direction         varchar(16) not null,
    occurred_at       timestamptz not null,
    requires_response boolean     not null,
    in_reply_to       uuid,
    sentiment         varchar(16),
    deleted           boolean     not null default false
);
create index interaction_projection_contact on interaction_projection (contact_id, occurred_at);

-- Why a task was closed (by whom, or which event resolved it), and until when it is snoozed.
alter table task add column resolution text, add column snoozed_until timestamptz;
