-- The contact replica's columns as the platform's ContactReplica has them: when the contact was erased instead of a
-- status (merged is merged_into being set), and no owner for a contact merged or erased before any snapshot.
alter table known_contact add column erased_at timestamptz;
update known_contact set erased_at = updated_at where status = 'ERASED';
alter table known_contact alter column owner drop not null;
update known_contact set owner = null where owner = '';
alter table known_contact drop column status;
