-- A tombstone (a record with a key and no value) ends a contact's history on the compacted contacts topic once the
-- contact is erased: it has no type, subject or payload.
alter table outbox_event
    alter column type drop not null,
    alter column subject drop not null,
    alter column payload drop not null;
