-- Addresses a rep's contacts gained since their mailboxes were read: each such mailbox is searched for them over the
-- back-fill window at its next read, so that mail that came before the contact (or the address) did is captured too.
create table capture_rescan (
    mailbox_id uuid         not null references mailbox (id) on delete cascade,
    address    varchar(320) not null,
    primary key (mailbox_id, address)
);
