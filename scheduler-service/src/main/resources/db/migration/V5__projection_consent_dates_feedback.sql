-- The rest of what the issue's projection lists: preferred channel, consent, important dates (yearly), and when the
-- contact-level time rules (important dates, surveys due) must look at the contact again.
alter table contact_projection
    add column preferred_channel varchar(32),
    add column marketing_opt_in  boolean not null default false,
    add column important_dates   jsonb   not null default '[]',
    add column sweep_at          timestamptz;
create index contact_projection_sweep_at on contact_projection (sweep_at) where sweep_at is not null;

-- When a promise was kept, so that "kept on time" can be told from "kept late".
alter table commitment_projection add column fulfilled_at timestamptz;

-- Survey answers, from feedback.received: the latest NPS/CSAT and when the contact last answered a survey.
create table feedback_projection (
    request_id  uuid primary key,
    contact_id  uuid        not null,
    nps_score   integer,
    nps_class   varchar(16),
    csat_score  integer,
    csat_class  varchar(16),
    received_at timestamptz not null
);
create index feedback_projection_contact on feedback_projection (contact_id, received_at);
