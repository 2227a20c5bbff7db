-- Who could see an erased contact: only they learn that it existed (410); anyone else gets 404. The owner is the
-- rep's user id, not the contact's personal data. Erasures recorded before this column have none: 404 to reps.
alter table erased_contact add column owner text;
