-- A contact merged or erased before any snapshot of it arrived now has a row too (the platform's contact replica
-- records it, so that no later snapshot revives it): it has no owner, name or creation time.
alter table contact_projection
    alter column owner drop not null,
    alter column display_name drop not null,
    alter column contact_created_at drop not null;
