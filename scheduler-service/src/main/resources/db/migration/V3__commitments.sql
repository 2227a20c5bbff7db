-- Promises made to contacts, from commitment events: what COMMITMENT_DUE needs.
create table commitment_projection (
    id          uuid primary key,
    version     bigint        not null,
    contact_id  uuid          not null,
    description varchar(2000) not null,
    due_at      timestamptz   not null,
    status      varchar(16)   not null
);
create index commitment_projection_contact on commitment_projection (contact_id);
