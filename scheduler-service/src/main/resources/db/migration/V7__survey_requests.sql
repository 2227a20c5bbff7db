-- Surveys sent but not answered yet hold back FEEDBACK_DUE: feedback.requested is projected too.
alter table feedback_projection
    alter column received_at drop not null,
    add column requested_at timestamptz,
    add column expires_at   timestamptz;
create index feedback_projection_open on feedback_projection (contact_id, expires_at) where received_at is null;
