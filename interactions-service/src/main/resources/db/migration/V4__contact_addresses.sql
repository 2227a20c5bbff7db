-- The email addresses of the contacts in the replica (their snapshots' emails, lower-cased), by owner: capture
-- recognises a rep's contacts in the From, To and Cc of their mail by them. Replaced with each snapshot, dropped on a
-- merge (the survivor's next snapshot carries them) and on an erasure.
create table contact_address (
    contact_id uuid         not null,
    owner      varchar(100) not null,
    address    varchar(320) not null,
    primary key (contact_id, address)
);
create index contact_address_by_owner on contact_address (owner, address);
