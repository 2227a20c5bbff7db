-- The contact replica's columns as the platform's ContactReplica has them: when the contact was erased, not a flag.
alter table feedback_contact add column erased_at timestamptz;
update feedback_contact set erased_at = updated_at where erased;
alter table feedback_contact drop column erased;
